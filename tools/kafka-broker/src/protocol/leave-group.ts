import type { LeaveGroupRequest, LeaveGroupResponse } from '../groups/coordinator-api';
import { createDecoder, createEncoder, readString, writeArrayOf } from './primitives';

/** LeaveGroup v3 request: a group and the members leaving it. */
export function decodeLeaveGroupRequest(body: Buffer): LeaveGroupRequest {
  const decoder = createDecoder(body);
  return {
    groupId: readString(decoder),
    members: decoder.readArray((d) => ({ memberId: readString(d), groupInstanceId: d.readString() })),
  };
}

/** LeaveGroup v3 response: throttle, error, [member instance error]. */
export function encodeLeaveGroupResponse(response: LeaveGroupResponse, throttleTimeMs = 0): Buffer {
  const encoder = createEncoder().writeInt32(throttleTimeMs).writeInt16(response.errorCode);
  writeArrayOf(encoder, response.members, (e, member) => {
    e.writeString(member.memberId).writeString(member.groupInstanceId).writeInt16(member.errorCode);
  });
  return encoder.buffer;
}
