import { isValidTopicName } from '../../log/topic-name';
import { ErrorCode } from '../../protocol/error-codes';
import { MetadataTopic, decodeMetadataRequest, encodeMetadataResponse } from '../../protocol/metadata';
import { BROKER_NODE_ID, BrokerServices, RequestHandler } from '../broker-services';

function describeTopic(services: BrokerServices, name: string): MetadataTopic {
  const count = services.logs.partitionCount(name) ?? 0;
  const partitions = Array.from({ length: count }, (_, partitionIndex) => ({
    errorCode: ErrorCode.NONE,
    partitionIndex,
    leaderId: BROKER_NODE_ID,
    replicaNodes: [BROKER_NODE_ID],
    isrNodes: [BROKER_NODE_ID],
    offlineReplicas: [],
  }));
  return { errorCode: ErrorCode.NONE, name, isInternal: false, partitions };
}

function topicError(name: string, errorCode: number): MetadataTopic {
  return { errorCode, name, isInternal: false, partitions: [] };
}

/** A requested topic: described if it exists, created if both the request and the broker allow it, else an error. */
async function resolveTopic(services: BrokerServices, name: string, allowAutoTopicCreation: boolean): Promise<MetadataTopic> {
  if (services.logs.hasTopic(name)) return describeTopic(services, name);
  if (!isValidTopicName(name)) return topicError(name, ErrorCode.INVALID_TOPIC_EXCEPTION);
  if (!allowAutoTopicCreation || !services.autoCreateTopics) return topicError(name, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
  const created = await services.logs.createTopic(name, -1);
  if (created.errorCode === ErrorCode.NONE) services.logger.info({ topic: name, partitions: services.logs.partitionCount(name) }, 'auto-created topic');
  if (services.logs.hasTopic(name)) return describeTopic(services, name);
  return topicError(name, created.errorCode);
}

/** Metadata v6: this broker (node 0, the controller) and the requested topics; a null list means all. */
export function handleMetadata(services: BrokerServices): RequestHandler {
  return async (body) => {
    const request = decodeMetadataRequest(body);
    const topics: MetadataTopic[] = [];
    if (request.topics === null) {
      topics.push(...services.logs.topicNames().map((name) => describeTopic(services, name)));
    } else {
      for (const name of request.topics) topics.push(await resolveTopic(services, name, request.allowAutoTopicCreation));
    }
    const response = encodeMetadataResponse({
      throttleTimeMs: 0,
      brokers: [{ nodeId: BROKER_NODE_ID, host: services.advertised.host, port: services.advertised.port, rack: null }],
      clusterId: services.clusterId,
      controllerId: BROKER_NODE_ID,
      topics,
    });
    return { body: response, detail: { topics: request.topics ?? 'all' } };
  };
}
