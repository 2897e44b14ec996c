import { createDecoder, createEncoder, readNullableArray, readString, writeArrayOf } from './primitives';

/** Fetch v11 request. kafkajs sends session 0 / epoch -1 (no fetch sessions) and rack ''. */
export interface FetchRequest {
  replicaId: number;
  maxWaitMs: number;
  minBytes: number;
  maxBytes: number;
  isolationLevel: number;
  sessionId: number;
  sessionEpoch: number;
  topics: {
    name: string;
    partitions: { partitionIndex: number; currentLeaderEpoch: number; fetchOffset: bigint; logStartOffset: bigint; partitionMaxBytes: number }[];
  }[];
  forgottenTopics: { name: string; partitions: number[] }[];
  rackId: string;
}

export interface AbortedTransaction {
  producerId: bigint;
  firstOffset: bigint;
}

export interface FetchPartitionResponse {
  partitionIndex: number;
  errorCode: number;
  highWatermark: bigint;
  lastStableOffset: bigint;
  logStartOffset: bigint;
  abortedTransactions: AbortedTransaction[] | null;
  preferredReadReplica: number;
  /** Whole record batches, back to back (may be empty). */
  records: Buffer;
}

export interface FetchResponse {
  throttleTimeMs: number;
  errorCode: number;
  sessionId: number;
  topics: { name: string; partitions: FetchPartitionResponse[] }[];
}

export function decodeFetchRequest(body: Buffer): FetchRequest {
  const decoder = createDecoder(body);
  return {
    replicaId: decoder.readInt32(),
    maxWaitMs: decoder.readInt32(),
    minBytes: decoder.readInt32(),
    maxBytes: decoder.readInt32(),
    isolationLevel: decoder.readInt8(),
    sessionId: decoder.readInt32(),
    sessionEpoch: decoder.readInt32(),
    topics: decoder.readArray((d) => ({
      name: readString(d),
      partitions: d.readArray((p) => ({
        partitionIndex: p.readInt32(),
        currentLeaderEpoch: p.readInt32(),
        fetchOffset: p.readInt64(),
        logStartOffset: p.readInt64(),
        partitionMaxBytes: p.readInt32(),
      })),
    })),
    forgottenTopics: decoder.readArray((d) => ({ name: readString(d), partitions: d.readArray((p) => p.readInt32()) })),
    rackId: readString(decoder),
  };
}

/** Fetch v11 response: throttle (at the start), error, session, then per partition header + records. */
export function encodeFetchResponse(response: FetchResponse): Buffer {
  const encoder = createEncoder().writeInt32(response.throttleTimeMs).writeInt16(response.errorCode).writeInt32(response.sessionId);
  writeArrayOf(encoder, response.topics, (e, topic) => {
    e.writeString(topic.name);
    writeArrayOf(e, topic.partitions, (pe, partition) => {
      pe.writeInt32(partition.partitionIndex)
        .writeInt16(partition.errorCode)
        .writeInt64(partition.highWatermark)
        .writeInt64(partition.lastStableOffset)
        .writeInt64(partition.logStartOffset);
      if (partition.abortedTransactions === null) pe.writeInt32(-1);
      else writeArrayOf(pe, partition.abortedTransactions, (te, t) => te.writeInt64(t.producerId).writeInt64(t.firstOffset));
      pe.writeInt32(partition.preferredReadReplica).writeBytes(partition.records);
    });
  });
  return encoder.buffer;
}

/** Reads a Fetch v11 response body (used by tests to compare against golden vectors). */
export function decodeFetchResponse(body: Buffer): FetchResponse {
  const decoder = createDecoder(body);
  return {
    throttleTimeMs: decoder.readInt32(),
    errorCode: decoder.readInt16(),
    sessionId: decoder.readInt32(),
    topics: decoder.readArray((d) => ({
      name: readString(d),
      partitions: d.readArray((p) => ({
        partitionIndex: p.readInt32(),
        errorCode: p.readInt16(),
        highWatermark: p.readInt64(),
        lastStableOffset: p.readInt64(),
        logStartOffset: p.readInt64(),
        abortedTransactions: readNullableArray(p, (t) => ({ producerId: t.readInt64(), firstOffset: t.readInt64() })),
        preferredReadReplica: p.readInt32(),
        records: p.readBytes() ?? Buffer.alloc(0),
      })),
    })),
  };
}
