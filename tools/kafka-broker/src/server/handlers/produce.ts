import { ErrorCode } from '../../protocol/error-codes';
import { ProducePartitionResponse, decodeProduceRequest, encodeProduceResponse } from '../../protocol/produce';
import { splitRecordSet } from '../../protocol/record-batch';
import type { BrokerServices, RequestHandler } from '../broker-services';
import { errorFields } from '../logger';

const UNKNOWN_SERVER_ERROR = -1;
const NO_LOG_APPEND_TIME = -1n;

function failedPartition(partitionIndex: number, errorCode: number): ProducePartitionResponse {
  return { partitionIndex, errorCode, baseOffset: -1n, logAppendTimeMs: NO_LOG_APPEND_TIME, logStartOffset: -1n };
}

async function appendToPartition(
  services: BrokerServices,
  topic: string,
  partitionIndex: number,
  records: Buffer | null,
): Promise<ProducePartitionResponse> {
  const partition = services.logs.partition(topic, partitionIndex);
  if (!partition) return failedPartition(partitionIndex, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
  const split = splitRecordSet(records ?? Buffer.alloc(0));
  if (!split.ok) {
    services.logger.warn({ topic, partition: partitionIndex, reason: split.reason }, 'rejected produced records');
    return failedPartition(partitionIndex, ErrorCode.CORRUPT_MESSAGE);
  }
  try {
    const result = await services.logs.append(partition, split.batches);
    if (result.errorCode !== ErrorCode.NONE) return failedPartition(partitionIndex, result.errorCode);
    return {
      partitionIndex,
      errorCode: ErrorCode.NONE,
      baseOffset: result.baseOffset,
      logAppendTimeMs: NO_LOG_APPEND_TIME,
      logStartOffset: partition.log.logStartOffset,
    };
  } catch (error) {
    services.logger.error({ topic, partition: partitionIndex, ...errorFields(error) }, 'append failed');
    return failedPartition(partitionIndex, UNKNOWN_SERVER_ERROR);
  }
}

/** Produce v7: appends each partition's batches; acks = 0 gets no response at all. */
export function handleProduce(services: BrokerServices): RequestHandler {
  return async (body) => {
    const request = decodeProduceRequest(body);
    const topics = await Promise.all(
      request.topics.map(async (topic) => ({
        name: topic.name,
        partitions: await Promise.all(topic.partitions.map((p) => appendToPartition(services, topic.name, p.partitionIndex, p.records))),
      })),
    );
    const detail = { topics: request.topics.map((t) => t.name), acks: request.acks };
    if (request.acks === 0) return { body: null, detail };
    return { body: encodeProduceResponse({ topics, throttleTimeMs: 0 }), detail };
  };
}
