import { randomUUID } from 'node:crypto';
import {
  ClientInfo,
  DescribedGroup,
  GroupCoordinator,
  GroupCoordinatorOptions,
  GroupErrorCode,
  HeartbeatRequest,
  JoinGroupRequest,
  JoinGroupResponse,
  LeaveGroupRequest,
  LeaveGroupResponse,
  ListedGroup,
  OffsetCommitRequest,
  OffsetCommitResponse,
  OffsetFetchRequest,
  OffsetFetchResponse,
  SyncGroupRequest,
  SyncGroupResponse,
} from './coordinator-api';
import { OffsetEntry, OffsetStore } from './offset-store';
import { Group, UNKNOWN_SERVER_ERROR, joinError, syncResult } from './group';

export async function createGroupCoordinator(options: GroupCoordinatorOptions): Promise<GroupCoordinator> {
  const store = await OffsetStore.open(options.dataDir, options.log);
  return new Coordinator(store, options);
}

class Coordinator implements GroupCoordinator {
  private readonly groups = new Map<string, Group>();
  private closed = false;

  constructor(
    private readonly store: OffsetStore,
    private readonly options: GroupCoordinatorOptions,
  ) {
    // Groups that only have committed offsets exist too (Empty), as in Kafka.
    for (const groupId of store.groupIds()) this.createGroup(groupId);
  }

  async joinGroup(request: JoinGroupRequest, client: ClientInfo): Promise<JoinGroupResponse> {
    if (this.closed) return joinError(GroupErrorCode.REBALANCE_IN_PROGRESS, request.memberId);
    const group =
      request.memberId === '' ? (this.groups.get(request.groupId) ?? this.createGroup(request.groupId)) : this.groups.get(request.groupId);
    if (!group || (request.memberId !== '' && !group.knows(request.memberId))) {
      return joinError(GroupErrorCode.UNKNOWN_MEMBER_ID, request.memberId);
    }
    if (!group.supports(request.protocolType, request.protocols, request.memberId)) {
      return joinError(GroupErrorCode.INCONSISTENT_GROUP_PROTOCOL, request.memberId);
    }
    if (request.memberId === '') {
      // JoinGroup v4+: hand out an id; the client rejoins with it.
      const memberId = `${client.clientId}-${randomUUID()}`;
      group.addPendingMember(memberId, request.sessionTimeoutMs);
      return joinError(GroupErrorCode.MEMBER_ID_REQUIRED, memberId);
    }
    return group.join(request, client);
  }

  async syncGroup(request: SyncGroupRequest): Promise<SyncGroupResponse> {
    if (this.closed) return syncResult(GroupErrorCode.REBALANCE_IN_PROGRESS);
    const group = this.groups.get(request.groupId);
    return group ? group.sync(request) : syncResult(GroupErrorCode.UNKNOWN_MEMBER_ID);
  }

  heartbeat(request: HeartbeatRequest): number {
    if (this.closed) return GroupErrorCode.REBALANCE_IN_PROGRESS;
    return this.groups.get(request.groupId)?.heartbeat(request) ?? GroupErrorCode.UNKNOWN_MEMBER_ID;
  }

  leaveGroup(request: LeaveGroupRequest): LeaveGroupResponse {
    const group = this.groups.get(request.groupId);
    return {
      errorCode: GroupErrorCode.NONE,
      members: request.members.map(({ memberId, groupInstanceId }) => ({
        memberId,
        groupInstanceId,
        errorCode: group ? group.leave(memberId) : GroupErrorCode.UNKNOWN_MEMBER_ID,
      })),
    };
  }

  commitOffsets(request: OffsetCommitRequest): OffsetCommitResponse {
    let errorCode = this.closed ? GroupErrorCode.REBALANCE_IN_PROGRESS : this.checkCommit(request);
    if (errorCode === GroupErrorCode.NONE) errorCode = this.persist(request);
    return {
      topics: request.topics.map(({ name, partitions }) => ({
        name,
        partitions: partitions.map(({ partitionIndex }) => ({ partitionIndex, errorCode })),
      })),
    };
  }

  fetchOffsets(request: OffsetFetchRequest): OffsetFetchResponse {
    const requested = request.topics ?? this.store.committedPartitions(request.groupId);
    return {
      errorCode: GroupErrorCode.NONE,
      topics: requested.map(({ name, partitionIndexes }) => ({
        name,
        partitions: partitionIndexes.map((partitionIndex) => {
          const committed = this.store.get(request.groupId, name, partitionIndex);
          return {
            partitionIndex,
            committedOffset: committed?.offset ?? -1n,
            metadata: committed?.metadata ?? null,
            errorCode: GroupErrorCode.NONE,
          };
        }),
      })),
    };
  }

  describeGroups(groupIds: string[]): DescribedGroup[] {
    return groupIds.map((groupId) => {
      const group = this.groups.get(groupId);
      if (group) return { errorCode: GroupErrorCode.NONE, ...group.describe() };
      return { errorCode: GroupErrorCode.NONE, groupId, groupState: 'Dead', protocolType: '', protocolData: '', members: [] };
    });
  }

  listGroups(): ListedGroup[] {
    return [...this.groups.values()].map(({ groupId, protocolType }) => ({ groupId, protocolType }));
  }

  deleteGroups(groupIds: string[]): { groupId: string; errorCode: number }[] {
    return groupIds.map((groupId) => ({ groupId, errorCode: this.deleteGroup(groupId) }));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const group of this.groups.values()) group.shutdown(group.state);
    this.store.close();
  }

  private createGroup(groupId: string): Group {
    const group = new Group(groupId, this.options.initialRebalanceDelayMs, this.options.log);
    this.groups.set(groupId, group);
    return group;
  }

  private deleteGroup(groupId: string): number {
    const group = this.groups.get(groupId);
    if (!group) return GroupErrorCode.GROUP_ID_NOT_FOUND;
    if (!group.isEmpty) return GroupErrorCode.NON_EMPTY_GROUP;
    try {
      this.store.deleteGroup(groupId);
    } catch (error) {
      this.options.log('could not delete the group offsets', { groupId, error: String(error) });
      return UNKNOWN_SERVER_ERROR;
    }
    group.shutdown('Dead');
    this.groups.delete(groupId);
    return GroupErrorCode.NONE;
  }

  private checkCommit(request: OffsetCommitRequest): number {
    let group = this.groups.get(request.groupId);
    // A commit outside group management may create the group, as in Kafka.
    if (!group && request.generationId < 0) group = this.createGroup(request.groupId);
    return group ? group.checkCommit(request.generationId, request.memberId) : GroupErrorCode.UNKNOWN_MEMBER_ID;
  }

  private persist(request: OffsetCommitRequest): number {
    const entries: OffsetEntry[] = request.topics.flatMap(({ name, partitions }) =>
      partitions.map(({ partitionIndex, committedOffset, committedMetadata }) => ({
        topic: name,
        partition: partitionIndex,
        offset: committedOffset,
        // Like Kafka (OffsetAndMetadata.NoMetadata): a commit without metadata stores, and answers, ''.
        metadata: committedMetadata ?? '',
      })),
    );
    try {
      this.store.commit(request.groupId, entries);
      return GroupErrorCode.NONE;
    } catch (error) {
      this.options.log('could not persist committed offsets', { groupId: request.groupId, error: String(error) });
      return UNKNOWN_SERVER_ERROR;
    }
  }
}
