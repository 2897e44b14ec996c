import { createDecoder, createEncoder, readStringArray, writeArrayOf } from './primitives';

/** DeleteTopics v1 request. */
export interface DeleteTopicsRequest {
  topicNames: string[];
  timeoutMs: number;
}

export function decodeDeleteTopicsRequest(body: Buffer): DeleteTopicsRequest {
  const decoder = createDecoder(body);
  return { topicNames: readStringArray(decoder), timeoutMs: decoder.readInt32() };
}

/** DeleteTopics v1 response: throttle, [name error]. */
export function encodeDeleteTopicsResponse(results: readonly { name: string; errorCode: number }[], throttleTimeMs = 0): Buffer {
  const encoder = createEncoder().writeInt32(throttleTimeMs);
  writeArrayOf(encoder, results, (e, result) => e.writeString(result.name).writeInt16(result.errorCode));
  return encoder.buffer;
}
