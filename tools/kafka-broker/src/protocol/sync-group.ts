import type { SyncGroupRequest, SyncGroupResponse } from '../groups/coordinator-api';
import { createDecoder, createEncoder, readString } from './primitives';

/** SyncGroup v3 request. */
export function decodeSyncGroupRequest(body: Buffer): SyncGroupRequest {
  const decoder = createDecoder(body);
  return {
    groupId: readString(decoder),
    generationId: decoder.readInt32(),
    memberId: readString(decoder),
    groupInstanceId: decoder.readString(),
    assignments: decoder.readArray((d) => ({ memberId: readString(d), assignment: d.readBytes() ?? Buffer.alloc(0) })),
  };
}

/** SyncGroup v3 response: throttle, error, assignment bytes (zero-length, never null, when absent). */
export function encodeSyncGroupResponse(response: SyncGroupResponse, throttleTimeMs = 0): Buffer {
  return createEncoder()
    .writeInt32(throttleTimeMs)
    .writeInt16(response.errorCode)
    .writeBytes(response.assignment ?? Buffer.alloc(0)).buffer;
}
