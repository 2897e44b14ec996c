import type { JoinGroupRequest, JoinGroupResponse } from '../groups/coordinator-api';
import { createDecoder, createEncoder, readString, writeArrayOf } from './primitives';

/** JoinGroup v5 request. */
export function decodeJoinGroupRequest(body: Buffer): JoinGroupRequest {
  const decoder = createDecoder(body);
  return {
    groupId: readString(decoder),
    sessionTimeoutMs: decoder.readInt32(),
    rebalanceTimeoutMs: decoder.readInt32(),
    memberId: readString(decoder),
    groupInstanceId: decoder.readString(),
    protocolType: readString(decoder),
    protocols: decoder.readArray((d) => ({ name: readString(d), metadata: d.readBytes() ?? Buffer.alloc(0) })),
  };
}

/** JoinGroup v5 response: throttle, error, generation, protocol, leader, member id, [member instance metadata]. */
export function encodeJoinGroupResponse(response: JoinGroupResponse, throttleTimeMs = 0): Buffer {
  const encoder = createEncoder()
    .writeInt32(throttleTimeMs)
    .writeInt16(response.errorCode)
    .writeInt32(response.generationId)
    .writeString(response.protocolName)
    .writeString(response.leader)
    .writeString(response.memberId);
  writeArrayOf(encoder, response.members, (e, member) => {
    e.writeString(member.memberId).writeString(member.groupInstanceId).writeBytes(member.metadata);
  });
  return encoder.buffer;
}
