import type { TopicResult } from './create-topics';
import { createDecoder, createEncoder, readInt32Array, readNullableArray, readString, writeArrayOf } from './primitives';

/** CreatePartitions v1 request: grow each topic to `count` partitions. */
export interface CreatePartitionsRequest {
  topics: { name: string; count: number; assignments: number[][] | null }[];
  timeoutMs: number;
  validateOnly: boolean;
}

export function decodeCreatePartitionsRequest(body: Buffer): CreatePartitionsRequest {
  const decoder = createDecoder(body);
  return {
    topics: decoder.readArray((d) => ({
      name: readString(d),
      count: d.readInt32(),
      assignments: readNullableArray(d, readInt32Array),
    })),
    timeoutMs: decoder.readInt32(),
    validateOnly: decoder.readBoolean(),
  };
}

/** CreatePartitions v1 response: throttle, [name error message]. */
export function encodeCreatePartitionsResponse(results: readonly TopicResult[], throttleTimeMs = 0): Buffer {
  const encoder = createEncoder().writeInt32(throttleTimeMs);
  writeArrayOf(encoder, results, (e, r) => e.writeString(r.name).writeInt16(r.errorCode).writeString(r.errorMessage));
  return encoder.buffer;
}
