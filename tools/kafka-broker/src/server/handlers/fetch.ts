import { partitionKey } from '../../log/append-notifier';
import { ErrorCode } from '../../protocol/error-codes';
import { FetchPartitionResponse, FetchRequest, decodeFetchRequest, encodeFetchResponse } from '../../protocol/fetch';
import type { BrokerServices, RequestHandler } from '../broker-services';

const NO_PREFERRED_READ_REPLICA = -1;
const READ_COMMITTED = 1;
const EMPTY = Buffer.alloc(0);

type RequestedPartition = FetchRequest['topics'][number]['partitions'][number];

/** Whether the partition can be answered now: it has data at the fetch offset, or an error. */
function isReady(services: BrokerServices, topic: string, requested: RequestedPartition): boolean {
  const partition = services.logs.partition(topic, requested.partitionIndex);
  return !partition || requested.fetchOffset !== partition.logEndOffset;
}

function anyReady(services: BrokerServices, request: FetchRequest): boolean {
  return request.topics.some((topic) => topic.partitions.some((p) => isReady(services, topic.name, p)));
}

function requestedKeys(request: FetchRequest): string[] {
  return request.topics.flatMap((topic) => topic.partitions.map((p) => partitionKey(topic.name, p.partitionIndex)));
}

/** A partition answer without records; errors carry -1 offsets, like Kafka. */
function errorPartition(partitionIndex: number, errorCode: number, highWatermark = -1n): FetchPartitionResponse {
  return {
    partitionIndex,
    errorCode,
    highWatermark,
    lastStableOffset: highWatermark,
    logStartOffset: highWatermark < 0n ? -1n : 0n,
    abortedTransactions: null,
    preferredReadReplica: NO_PREFERRED_READ_REPLICA,
    records: EMPTY,
  };
}

/** Reads whole batches for each partition; the response as a whole stays near `maxBytes`, but every partition may return one batch. */
async function readPartitions(services: BrokerServices, request: FetchRequest) {
  let responseBytes = 0;
  const topics = [];
  for (const topic of request.topics) {
    const partitions: FetchPartitionResponse[] = [];
    for (const requested of topic.partitions) {
      const partition = services.logs.partition(topic.name, requested.partitionIndex);
      if (!partition) {
        partitions.push(errorPartition(requested.partitionIndex, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION));
        continue;
      }
      const highWatermark = partition.logEndOffset;
      if (requested.fetchOffset < partition.log.logStartOffset || requested.fetchOffset > highWatermark) {
        partitions.push(errorPartition(requested.partitionIndex, ErrorCode.OFFSET_OUT_OF_RANGE));
        continue;
      }
      const budget = Math.max(0, Math.min(requested.partitionMaxBytes, request.maxBytes - responseBytes));
      const records = await partition.log.read(requested.fetchOffset, budget, responseBytes < request.maxBytes);
      responseBytes += records.length;
      // Like Kafka: READ_COMMITTED readers get an (always empty) aborted-transaction list, others null.
      const abortedTransactions = request.isolationLevel === READ_COMMITTED ? [] : null;
      partitions.push({ ...errorPartition(requested.partitionIndex, ErrorCode.NONE, highWatermark), abortedTransactions, records });
    }
    topics.push({ name: topic.name, partitions });
  }
  return topics;
}

/** Fetch v11: answers at once when any partition has data (or an error), otherwise parks up to max_wait_ms. */
export function handleFetch(services: BrokerServices): RequestHandler {
  return async (body) => {
    const request = decodeFetchRequest(body);
    if (!anyReady(services, request) && request.maxWaitMs > 0) {
      await services.logs.notifier.waitForAny(requestedKeys(request), request.maxWaitMs);
    }
    const topics = await readPartitions(services, request);
    return {
      body: encodeFetchResponse({ throttleTimeMs: 0, errorCode: ErrorCode.NONE, sessionId: 0, topics }),
      detail: { topics: request.topics.map((t) => t.name) },
    };
  };
}
