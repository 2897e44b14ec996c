import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OFFSETS_FILE } from './offset-store';
import { GROUP, groupCoordinatorFixture } from './group-coordinator.fixture';

describe('group coordinator: committed offsets', () => {
  const fixture = groupCoordinatorFixture();
  const { start, joinNew, rejoin, sync, commit, commitRequest, committed, state, stableSingleMember } = fixture;

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
    expect(fixture.coordinator.fetchOffsets({ groupId: GROUP, topics: [{ name: 'events', partitionIndexes: [1, 2] }] })).toEqual({
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
    const all = fixture.coordinator.fetchOffsets({ groupId: GROUP, topics: null });
    expect(all.topics.map(({ name, partitions }) => [name, partitions.map((p) => [p.partitionIndex, p.committedOffset])])).toEqual([
      ['events', [[0, 3n], [2, 7n]]],
      ['audit', [[0, 1n]]],
    ]);
    expect(fixture.coordinator.fetchOffsets({ groupId: 'unknown', topics: null })).toEqual({ errorCode: 0, topics: [] });
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
    expect(fixture.coordinator.fetchOffsets({ groupId: GROUP, topics: null })).toEqual(expected);
    await fixture.coordinator.close();
    const journal = readFileSync(join(fixture.dataDir, OFFSETS_FILE), 'utf8');
    expect(journal).not.toContain('null');

    await start();
    expect(fixture.coordinator.fetchOffsets({ groupId: GROUP, topics: null })).toEqual(expected);
  });

  it('reads metadata null or absent in an older offsets journal back as ""', async () => {
    await start();
    await fixture.coordinator.close();
    writeFileSync(
      join(fixture.dataDir, OFFSETS_FILE),
      '{"group":"orders","commits":[{"topic":"events","partition":0,"offset":"3","metadata":null},{"topic":"events","partition":1,"offset":"4"},{"topic":"events","partition":2,"offset":"5","metadata":"kept"}]}\n',
    );
    await start();
    expect(fixture.coordinator.fetchOffsets({ groupId: GROUP, topics: [{ name: 'events', partitionIndexes: [0, 1, 2] }] }).topics[0].partitions).toEqual([
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
    await fixture.coordinator.close();

    await start();
    expect(committed(0).committedOffset).toBe(101n);
    expect(committed(1).committedOffset).toBe(200n);
    // The group exists again, Empty; the old member is gone.
    expect(state()).toBe('Empty');
    expect(fixture.coordinator.listGroups()).toEqual([{ groupId: GROUP, protocolType: '' }]);
    expect(commit(member, 1, 102n)).toBe(25);
  });

  it('survives a torn last line in the offsets journal and compacts a large one', async () => {
    await start();
    commit('', -1, 5n);
    await fixture.coordinator.close();
    const path = join(fixture.dataDir, OFFSETS_FILE);
    appendFileSync(path, '{"group":"orders","commits":[{"topic":"ev');

    await start();
    expect(committed().committedOffset).toBe(5n);
    expect(commit('', -1, 6n)).toBe(0);
    await fixture.coordinator.close();

    await start();
    expect(committed().committedOffset).toBe(6n);
    for (let offset = 7n; offset < 1207n; offset++) commit('', -1, offset);
    await fixture.coordinator.close();
    expect(readFileSync(path, 'utf8').split('\n').length).toBeGreaterThan(1000);

    await start();
    expect(committed().committedOffset).toBe(1206n);
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('creates the data directory if needed and ignores a journal it cannot parse line by line', async () => {
    fixture.dataDir = join(fixture.dataDir, 'nested', 'dir');
    await start();
    await fixture.coordinator.close();
    writeFileSync(join(fixture.dataDir, OFFSETS_FILE), 'not json\n{"group":"orders","commits":[{"topic":"events","partition":0,"offset":"3","metadata":null}]}\n');
    await start();
    expect(committed().committedOffset).toBe(3n);
  });
});
