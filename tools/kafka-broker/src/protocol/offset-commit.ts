import type { OffsetCommitRequest, OffsetCommitResponse } from '../groups/coordinator-api';
import { createDecoder, createEncoder, readString, writeArrayOf } from './primitives';

/** OffsetCommit v5 request (no retention time, no group instance id). */
export function decodeOffsetCommitRequest(body: Buffer): OffsetCommitRequest {
  const decoder = createDecoder(body);
  return {
    groupId: readString(decoder),
    generationId: decoder.readInt32(),
    memberId: readString(decoder),
    topics: decoder.readArray((d) => ({
      name: readString(d),
      partitions: d.readArray((p) => ({
        partitionIndex: p.readInt32(),
        committedOffset: p.readInt64(),
        committedMetadata: p.readString(),
      })),
    })),
  };
}

/** OffsetCommit v5 response: throttle, [topic [partition error]]. */
export function encodeOffsetCommitResponse(response: OffsetCommitResponse, throttleTimeMs = 0): Buffer {
  const encoder = createEncoder().writeInt32(throttleTimeMs);
  writeArrayOf(encoder, response.topics, (e, topic) => {
    e.writeString(topic.name);
    writeArrayOf(e, topic.partitions, (pe, p) => pe.writeInt32(p.partitionIndex).writeInt16(p.errorCode));
  });
  return encoder.buffer;
}
