import { GROUP, groupCoordinatorFixture, SESSION_TIMEOUT_MS, REBALANCE_TIMEOUT_MS, metadataFor, sleep, isSettled } from './group-coordinator.fixture';

describe('group coordinator: membership and rebalances', () => {
  const fixture = groupCoordinatorFixture();
  const { start, joinRequest, joinNew, rejoin, sync, heartbeat, commit, committed, state, stableSingleMember, stableTwoMembers } = fixture;

  it('hands out a member id with MEMBER_ID_REQUIRED and accepts the rejoin with it', async () => {
    await start();
    const first = await fixture.coordinator.joinGroup(joinRequest(''), { clientId: 'alpha', clientHost: '/127.0.0.1' });
    expect(first).toMatchObject({ errorCode: 79, generationId: -1, members: [] });
    expect(first.memberId).toMatch(/^alpha-[0-9a-f-]{36}$/);

    const joined = await fixture.coordinator.joinGroup(joinRequest(first.memberId), { clientId: 'alpha', clientHost: '/127.0.0.1' });
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
    expect(fixture.coordinator.describeGroups([GROUP])[0]).toMatchObject({
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
    expect(fixture.coordinator.leaveGroup({ groupId: GROUP, members: [{ memberId: follower, groupInstanceId: null }, { memberId: 'nobody', groupInstanceId: null }] })).toEqual({
      errorCode: 0,
      members: [
        { memberId: follower, groupInstanceId: null, errorCode: 0 },
        { memberId: 'nobody', groupInstanceId: null, errorCode: 25 },
      ],
    });
    expect(heartbeat(leader, 2)).toBe(27);
    expect(await rejoin(leader)).toMatchObject({ errorCode: 0, generationId: 3, leader, members: [{ memberId: leader }] });

    fixture.coordinator.leaveGroup({ groupId: GROUP, members: [{ memberId: leader, groupInstanceId: null }] });
    expect(fixture.coordinator.describeGroups([GROUP])[0]).toMatchObject({ groupState: 'Empty', members: [] });
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

  it('describes, lists and deletes groups like Kafka', async () => {
    await start();
    expect(fixture.coordinator.describeGroups(['unknown'])).toEqual([
      { errorCode: 0, groupId: 'unknown', groupState: 'Dead', protocolType: '', protocolData: '', members: [] },
    ]);
    const member = await stableSingleMember();
    commit(member, 1, 9n);
    expect(fixture.coordinator.listGroups()).toEqual([{ groupId: GROUP, protocolType: 'consumer' }]);
    expect(fixture.coordinator.deleteGroups([GROUP, 'unknown'])).toEqual([
      { groupId: GROUP, errorCode: 68 },
      { groupId: 'unknown', errorCode: 69 },
    ]);

    fixture.coordinator.leaveGroup({ groupId: GROUP, members: [{ memberId: member, groupInstanceId: null }] });
    expect(fixture.coordinator.deleteGroups([GROUP])).toEqual([{ groupId: GROUP, errorCode: 0 }]);
    expect(state()).toBe('Dead');
    expect(fixture.coordinator.listGroups()).toEqual([]);
    expect(committed().committedOffset).toBe(-1n);

    await fixture.coordinator.close();
    await start();
    expect(committed().committedOffset).toBe(-1n);
    expect(fixture.coordinator.listGroups()).toEqual([]);
  });

  it('refuses a member whose protocols the group does not support with INCONSISTENT_GROUP_PROTOCOL', async () => {
    await start();
    const member = await stableSingleMember();
    const other = await fixture.coordinator.joinGroup(joinRequest('', ['sticky']), { clientId: 'beta', clientHost: '/127.0.0.1' });
    expect(other.errorCode).toBe(23);
    const otherType = await fixture.coordinator.joinGroup(joinRequest('', ['roundrobin'], 'connect'), { clientId: 'beta', clientHost: '/127.0.0.1' });
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

    await fixture.coordinator.close();
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
    await fixture.coordinator.close();
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
});
