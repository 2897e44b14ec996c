import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GroupCoordinator, JoinGroupResponse, OffsetCommitRequest } from './coordinator-api';
import { createGroupCoordinator } from './group-coordinator';
import { OFFSETS_FILE } from './offset-store';

const GROUP = 'orders';
const SESSION_TIMEOUT_MS = 200;
const REBALANCE_TIMEOUT_MS = 300;
const metadataFor = (clientId: string) => Buffer.from(`metadata of ${clientId}`);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether a promise has settled, checked after pending callbacks run. */
async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  const pending = Symbol('pending');
  return (await Promise.race([promise, new Promise((resolve) => setImmediate(() => resolve(pending)))])) !== pending;
}

describe('group coordinator', () => {
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

  it('hands out a member id with MEMBER_ID_REQUIRED and accepts the rejoin with it', async () => {
    await start();
    const first = await coordinator.joinGroup(joinRequest(''), { clientId: 'alpha', clientHost: '/127.0.0.1' });
    expect(first).toMatchObject({ errorCode: 79, generationId: -1, members: [] });
    expect(first.memberId).toMatch(/^alpha-[0-9a-f-]{36}$/);

    const joined = await coordinator.joinGroup(joinRequest(first.memberId), { clientId: 'alpha', clientHost: '/127.0.0.1' });
    expect(joined).toEqual({
      errorCode: 0,
      generationId: 1,
      protocolName: 'roundrobin',
      leader: first.memberId,
      memberId: first.memberId,
      members: [{ memberId: first.memberId, groupInstanceId: null, metadata: metadataFor(first.memberId) }],
    });
  });

  it('answers a join with an unknown member id with UNKNOWN_MEMBER_ID', async () => {
    await start();
    expect((await rejoin('nobody')).errorCode).toBe(25);
    await stableSingleMember();
    expect((await rejoin('nobody')).errorCode).toBe(25);
  });

  it('takes a single member through join, sync and heartbeat', async () => {
    await start();
    const { memberId, joined } = await joinNew('alpha');
    expect((await joined).generationId).toBe(1);
    expect(state()).toBe('CompletingRebalance');
    expect(heartbeat(memberId, 1)).toBe(0);

    const assignment = Buffer.from('partitions 0-2');
    expect(await sync(memberId, 1, [{ memberId, assignment }])).toEqual({ errorCode: 0, assignment });
    expect(state()).toBe('Stable');
    expect(heartbeat(memberId, 1)).toBe(0);
    expect(heartbeat(memberId, 0)).toBe(22);
    expect(heartbeat('nobody', 1)).toBe(25);
    // A repeated SyncGroup in the same generation gets the stored assignment.
    expect(await sync(memberId, 1)).toEqual({ errorCode: 0, assignment });
    expect((await sync(memberId, 7)).errorCode).toBe(22);
    expect((await sync('nobody', 1)).errorCode).toBe(25);
    expect(coordinator.describeGroups([GROUP])[0]).toMatchObject({
      groupState: 'Stable',
      protocolType: 'consumer',
      protocolData: 'roundrobin',
      members: [{ memberId, clientId: 'alpha', clientHost: '/127.0.0.1', memberAssignment: assignment }],
    });
  });

  it('rebalances when a second member joins: both rejoin, the leader assigns, a left-out member gets empty bytes', async () => {
    await start();
    const leader = await stableSingleMember('alpha');
    const { memberId: follower, joined: followerJoined } = await joinNew('beta');
    expect(await isSettled(followerJoined)).toBe(false);
    expect(state()).toBe('PreparingRebalance');
    expect(heartbeat(leader, 1)).toBe(27);
    expect((await sync(leader, 1)).errorCode).toBe(27);

    const leaderJoined = await rejoin(leader);
    const followerJoin = await followerJoined;
    expect(leaderJoined).toMatchObject({ errorCode: 0, generationId: 2, leader, memberId: leader });
    // Members are listed in join order: the newcomer was parked first.
    expect(leaderJoined.members).toEqual([
      { memberId: follower, groupInstanceId: null, metadata: metadataFor(follower) },
      { memberId: leader, groupInstanceId: null, metadata: metadataFor(leader) },
    ]);
    expect(followerJoin).toMatchObject({ errorCode: 0, generationId: 2, leader, memberId: follower, members: [] });

    const followerSync = sync(follower, 2);
    expect(await isSettled(followerSync)).toBe(false);
    expect(await sync(leader, 2, [{ memberId: leader, assignment: Buffer.from('everything') }])).toEqual({
      errorCode: 0,
      assignment: Buffer.from('everything'),
    });
    const { errorCode, assignment } = await followerSync;
    expect(errorCode).toBe(0);
    expect(Buffer.isBuffer(assignment)).toBe(true);
    expect(assignment).toHaveLength(0);
    expect(state()).toBe('Stable');
    expect(heartbeat(leader, 2)).toBe(0);
    expect(heartbeat(follower, 2)).toBe(0);
  });

  it('rebalances when a member leaves, and becomes Empty when the last one leaves', async () => {
    await start();
    const { leader, follower } = await stableTwoMembers();
    expect(coordinator.leaveGroup({ groupId: GROUP, members: [{ memberId: follower, groupInstanceId: null }, { memberId: 'nobody', groupInstanceId: null }] })).toEqual({
      errorCode: 0,
      members: [
        { memberId: follower, groupInstanceId: null, errorCode: 0 },
        { memberId: 'nobody', groupInstanceId: null, errorCode: 25 },
      ],
    });
    expect(heartbeat(leader, 2)).toBe(27);
    expect(await rejoin(leader)).toMatchObject({ errorCode: 0, generationId: 3, leader, members: [{ memberId: leader }] });

    coordinator.leaveGroup({ groupId: GROUP, members: [{ memberId: leader, groupInstanceId: null }] });
    expect(coordinator.describeGroups([GROUP])[0]).toMatchObject({ groupState: 'Empty', members: [] });
  });

  it('removes a member whose session expires and rebalances the rest', async () => {
    await start();
    const { leader, follower } = await stableTwoMembers();
    // Only the leader stays alive.
    for (let elapsed = 0; elapsed < SESSION_TIMEOUT_MS + 100; elapsed += 50) {
      await sleep(50);
      if (heartbeat(leader, 2) === 27) break;
    }
    expect(heartbeat(leader, 2)).toBe(27);
    expect(heartbeat(follower, 2)).toBe(25);
    expect(await rejoin(leader)).toMatchObject({ errorCode: 0, generationId: 3, members: [{ memberId: leader }] });

    // Without heartbeats the last member expires too and the group empties.
    await sleep(SESSION_TIMEOUT_MS + 50);
    expect(state()).toBe('Empty');
  });

  it('removes members that do not rejoin within the rebalance timeout', async () => {
    await start();
    const { leader, follower } = await stableTwoMembers();
    const { memberId: newcomer, joined } = await joinNew('gamma');
    const leaderJoined = rejoin(leader);
    // The follower keeps heartbeating (so its session stays alive) but never rejoins.
    const started = Date.now();
    while (!(await isSettled(joined))) {
      expect(heartbeat(follower, 2)).toBe(27);
      await sleep(50);
    }
    expect(Date.now() - started).toBeGreaterThanOrEqual(REBALANCE_TIMEOUT_MS - 60);
    expect((await leaderJoined).members.map((member) => member.memberId).sort()).toEqual([leader, newcomer].sort());
    expect((await joined).generationId).toBe(3);
    expect(heartbeat(follower, 3)).toBe(25);
  });

  it('delays the first rebalance of an empty group by initialRebalanceDelayMs', async () => {
    await start(150);
    const first = await joinNew('alpha');
    await sleep(50);
    const second = await joinNew('beta');
    expect(await isSettled(first.joined)).toBe(false);
    const [a, b] = await Promise.all([first.joined, second.joined]);
    expect(a).toMatchObject({ generationId: 1, leader: first.memberId });
    expect(a.members).toHaveLength(2);
    expect(b).toMatchObject({ generationId: 1, leader: first.memberId, members: [] });
  });

  it('accepts commits while preparing a rebalance and refuses them while completing one', async () => {
    await start();
    const leader = await stableSingleMember('alpha');
    expect(commit(leader, 1, 10n)).toBe(0);

    const { memberId: follower, joined } = await joinNew('beta');
    expect(state()).toBe('PreparingRebalance');
    // kafkajs commits right after its heartbeat got 27; the commit must count.
    expect(commit(leader, 1, 11n)).toBe(0);
    expect(committed()).toMatchObject({ committedOffset: 11n, errorCode: 0 });

    await rejoin(leader);
    await joined;
    expect(state()).toBe('CompletingRebalance');
    expect(commit(leader, 2, 12n)).toBe(27);
    expect(commit(leader, 1, 12n)).toBe(22);
    expect(commit('nobody', 2, 12n)).toBe(25);
    expect(committed().committedOffset).toBe(11n);

    const followerSync = sync(follower, 2);
    await sync(leader, 2, []);
    await followerSync;
    expect(commit(follower, 2, -5n)).toBe(0);
    expect(committed().committedOffset).toBe(-5n);
  });

  it('accepts a commit from outside the group (generation -1, no member id) only while the group is Empty', async () => {
    await start();
    expect(commit('', -1, 42n)).toBe(0);
    expect(committed()).toMatchObject({ committedOffset: 42n, metadata: '' });
    expect(state()).toBe('Empty');
    await stableSingleMember();
    expect(commit('', -1, 43n)).toBe(25);
    expect(committed().committedOffset).toBe(42n);
  });

  it('answers an offset fetch for never-committed partitions with -1 and null metadata', async () => {
    await start();
    commitRequest({
      groupId: GROUP,
      generationId: -1,
      memberId: '',
      topics: [
        { name: 'events', partitions: [{ partitionIndex: 2, committedOffset: 7n, committedMetadata: 'note' }, { partitionIndex: 0, committedOffset: 3n, committedMetadata: null }] },
        { name: 'audit', partitions: [{ partitionIndex: 0, committedOffset: 1n, committedMetadata: null }] },
      ],
    });
    expect(coordinator.fetchOffsets({ groupId: GROUP, topics: [{ name: 'events', partitionIndexes: [1, 2] }] })).toEqual({
      errorCode: 0,
      topics: [
        {
          name: 'events',
          partitions: [
            { partitionIndex: 1, committedOffset: -1n, metadata: null, errorCode: 0 },
            { partitionIndex: 2, committedOffset: 7n, metadata: 'note', errorCode: 0 },
          ],
        },
      ],
    });
    const all = coordinator.fetchOffsets({ groupId: GROUP, topics: null });
    expect(all.topics.map(({ name, partitions }) => [name, partitions.map((p) => [p.partitionIndex, p.committedOffset])])).toEqual([
      ['events', [[0, 3n], [2, 7n]]],
      ['audit', [[0, 1n]]],
    ]);
    expect(coordinator.fetchOffsets({ groupId: 'unknown', topics: null })).toEqual({ errorCode: 0, topics: [] });
  });

  it('answers metadata "" for an offset committed without metadata, and given metadata as given, also after a restart', async () => {
    await start();
    const partitions = [
      { partitionIndex: 0, committedOffset: 3n, committedMetadata: null },
      { partitionIndex: 1, committedOffset: 4n, committedMetadata: 'checkpoint 7' },
      { partitionIndex: 2, committedOffset: 5n, committedMetadata: '' },
    ];
    expect(commitRequest({ groupId: GROUP, generationId: -1, memberId: '', topics: [{ name: 'events', partitions }] })).toBe(0);
    const expected = {
      errorCode: 0,
      topics: [
        {
          name: 'events',
          partitions: [
            { partitionIndex: 0, committedOffset: 3n, metadata: '', errorCode: 0 },
            { partitionIndex: 1, committedOffset: 4n, metadata: 'checkpoint 7', errorCode: 0 },
            { partitionIndex: 2, committedOffset: 5n, metadata: '', errorCode: 0 },
          ],
        },
      ],
    };
    expect(coordinator.fetchOffsets({ groupId: GROUP, topics: null })).toEqual(expected);
    await coordinator.close();
    const journal = readFileSync(join(dataDir, OFFSETS_FILE), 'utf8');
    expect(journal).not.toContain('null');

    await start();
    expect(coordinator.fetchOffsets({ groupId: GROUP, topics: null })).toEqual(expected);
  });

  it('reads metadata null or absent in an older offsets journal back as ""', async () => {
    await start();
    await coordinator.close();
    writeFileSync(
      join(dataDir, OFFSETS_FILE),
      '{"group":"orders","commits":[{"topic":"events","partition":0,"offset":"3","metadata":null},{"topic":"events","partition":1,"offset":"4"},{"topic":"events","partition":2,"offset":"5","metadata":"kept"}]}\n',
    );
    await start();
    expect(coordinator.fetchOffsets({ groupId: GROUP, topics: [{ name: 'events', partitionIndexes: [0, 1, 2] }] }).topics[0].partitions).toEqual([
      { partitionIndex: 0, committedOffset: 3n, metadata: '', errorCode: 0 },
      { partitionIndex: 1, committedOffset: 4n, metadata: '', errorCode: 0 },
      { partitionIndex: 2, committedOffset: 5n, metadata: 'kept', errorCode: 0 },
    ]);
  });

  it('keeps committed offsets across a restart on the same data directory', async () => {
    await start();
    const member = await stableSingleMember();
    commit(member, 1, 100n, 0);
    commit(member, 1, 200n, 1);
    commit(member, 1, 101n, 0);
    await coordinator.close();

    await start();
    expect(committed(0).committedOffset).toBe(101n);
    expect(committed(1).committedOffset).toBe(200n);
    // The group exists again, Empty; the old member is gone.
    expect(state()).toBe('Empty');
    expect(coordinator.listGroups()).toEqual([{ groupId: GROUP, protocolType: '' }]);
    expect(commit(member, 1, 102n)).toBe(25);
  });

  it('survives a torn last line in the offsets journal and compacts a large one', async () => {
    await start();
    commit('', -1, 5n);
    await coordinator.close();
    const path = join(dataDir, OFFSETS_FILE);
    appendFileSync(path, '{"group":"orders","commits":[{"topic":"ev');

    await start();
    expect(committed().committedOffset).toBe(5n);
    expect(commit('', -1, 6n)).toBe(0);
    await coordinator.close();

    await start();
    expect(committed().committedOffset).toBe(6n);
    for (let offset = 7n; offset < 1207n; offset++) commit('', -1, offset);
    await coordinator.close();
    expect(readFileSync(path, 'utf8').split('\n').length).toBeGreaterThan(1000);

    await start();
    expect(committed().committedOffset).toBe(1206n);
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('describes, lists and deletes groups like Kafka', async () => {
    await start();
    expect(coordinator.describeGroups(['unknown'])).toEqual([
      { errorCode: 0, groupId: 'unknown', groupState: 'Dead', protocolType: '', protocolData: '', members: [] },
    ]);
    const member = await stableSingleMember();
    commit(member, 1, 9n);
    expect(coordinator.listGroups()).toEqual([{ groupId: GROUP, protocolType: 'consumer' }]);
    expect(coordinator.deleteGroups([GROUP, 'unknown'])).toEqual([
      { groupId: GROUP, errorCode: 68 },
      { groupId: 'unknown', errorCode: 69 },
    ]);

    coordinator.leaveGroup({ groupId: GROUP, members: [{ memberId: member, groupInstanceId: null }] });
    expect(coordinator.deleteGroups([GROUP])).toEqual([{ groupId: GROUP, errorCode: 0 }]);
    expect(state()).toBe('Dead');
    expect(coordinator.listGroups()).toEqual([]);
    expect(committed().committedOffset).toBe(-1n);

    await coordinator.close();
    await start();
    expect(committed().committedOffset).toBe(-1n);
    expect(coordinator.listGroups()).toEqual([]);
  });

  it('refuses a member whose protocols the group does not support with INCONSISTENT_GROUP_PROTOCOL', async () => {
    await start();
    const member = await stableSingleMember();
    const other = await coordinator.joinGroup(joinRequest('', ['sticky']), { clientId: 'beta', clientHost: '/127.0.0.1' });
    expect(other.errorCode).toBe(23);
    const otherType = await coordinator.joinGroup(joinRequest('', ['roundrobin'], 'connect'), { clientId: 'beta', clientHost: '/127.0.0.1' });
    expect(otherType.errorCode).toBe(23);
    expect(state()).toBe('Stable');
    expect(heartbeat(member, 1)).toBe(0);
  });

  it('picks the first protocol in the leader’s order that every member supports', async () => {
    await start(100);
    const first = await joinNew('alpha', ['sticky', 'range', 'roundrobin']);
    const second = await joinNew('beta', ['roundrobin', 'range']);
    const [a, b] = await Promise.all([first.joined, second.joined]);
    expect(a.protocolName).toBe('range');
    expect(b.protocolName).toBe('range');
    expect(a.members.map((member) => member.metadata)).toEqual([metadataFor(first.memberId), metadataFor(second.memberId)]);
  });

  it('answers parked joins and syncs with REBALANCE_IN_PROGRESS on close', async () => {
    await start();
    const { leader, follower } = await stableTwoMembers();
    const parkedJoin = rejoin(leader); // parked: the follower has not rejoined
    const { joined: newcomerJoin } = await joinNew('gamma');
    expect(await isSettled(parkedJoin)).toBe(false);
    expect(await isSettled(newcomerJoin)).toBe(false);
    expect(heartbeat(follower, 2)).toBe(27);

    await coordinator.close();
    expect((await parkedJoin).errorCode).toBe(27);
    expect((await newcomerJoin).errorCode).toBe(27);
  });

  it('answers a parked sync with REBALANCE_IN_PROGRESS on close', async () => {
    await start();
    const leader = await stableSingleMember('alpha');
    const { memberId: follower, joined } = await joinNew('beta');
    await rejoin(leader);
    await joined;
    const parkedSync = sync(follower, 2);
    expect(await isSettled(parkedSync)).toBe(false);
    await coordinator.close();
    expect(await parkedSync).toEqual({ errorCode: 27, assignment: Buffer.alloc(0) });
  });

  it('answers a parked sync with REBALANCE_IN_PROGRESS when a new member joins before the leader syncs', async () => {
    await start();
    const leader = await stableSingleMember('alpha');
    const { memberId: follower, joined } = await joinNew('beta');
    await rejoin(leader);
    await joined;
    const parkedSync = sync(follower, 2);
    await joinNew('gamma');
    expect(await parkedSync).toEqual({ errorCode: 27, assignment: Buffer.alloc(0) });
    expect((await sync(leader, 2, [])).errorCode).toBe(27);
  });

  it('creates the data directory if needed and ignores a journal it cannot parse line by line', async () => {
    dataDir = join(dataDir, 'nested', 'dir');
    await start();
    await coordinator.close();
    writeFileSync(join(dataDir, OFFSETS_FILE), 'not json\n{"group":"orders","commits":[{"topic":"events","partition":0,"offset":"3","metadata":null}]}\n');
    await start();
    expect(committed().committedOffset).toBe(3n);
  });
});
