import { createDecoder, createEncoder, readStringArray, writeArrayOf } from './primitives';

/** DeleteGroups v1 request: the group ids. */
export function decodeDeleteGroupsRequest(body: Buffer): { groupIds: string[] } {
  return { groupIds: readStringArray(createDecoder(body)) };
}

/** DeleteGroups v1 response: throttle, [group error]. */
export function encodeDeleteGroupsResponse(results: readonly { groupId: string; errorCode: number }[], throttleTimeMs = 0): Buffer {
  const encoder = createEncoder().writeInt32(throttleTimeMs);
  writeArrayOf(encoder, results, (e, result) => e.writeString(result.groupId).writeInt16(result.errorCode));
  return encoder.buffer;
}
