/**
 * The contract between the dev broker's connection layer (which decodes and encodes the Kafka wire
 * protocol) and its group coordinator (which holds consumer-group state and committed offsets).
 * Field names follow the Kafka protocol's JSON schema names, camelCased. Byte fields are Buffers.
 * The coordinator never sees sockets or wire bytes; the connection layer never sees group state.
 */

/** Kafka error codes the coordinator answers with. */
export const enum GroupErrorCode {
  NONE = 0,
  ILLEGAL_GENERATION = 22,
  INCONSISTENT_GROUP_PROTOCOL = 23,
  UNKNOWN_MEMBER_ID = 25,
  REBALANCE_IN_PROGRESS = 27,
  GROUP_ID_NOT_FOUND = 69,
  MEMBER_ID_REQUIRED = 79,
  NON_EMPTY_GROUP = 68,
}

export interface JoinGroupRequest {
  groupId: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  /** '' on the first join. */
  memberId: string;
  groupInstanceId: string | null;
  protocolType: string;
  protocols: { name: string; metadata: Buffer }[];
}

export interface JoinGroupResponse {
  errorCode: number;
  generationId: number;
  protocolName: string;
  leader: string;
  memberId: string;
  /** Only the leader gets the members; everyone else an empty list. */
  members: { memberId: string; groupInstanceId: string | null; metadata: Buffer }[];
}

export interface SyncGroupRequest {
  groupId: string;
  generationId: number;
  memberId: string;
  groupInstanceId: string | null;
  /** Only the leader sends assignments. */
  assignments: { memberId: string; assignment: Buffer }[];
}

export interface SyncGroupResponse {
  errorCode: number;
  /** Zero-length (never null) for a member the leader left out. */
  assignment: Buffer;
}

export interface HeartbeatRequest {
  groupId: string;
  generationId: number;
  memberId: string;
  groupInstanceId: string | null;
}

export interface LeaveGroupRequest {
  groupId: string;
  members: { memberId: string; groupInstanceId: string | null }[];
}

export interface LeaveGroupResponse {
  errorCode: number;
  members: { memberId: string; groupInstanceId: string | null; errorCode: number }[];
}

export interface OffsetCommitRequest {
  groupId: string;
  /** -1 for a commit from outside a group generation (admin / simple consumer). */
  generationId: number;
  memberId: string;
  topics: { name: string; partitions: { partitionIndex: number; committedOffset: bigint; committedMetadata: string | null }[] }[];
}

export interface OffsetCommitResponse {
  topics: { name: string; partitions: { partitionIndex: number; errorCode: number }[] }[];
}

export interface OffsetFetchRequest {
  groupId: string;
  /** null = every topic the group has committed offsets for. */
  topics: { name: string; partitionIndexes: number[] }[] | null;
}

export interface OffsetFetchResponse {
  errorCode: number;
  topics: {
    name: string;
    /**
     * committedOffset -1n and metadata null where nothing was committed; metadata '' where the commit
     * carried none (null), as Kafka answers; otherwise the metadata as committed.
     */
    partitions: { partitionIndex: number; committedOffset: bigint; metadata: string | null; errorCode: number }[];
  }[];
}

export interface DescribedGroup {
  errorCode: number;
  groupId: string;
  /** Empty | PreparingRebalance | CompletingRebalance | Stable | Dead */
  groupState: string;
  protocolType: string;
  protocolData: string;
  members: { memberId: string; clientId: string; clientHost: string; memberMetadata: Buffer; memberAssignment: Buffer }[];
}

export interface ListedGroup {
  groupId: string;
  protocolType: string;
}

/** Who sent a request: group members are described with these. */
export interface ClientInfo {
  clientId: string;
  clientHost: string;
}

export interface GroupCoordinator {
  /** May stay pending (parked) until the rebalance completes. */
  joinGroup(request: JoinGroupRequest, client: ClientInfo): Promise<JoinGroupResponse>;
  /** May stay pending until the leader's SyncGroup arrives. */
  syncGroup(request: SyncGroupRequest): Promise<SyncGroupResponse>;
  heartbeat(request: HeartbeatRequest): number;
  leaveGroup(request: LeaveGroupRequest): LeaveGroupResponse;
  commitOffsets(request: OffsetCommitRequest): OffsetCommitResponse;
  fetchOffsets(request: OffsetFetchRequest): OffsetFetchResponse;
  describeGroups(groupIds: string[]): DescribedGroup[];
  listGroups(): ListedGroup[];
  /** Deletes empty groups and their offsets; returns an error code per group (0, 68, 69). */
  deleteGroups(groupIds: string[]): { groupId: string; errorCode: number }[];
  /** Stops timers; parked requests are answered with REBALANCE_IN_PROGRESS or dropped. */
  close(): Promise<void>;
}

export interface GroupCoordinatorOptions {
  /** Committed offsets live here and survive a restart. */
  dataDir: string;
  /** Delay before completing the first rebalance of an empty group (Kafka's initial rebalance delay). */
  initialRebalanceDelayMs: number;
  log: (message: string, fields?: Record<string, unknown>) => void;
}
