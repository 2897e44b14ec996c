import {
  ClientInfo,
  DescribedGroup,
  GroupCoordinatorOptions,
  GroupErrorCode,
  HeartbeatRequest,
  JoinGroupRequest,
  JoinGroupResponse,
  SyncGroupRequest,
  SyncGroupResponse,
} from './coordinator-api';

/** Kafka's code for "the broker failed in a way it cannot describe" — here: the offsets journal. */
export const UNKNOWN_SERVER_ERROR = -1;

export type GroupState = 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable' | 'Dead';
type Log = GroupCoordinatorOptions['log'];
type Protocol = JoinGroupRequest['protocols'][number];

interface Member {
  readonly memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  protocolType: string;
  protocols: Protocol[];
  assignment: Buffer;
  /** Order in which members joined the current rebalance; the first joiner leads if the leader left. */
  joinSequence: number;
  sessionTimer?: NodeJS.Timeout;
  /** Set while the member's JoinGroup is parked. */
  awaitingJoin?: (response: JoinGroupResponse) => void;
  /** Set while the member's SyncGroup is parked. */
  awaitingSync?: (response: SyncGroupResponse) => void;
}

function startTimer(ms: number, callback: () => void): NodeJS.Timeout {
  const timer = setTimeout(callback, ms);
  timer.unref();
  return timer;
}

export function joinError(errorCode: number, memberId: string): JoinGroupResponse {
  return { errorCode, generationId: -1, protocolName: '', leader: '', memberId, members: [] };
}

export function syncResult(errorCode: number, assignment: Buffer = Buffer.alloc(0)): SyncGroupResponse {
  return { errorCode, assignment };
}

/** One consumer group's membership and rebalance state machine. Offsets live in the OffsetStore. */
/** One consumer group: its members, generation and rebalance protocol (JoinGroup → SyncGroup), as in Kafka. */
export class Group {
  state: GroupState = 'Empty';
  generationId = 0;
  protocolType = '';
  protocolName: string | null = null;
  leaderId: string | null = null;
  readonly members = new Map<string, Member>();
  /** Ids handed out with MEMBER_ID_REQUIRED that have not joined yet; they expire after a session timeout. */
  private readonly pendingMemberIds = new Map<string, NodeJS.Timeout>();
  private rebalanceTimer?: NodeJS.Timeout;
  private initialDelayTimer?: NodeJS.Timeout;
  private nextJoinSequence = 0;

  constructor(
    readonly groupId: string,
    private readonly initialRebalanceDelayMs: number,
    private readonly log: Log,
  ) {}

  get isEmpty(): boolean {
    return this.members.size === 0;
  }

  addPendingMember(memberId: string, sessionTimeoutMs: number): void {
    this.pendingMemberIds.set(
      memberId,
      startTimer(sessionTimeoutMs, () => this.pendingMemberIds.delete(memberId)),
    );
  }

  knows(memberId: string): boolean {
    return this.members.has(memberId) || this.pendingMemberIds.has(memberId);
  }

  /** Kafka's rule: a joiner must share the members' protocol type and support one protocol they all support. */
  supports(protocolType: string, protocols: Protocol[], joiningMemberId: string): boolean {
    if (protocolType === '' || protocols.length === 0) return false;
    const others = [...this.members.values()].filter((member) => member.memberId !== joiningMemberId);
    if (others.length === 0) return true;
    if (others.some((member) => member.protocolType !== protocolType)) return false;
    return protocols.some(({ name }) => others.every((member) => supportsProtocol(member, name)));
  }

