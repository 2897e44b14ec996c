import type { ListedGroup } from '../groups/coordinator-api';
import { createEncoder, writeArrayOf } from './primitives';

/** ListGroups v2 requests have an empty body. Response: throttle, error, [group protocol_type]. */
export function encodeListGroupsResponse(errorCode: number, groups: readonly ListedGroup[], throttleTimeMs = 0): Buffer {
  const encoder = createEncoder().writeInt32(throttleTimeMs).writeInt16(errorCode);
  writeArrayOf(encoder, groups, (e, group) => e.writeString(group.groupId).writeString(group.protocolType));
  return encoder.buffer;
}
