import { ErrorCode } from '../../protocol/error-codes';
import { decodeCreatePartitionsRequest, encodeCreatePartitionsResponse } from '../../protocol/create-partitions';
import { CreateTopicsRequest, TopicResult, decodeCreateTopicsRequest, encodeCreateTopicsResponse } from '../../protocol/create-topics';
import { decodeDeleteTopicsRequest, encodeDeleteTopicsResponse } from '../../protocol/delete-topics';
import { isValidTopicName } from '../../log/topic-name';
import type { BrokerServices, RequestHandler } from '../broker-services';

type TopicToCreate = CreateTopicsRequest['topics'][number];

/** One broker: replication factor -1 (default) or 1 only, like a single-node Kafka. */
function replicationError(topic: TopicToCreate): TopicResult | null {
  if (topic.replicationFactor === -1 || topic.replicationFactor === 1) return null;
  return {
    name: topic.name,
    errorCode: ErrorCode.INVALID_REPLICATION_FACTOR,
    errorMessage: `Replication factor: ${topic.replicationFactor} larger than available brokers: 1.`,
  };
}

async function createTopic(services: BrokerServices, topic: TopicToCreate, validateOnly: boolean): Promise<TopicResult> {
  const invalidReplication = replicationError(topic);
  if (invalidReplication) return invalidReplication;
  const partitions = topic.assignments.length > 0 ? topic.assignments.length : topic.numPartitions;
  if (validateOnly) {
    if (!isValidTopicName(topic.name)) return { name: topic.name, errorCode: ErrorCode.INVALID_TOPIC_EXCEPTION, errorMessage: null };
    if (services.logs.hasTopic(topic.name)) return { name: topic.name, errorCode: ErrorCode.TOPIC_ALREADY_EXISTS, errorMessage: null };
    return { name: topic.name, errorCode: ErrorCode.NONE, errorMessage: null };
  }
  const result = await services.logs.createTopic(topic.name, partitions);
  if (result.errorCode === ErrorCode.NONE) services.logger.info({ topic: topic.name, partitions: services.logs.partitionCount(topic.name) }, 'created topic');
  return { name: topic.name, ...result };
}

/** CreateTopics v3: existing topic -> 36, num_partitions -1 -> the broker default. */
export function handleCreateTopics(services: BrokerServices): RequestHandler {
  return async (body) => {
    const request = decodeCreateTopicsRequest(body);
    const results: TopicResult[] = [];
    for (const topic of request.topics) results.push(await createTopic(services, topic, request.validateOnly));
    return { body: encodeCreateTopicsResponse(results), detail: { topics: request.topics.map((t) => t.name) } };
  };
}

export function handleDeleteTopics(services: BrokerServices): RequestHandler {
  return async (body) => {
    const request = decodeDeleteTopicsRequest(body);
    const results = [];
    for (const name of request.topicNames) {
      const { errorCode } = await services.logs.deleteTopic(name);
      if (errorCode === ErrorCode.NONE) services.logger.info({ topic: name }, 'deleted topic');
      results.push({ name, errorCode });
    }
    return { body: encodeDeleteTopicsResponse(results), detail: { topics: request.topicNames } };
  };
}

export function handleCreatePartitions(services: BrokerServices): RequestHandler {
  return async (body) => {
    const request = decodeCreatePartitionsRequest(body);
    const results: TopicResult[] = [];
    for (const topic of request.topics) {
      results.push({ name: topic.name, ...(await services.logs.createPartitions(topic.name, topic.count, request.validateOnly)) });
    }
    return { body: encodeCreatePartitionsResponse(results), detail: { topics: request.topics.map((t) => t.name) } };
  };
}