  join(request: JoinGroupRequest, client: ClientInfo): Promise<JoinGroupResponse> {
    const member = this.members.get(request.memberId) ?? this.addMember(request.memberId);
    Object.assign(member, {
      groupInstanceId: request.groupInstanceId,
      clientId: client.clientId,
      clientHost: client.clientHost,
      sessionTimeoutMs: request.sessionTimeoutMs,
      rebalanceTimeoutMs: request.rebalanceTimeoutMs,
      protocolType: request.protocolType,
      protocols: request.protocols.map(({ name, metadata }) => ({ name, metadata: Buffer.from(metadata) })),
      joinSequence: this.nextJoinSequence++,
    } satisfies Partial<Member>);
    // A repeated join (the client gave up on the first) replaces the parked one.
    this.answerJoin(member, joinError(GroupErrorCode.REBALANCE_IN_PROGRESS, member.memberId));
    this.stopSessionTimer(member); // a parked member cannot heartbeat

    return new Promise((resolve) => {
      member.awaitingJoin = resolve;
      if (this.state !== 'PreparingRebalance') this.prepareRebalance(`member ${member.memberId} joined`);
      this.tryCompleteRebalance();
    });
  }

  sync(request: SyncGroupRequest): Promise<SyncGroupResponse> | SyncGroupResponse {
    const member = this.members.get(request.memberId);
    if (!member) return syncResult(GroupErrorCode.UNKNOWN_MEMBER_ID);
    if (request.generationId !== this.generationId) return syncResult(GroupErrorCode.ILLEGAL_GENERATION);

    switch (this.state) {
      case 'PreparingRebalance':
        return syncResult(GroupErrorCode.REBALANCE_IN_PROGRESS);
      case 'Stable':
        this.touch(member);
        return syncResult(GroupErrorCode.NONE, member.assignment);
      case 'CompletingRebalance':
        if (member.memberId === this.leaderId) {
          this.applyAssignments(request.assignments);
          return syncResult(GroupErrorCode.NONE, member.assignment);
        }
        return this.parkSync(member);
      default:
        return syncResult(GroupErrorCode.UNKNOWN_MEMBER_ID);
    }
  }

  heartbeat(request: HeartbeatRequest): number {
    const member = this.members.get(request.memberId);
    if (!member) return GroupErrorCode.UNKNOWN_MEMBER_ID;
    if (request.generationId !== this.generationId) return GroupErrorCode.ILLEGAL_GENERATION;
    this.touch(member);
    return this.state === 'PreparingRebalance' ? GroupErrorCode.REBALANCE_IN_PROGRESS : GroupErrorCode.NONE;
  }

  leave(memberId: string): number {
    const member = this.members.get(memberId);
    if (!member) return GroupErrorCode.UNKNOWN_MEMBER_ID;
    this.removeMember(member, 'left the group');
    this.onMembershipChanged(`member ${memberId} left`);
    return GroupErrorCode.NONE;
  }

  /** The error code for an OffsetCommit, or NONE if it may be stored. Refreshes the member's session. */
  checkCommit(generationId: number, memberId: string): number {
    // A commit from outside group management (admin tools, simple consumers).
    if (generationId < 0 && this.state === 'Empty') return GroupErrorCode.NONE;
    const member = this.members.get(memberId);
    if (!member) return GroupErrorCode.UNKNOWN_MEMBER_ID;
    if (generationId !== this.generationId) return GroupErrorCode.ILLEGAL_GENERATION;
    // Assignments are not known yet; a commit now could be for partitions the member is about to lose.
    if (this.state === 'CompletingRebalance') return GroupErrorCode.REBALANCE_IN_PROGRESS;
    this.touch(member);
    return GroupErrorCode.NONE;
  }

  describe(): Omit<DescribedGroup, 'errorCode'> {
    // Like Kafka: protocol, metadata and assignments are only reported for a Stable group.
    const stable = this.state === 'Stable';
    const protocolName = stable ? (this.protocolName ?? '') : '';
    return {
      groupId: this.groupId,
      groupState: this.state,
      protocolType: this.protocolType,
      protocolData: protocolName,
      members: [...this.members.values()].map((member) => ({
        memberId: member.memberId,
        clientId: member.clientId,
        clientHost: member.clientHost,
        memberMetadata: stable ? metadataFor(member, protocolName) : Buffer.alloc(0),
        memberAssignment: stable ? member.assignment : Buffer.alloc(0),
      })),
    };
  }

