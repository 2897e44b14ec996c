import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GroupCoordinator, JoinGroupResponse, OffsetCommitRequest } from './coordinator-api';
import { createGroupCoordinator } from './group-coordinator';

export const GROUP = 'orders';
export const SESSION_TIMEOUT_MS = 200;
export const REBALANCE_TIMEOUT_MS = 300;
export const metadataFor = (clientId: string) => Buffer.from(`metadata of ${clientId}`);

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether a promise has settled, checked after pending callbacks run. */
export async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  const pending = Symbol('pending');
  return (await Promise.race([promise, new Promise((resolve) => setImmediate(() => resolve(pending)))])) !== pending;
}


/**
 * A coordinator on a fresh data directory per test (closed and removed after it), and the requests the
 * specs make of it: join, sync, heartbeat, commit, fetch.
 */
export function groupCoordinatorFixture() {
  let tempRoot: string;
  let dataDir: string;
  let coordinator: GroupCoordinator;
  const log = jest.fn();

  async function start(initialRebalanceDelayMs = 0): Promise<GroupCoordinator> {
    coordinator = await createGroupCoordinator({ dataDir, initialRebalanceDelayMs, log });
    return coordinator;
  }

  function joinRequest(memberId: string, protocols = ['roundrobin'], protocolType = 'consumer') {
    return {
      groupId: GROUP,
      sessionTimeoutMs: SESSION_TIMEOUT_MS,
      rebalanceTimeoutMs: REBALANCE_TIMEOUT_MS,
      memberId,
      groupInstanceId: null,
      protocolType,
      protocols: protocols.map((name) => ({ name, metadata: metadataFor(memberId) })),
    };
  }

  /** The JoinGroup v4+ round trip: ask with '' for an id, then join with it (the second join may park). */
  async function joinNew(clientId: string, protocols?: string[]): Promise<{ memberId: string; joined: Promise<JoinGroupResponse> }> {
    const first = await coordinator.joinGroup(joinRequest('', protocols), { clientId, clientHost: '/127.0.0.1' });
    expect(first.errorCode).toBe(79);
    const joined = coordinator.joinGroup(joinRequest(first.memberId, protocols), { clientId, clientHost: '/127.0.0.1' });
    return { memberId: first.memberId, joined };
  }

  function rejoin(memberId: string): Promise<JoinGroupResponse> {
    return coordinator.joinGroup(joinRequest(memberId), { clientId: 'rejoiner', clientHost: '/127.0.0.1' });
  }

  const sync = (memberId: string, generationId: number, assignments: { memberId: string; assignment: Buffer }[] = []) =>
    coordinator.syncGroup({ groupId: GROUP, generationId, memberId, groupInstanceId: null, assignments });

  const heartbeat = (memberId: string, generationId: number) =>
    coordinator.heartbeat({ groupId: GROUP, generationId, memberId, groupInstanceId: null });

  const commit = (memberId: string, generationId: number, offset: bigint, partitionIndex = 0) =>
    commitRequest({ groupId: GROUP, generationId, memberId, topics: [{ name: 'events', partitions: [{ partitionIndex, committedOffset: offset, committedMetadata: null }] }] });

  function commitRequest(request: OffsetCommitRequest): number {
    return coordinator.commitOffsets(request).topics[0].partitions[0].errorCode;
  }

  const committed = (partitionIndex = 0) =>
    coordinator.fetchOffsets({ groupId: GROUP, topics: [{ name: 'events', partitionIndexes: [partitionIndex] }] }).topics[0].partitions[0];

  const state = () => coordinator.describeGroups([GROUP])[0].groupState;

  /** One member, joined and synced: generation 1, Stable. */
  async function stableSingleMember(clientId = 'alpha'): Promise<string> {
    const { memberId, joined } = await joinNew(clientId);
    expect((await joined).generationId).toBe(1);
    await sync(memberId, 1, [{ memberId, assignment: Buffer.from('all partitions') }]);
    return memberId;
  }

  /** Two members, both synced in generation 2; the first one leads. */
  async function stableTwoMembers(): Promise<{ leader: string; follower: string }> {
    const leader = await stableSingleMember('alpha');
    const { memberId: follower, joined } = await joinNew('beta');
    await rejoin(leader);
    expect((await joined).generationId).toBe(2);
    const followerSync = sync(follower, 2);
    await sync(leader, 2, [
      { memberId: leader, assignment: Buffer.from('a') },
      { memberId: follower, assignment: Buffer.from('b') },
    ]);
    await followerSync;
    return { leader, follower };
  }

  beforeEach(() => {
    tempRoot = mkdtempSync(join(tmpdir(), 'group-coordinator-'));
    dataDir = tempRoot;
  });

  afterEach(async () => {
    await coordinator?.close();
    rmSync(tempRoot, { recursive: true, force: true });
  });

  return {
    get coordinator() {
      return coordinator;
    },
    get dataDir() {
      return dataDir;
    },
    /** Points the next start() elsewhere (e.g. a directory that does not exist yet). */
    set dataDir(value: string) {
      dataDir = value;
    },
    log,
    start,
    joinRequest,
    joinNew,
    rejoin,
    sync,
    heartbeat,
    commit,
    commitRequest,
    committed,
    state,
    stableSingleMember,
    stableTwoMembers,
  };
}
