import type { DescribedGroup } from '../groups/coordinator-api';
import { createDecoder, createEncoder, readStringArray, writeArrayOf } from './primitives';

/** DescribeGroups v2 request: the group ids. */
export function decodeDescribeGroupsRequest(body: Buffer): { groupIds: string[] } {
  return { groupIds: readStringArray(createDecoder(body)) };
}

/** DescribeGroups v2 response: throttle, [error group state protocol_type protocol [member]]. */
export function encodeDescribeGroupsResponse(groups: readonly DescribedGroup[], throttleTimeMs = 0): Buffer {
  const encoder = createEncoder().writeInt32(throttleTimeMs);
  writeArrayOf(encoder, groups, (e, group) => {
    e.writeInt16(group.errorCode)
      .writeString(group.groupId)
      .writeString(group.groupState)
      .writeString(group.protocolType)
      .writeString(group.protocolData);
    writeArrayOf(e, group.members, (me, member) => {
      me.writeString(member.memberId)
        .writeString(member.clientId)
        .writeString(member.clientHost)
        .writeBytes(member.memberMetadata ?? Buffer.alloc(0))
        .writeBytes(member.memberAssignment ?? Buffer.alloc(0));
    });
  });
  return encoder.buffer;
}