  /** Stops every timer and answers every parked request with REBALANCE_IN_PROGRESS. */
  shutdown(finalState: GroupState): void {
    clearTimeout(this.rebalanceTimer);
    clearTimeout(this.initialDelayTimer);
    this.pendingMemberIds.forEach((timer) => clearTimeout(timer));
    this.pendingMemberIds.clear();
    for (const member of this.members.values()) {
      this.stopSessionTimer(member);
      this.answerJoin(member, joinError(GroupErrorCode.REBALANCE_IN_PROGRESS, member.memberId));
      this.answerSync(member, syncResult(GroupErrorCode.REBALANCE_IN_PROGRESS));
    }
    this.state = finalState;
  }

  private addMember(memberId: string): Member {
    clearTimeout(this.pendingMemberIds.get(memberId));
    this.pendingMemberIds.delete(memberId);
    const member: Member = {
      memberId,
      groupInstanceId: null,
      clientId: '',
      clientHost: '',
      sessionTimeoutMs: 0,
      rebalanceTimeoutMs: 0,
      protocolType: '',
      protocols: [],
      assignment: Buffer.alloc(0),
      joinSequence: 0,
    };
    this.members.set(memberId, member);
    this.log('group member added', { groupId: this.groupId, memberId });
    return member;
  }

  private removeMember(member: Member, reason: string, errorCode: number = GroupErrorCode.UNKNOWN_MEMBER_ID): void {
    this.members.delete(member.memberId);
    this.stopSessionTimer(member);
    this.answerJoin(member, joinError(errorCode, member.memberId));
    this.answerSync(member, syncResult(errorCode));
    this.log('group member removed', { groupId: this.groupId, memberId: member.memberId, reason });
  }

  private onMembershipChanged(reason: string): void {
    if (this.state !== 'PreparingRebalance') this.prepareRebalance(reason);
    this.tryCompleteRebalance(); // with no members left this makes the group Empty
  }

  private prepareRebalance(reason: string): void {
    for (const member of this.members.values()) {
      member.assignment = Buffer.alloc(0);
      // Followers parked in SyncGroup (state CompletingRebalance) must rejoin instead.
      if (this.answerSync(member, syncResult(GroupErrorCode.REBALANCE_IN_PROGRESS))) this.startSessionTimer(member);
    }

    const wasEmpty = this.state === 'Empty';
    this.state = 'PreparingRebalance';
    const rebalanceTimeoutMs = Math.max(0, ...[...this.members.values()].map((member) => member.rebalanceTimeoutMs));
    this.rebalanceTimer = startTimer(rebalanceTimeoutMs, () => this.onRebalanceTimeout());
    // Kafka's initial rebalance delay: give the other consumers of a starting application time to join too.
    if (wasEmpty && this.initialRebalanceDelayMs > 0) {
      this.initialDelayTimer = startTimer(this.initialRebalanceDelayMs, () => {
        this.initialDelayTimer = undefined;
        this.tryCompleteRebalance();
      });
    }
    this.log('group preparing rebalance', { groupId: this.groupId, generationId: this.generationId, reason });
  }

  private tryCompleteRebalance(): void {
    if (this.state !== 'PreparingRebalance' || this.initialDelayTimer) return;
    if ([...this.members.values()].every((member) => member.awaitingJoin)) this.completeRebalance();
  }

  private onRebalanceTimeout(): void {
    for (const member of this.members.values()) {
      if (!member.awaitingJoin) this.removeMember(member, 'did not rejoin within the rebalance timeout');
    }
    this.completeRebalance();
  }

