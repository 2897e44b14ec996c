import type { HeartbeatRequest } from '../groups/coordinator-api';
import { createDecoder, createEncoder, readString } from './primitives';

/** Heartbeat v3 request. */
export function decodeHeartbeatRequest(body: Buffer): HeartbeatRequest {
  const decoder = createDecoder(body);
  return {
    groupId: readString(decoder),
    generationId: decoder.readInt32(),
    memberId: readString(decoder),
    groupInstanceId: decoder.readString(),
  };
}

/** Heartbeat v3 response: throttle, error. */
export function encodeHeartbeatResponse(errorCode: number, throttleTimeMs = 0): Buffer {
  return createEncoder().writeInt32(throttleTimeMs).writeInt16(errorCode).buffer;
}
