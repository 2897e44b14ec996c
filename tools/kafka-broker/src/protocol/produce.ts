import { createDecoder, createEncoder, readString, writeArrayOf } from './primitives';

/** Produce v7 request (record set as raw bytes: one or more record batches). */
export interface ProduceRequest {
  transactionalId: string | null;
  /** 0: no response; 1 or -1: answer after the append. */
  acks: number;
  timeoutMs: number;
  topics: { name: string; partitions: { partitionIndex: number; records: Buffer | null }[] }[];
}

export interface ProducePartitionResponse {
  partitionIndex: number;
  errorCode: number;
  baseOffset: bigint;
  logAppendTimeMs: bigint;
  logStartOffset: bigint;
}

export interface ProduceResponse {
  topics: { name: string; partitions: ProducePartitionResponse[] }[];
  throttleTimeMs: number;
}

export function decodeProduceRequest(body: Buffer): ProduceRequest {
  const decoder = createDecoder(body);
  return {
    transactionalId: decoder.readString(),
    acks: decoder.readInt16(),
    timeoutMs: decoder.readInt32(),
    topics: decoder.readArray((d) => ({
      name: readString(d),
      partitions: d.readArray((p) => ({ partitionIndex: p.readInt32(), records: p.readBytes() })),
    })),
  };
}

/** Produce v7 response: [topic [partition error base_offset log_append_time log_start_offset]] throttle (at the end). */
export function encodeProduceResponse(response: ProduceResponse): Buffer {
  const encoder = createEncoder();
  writeArrayOf(encoder, response.topics, (e, topic) => {
    e.writeString(topic.name);
    writeArrayOf(e, topic.partitions, (pe, partition) => {
      pe.writeInt32(partition.partitionIndex)
        .writeInt16(partition.errorCode)
        .writeInt64(partition.baseOffset)
        .writeInt64(partition.logAppendTimeMs)
        .writeInt64(partition.logStartOffset);
    });
  });
  return encoder.writeInt32(response.throttleTimeMs).buffer;
}
