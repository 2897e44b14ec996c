import { ErrorCode } from '../../protocol/error-codes';
import {
  EARLIEST_TIMESTAMP,
  LATEST_TIMESTAMP,
  ListOffsetsPartitionResponse,
  decodeListOffsetsRequest,
  encodeListOffsetsResponse,
} from '../../protocol/list-offsets';
import type { BrokerServices, RequestHandler } from '../broker-services';

const UNKNOWN = -1n;

function listOffset(services: BrokerServices, topic: string, partitionIndex: number, timestamp: bigint): ListOffsetsPartitionResponse {
  const partition = services.logs.partition(topic, partitionIndex);
  if (!partition) return { partitionIndex, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, timestamp: UNKNOWN, offset: UNKNOWN };
  if (timestamp === LATEST_TIMESTAMP) return { partitionIndex, errorCode: ErrorCode.NONE, timestamp: UNKNOWN, offset: partition.logEndOffset };
  if (timestamp === EARLIEST_TIMESTAMP) return { partitionIndex, errorCode: ErrorCode.NONE, timestamp: UNKNOWN, offset: partition.log.logStartOffset };
  const found = partition.log.findByTimestamp(timestamp);
  return { partitionIndex, errorCode: ErrorCode.NONE, timestamp: found?.timestamp ?? UNKNOWN, offset: found?.offset ?? UNKNOWN };
}

/** ListOffsets v3: latest (-1) = log-end offset, earliest (-2) = 0, otherwise the first batch at or after the timestamp. */
export function handleListOffsets(services: BrokerServices): RequestHandler {
  return async (body) => {
    const request = decodeListOffsetsRequest(body);
    const topics = request.topics.map((topic) => ({
      name: topic.name,
      partitions: topic.partitions.map((p) => listOffset(services, topic.name, p.partitionIndex, p.timestamp)),
    }));
    return { body: encodeListOffsetsResponse({ throttleTimeMs: 0, topics }), detail: { topics: request.topics.map((t) => t.name) } };
  };
}
