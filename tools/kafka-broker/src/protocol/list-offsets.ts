import { createDecoder, createEncoder, readString, writeArrayOf } from './primitives';

/** Timestamps with a special meaning in a ListOffsets request. */
export const LATEST_TIMESTAMP = -1n;
export const EARLIEST_TIMESTAMP = -2n;

/** ListOffsets v3 request. */
export interface ListOffsetsRequest {
  replicaId: number;
  isolationLevel: number;
  topics: { name: string; partitions: { partitionIndex: number; timestamp: bigint }[] }[];
}

export interface ListOffsetsPartitionResponse {
  partitionIndex: number;
  errorCode: number;
  timestamp: bigint;
  offset: bigint;
}

export interface ListOffsetsResponse {
  throttleTimeMs: number;
  topics: { name: string; partitions: ListOffsetsPartitionResponse[] }[];
}

export function decodeListOffsetsRequest(body: Buffer): ListOffsetsRequest {
  const decoder = createDecoder(body);
  return {
    replicaId: decoder.readInt32(),
    isolationLevel: decoder.readInt8(),
    topics: decoder.readArray((d) => ({
      name: readString(d),
      partitions: d.readArray((p) => ({ partitionIndex: p.readInt32(), timestamp: p.readInt64() })),
    })),
  };
}

/** ListOffsets v3 response: throttle (at the start), [topic [partition error timestamp offset]]. */
export function encodeListOffsetsResponse(response: ListOffsetsResponse): Buffer {
  const encoder = createEncoder().writeInt32(response.throttleTimeMs);
  writeArrayOf(encoder, response.topics, (e, topic) => {
    e.writeString(topic.name);
    writeArrayOf(e, topic.partitions, (pe, p) => {
      pe.writeInt32(p.partitionIndex).writeInt16(p.errorCode).writeInt64(p.timestamp).writeInt64(p.offset);
    });
  });
  return encoder.buffer;
}