  private completeRebalance(): void {
    clearTimeout(this.rebalanceTimer);
    clearTimeout(this.initialDelayTimer);
    this.rebalanceTimer = this.initialDelayTimer = undefined;
    this.generationId += 1;

    const joiners = [...this.members.values()].sort((a, b) => a.joinSequence - b.joinSequence);
    if (joiners.length === 0) {
      this.becomeEmpty();
      return;
    }
    const leader = joiners.find((member) => member.memberId === this.leaderId) ?? joiners[0];
    const protocolName = leader.protocols.find(({ name }) => joiners.every((member) => supportsProtocol(member, name)))?.name;
    if (!protocolName) {
      // Joins are checked against the members already, so this only guards against an inconsistent group.
      for (const member of joiners) this.removeMember(member, 'no common protocol', GroupErrorCode.INCONSISTENT_GROUP_PROTOCOL);
      this.becomeEmpty();
      return;
    }

    this.state = 'CompletingRebalance';
    this.leaderId = leader.memberId;
    this.protocolName = protocolName;
    this.protocolType = leader.protocolType;
    const memberList = joiners.map((member) => ({
      memberId: member.memberId,
      groupInstanceId: member.groupInstanceId,
      metadata: metadataFor(member, protocolName),
    }));
    for (const member of joiners) {
      this.answerJoin(member, {
        errorCode: GroupErrorCode.NONE,
        generationId: this.generationId,
        protocolName,
        leader: leader.memberId,
        memberId: member.memberId,
        members: member === leader ? memberList : [],
      });
      this.startSessionTimer(member);
    }
    this.log('group rebalanced', { groupId: this.groupId, generationId: this.generationId, leader: leader.memberId, members: joiners.length });
  }

  private becomeEmpty(): void {
    this.state = 'Empty';
    this.leaderId = null;
    this.protocolName = null;
    this.log('group is empty', { groupId: this.groupId, generationId: this.generationId });
  }

  private parkSync(member: Member): Promise<SyncGroupResponse> {
    this.answerSync(member, syncResult(GroupErrorCode.REBALANCE_IN_PROGRESS)); // a repeated sync replaces the parked one
    this.stopSessionTimer(member);
    return new Promise((resolve) => {
      member.awaitingSync = resolve;
    });
  }

  private applyAssignments(assignments: SyncGroupRequest['assignments']): void {
    const byMember = new Map(assignments.map(({ memberId, assignment }) => [memberId, assignment]));
    this.state = 'Stable';
    for (const member of this.members.values()) {
      // kafkajs cannot decode a null assignment: members the leader left out get zero-length bytes.
      const assignment = byMember.get(member.memberId);
      member.assignment = assignment ? Buffer.from(assignment) : Buffer.alloc(0);
      this.answerSync(member, syncResult(GroupErrorCode.NONE, member.assignment));
      this.touch(member);
    }
    this.log('group stable', { groupId: this.groupId, generationId: this.generationId });
  }

  private answerJoin(member: Member, response: JoinGroupResponse): void {
    const resolve = member.awaitingJoin;
    member.awaitingJoin = undefined;
    resolve?.(response);
  }

  /** Returns whether a parked SyncGroup was answered. */
  private answerSync(member: Member, response: SyncGroupResponse): boolean {
    const resolve = member.awaitingSync;
    member.awaitingSync = undefined;
    resolve?.(response);
    return resolve !== undefined;
  }

  /** A sign of life: restart the session timer unless the member is parked (parked members do not expire). */
  private touch(member: Member): void {
    if (!member.awaitingJoin && !member.awaitingSync) this.startSessionTimer(member);
  }

  private startSessionTimer(member: Member): void {
    this.stopSessionTimer(member);
    member.sessionTimer = startTimer(member.sessionTimeoutMs, () => {
      member.sessionTimer = undefined;
      this.removeMember(member, 'session timed out');
      this.onMembershipChanged(`member ${member.memberId} session timed out`);
    });
  }

  private stopSessionTimer(member: Member): void {
    clearTimeout(member.sessionTimer);
    member.sessionTimer = undefined;
  }
}

function supportsProtocol(member: Member, name: string): boolean {
  return member.protocols.some((protocol) => protocol.name === name);
}

function metadataFor(member: Member, protocolName: string): Buffer {
  return member.protocols.find(({ name }) => name === protocolName)?.metadata ?? Buffer.alloc(0);
}
