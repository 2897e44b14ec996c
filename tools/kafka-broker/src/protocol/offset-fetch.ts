import type { OffsetFetchRequest, OffsetFetchResponse } from '../groups/coordinator-api';
import { createDecoder, createEncoder, readInt32Array, readNullableArray, readString, writeArrayOf } from './primitives';

/** OffsetFetch v4 request; a null topic list asks for every committed offset of the group. */
export function decodeOffsetFetchRequest(body: Buffer): OffsetFetchRequest {
  const decoder = createDecoder(body);
  return {
    groupId: readString(decoder),
    topics: readNullableArray(decoder, (d) => ({ name: readString(d), partitionIndexes: readInt32Array(d) })),
  };
}

/** OffsetFetch v4 response: throttle, [topic [partition offset metadata error]], error. */
export function encodeOffsetFetchResponse(response: OffsetFetchResponse, throttleTimeMs = 0): Buffer {
  const encoder = createEncoder().writeInt32(throttleTimeMs);
  writeArrayOf(encoder, response.topics, (e, topic) => {
    e.writeString(topic.name);
    writeArrayOf(e, topic.partitions, (pe, p) => {
      pe.writeInt32(p.partitionIndex).writeInt64(p.committedOffset).writeString(p.metadata).writeInt16(p.errorCode);
    });
  });
  return encoder.writeInt16(response.errorCode).buffer;
}
