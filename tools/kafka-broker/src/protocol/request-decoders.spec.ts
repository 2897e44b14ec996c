import buildCreatePartitionsV1 from 'kafkajs/src/protocol/requests/createPartitions/v1/request';
import buildDeleteGroupsV1 from 'kafkajs/src/protocol/requests/deleteGroups/v1/request';
import buildDescribeGroupsV2 from 'kafkajs/src/protocol/requests/describeGroups/v2/request';
import buildFetchV11 from 'kafkajs/src/protocol/requests/fetch/v11/request';
import buildListOffsetsV3 from 'kafkajs/src/protocol/requests/listOffsets/v3/request';
import buildMetadataV6 from 'kafkajs/src/protocol/requests/metadata/v6/request';
import buildOffsetFetchV4 from 'kafkajs/src/protocol/requests/offsetFetch/v4/request';
import { decodeCreatePartitionsRequest } from './create-partitions';
import { decodeCreateTopicsRequest } from './create-topics';
import { decodeDeleteGroupsRequest } from './delete-groups';
import { decodeDeleteTopicsRequest } from './delete-topics';
import { decodeDescribeGroupsRequest } from './describe-groups';
import { decodeFetchRequest } from './fetch';
import { fixture } from './fixtures';
import { decodeFindCoordinatorRequest } from './find-coordinator';
import { decodeHeartbeatRequest } from './heartbeat';
import { decodeInitProducerIdRequest } from './init-producer-id';
import { decodeJoinGroupRequest } from './join-group';
import { decodeLeaveGroupRequest } from './leave-group';
import { decodeListOffsetsRequest } from './list-offsets';
import { decodeMetadataRequest } from './metadata';
import { decodeOffsetCommitRequest } from './offset-commit';
import { decodeOffsetFetchRequest } from './offset-fetch';
import { decodeProduceRequest } from './produce';
import { splitRecordSet } from './record-batch';
import { decodeRequestHeader } from './request-header';
import { decodeSyncGroupRequest } from './sync-group';

/** Golden request bodies (and, where no fixture exists, kafkajs's own encoders) read by our decoders. */
describe('request decoders', () => {
  it('reads request header v1 and leaves the body', () => {
    const frame = Buffer.concat([Buffer.from('0012000200000007000a6b61666b616a732d3031', 'hex'), Buffer.from([1, 2])]);
    const { header, body } = decodeRequestHeader(frame);
    expect(header).toEqual({ apiKey: 18, apiVersion: 2, correlationId: 7, clientId: 'kafkajs-01' });
    expect([...body]).toEqual([1, 2]);
  });

  it('Produce v7: acks, timeout, one partition with one valid record batch', () => {
    const request = decodeProduceRequest(fixture('produce', 'v7_request'));
    expect(request.transactionalId).toBeNull();
    expect(request.acks).toBe(-1);
    expect(request.timeoutMs).toBe(30000);
    expect(request.topics).toHaveLength(1);
    expect(request.topics[0].name).toMatch(/^test-topic-/);
    expect(request.topics[0].partitions.map((p) => p.partitionIndex)).toEqual([0]);
    const split = splitRecordSet(request.topics[0].partitions[0].records ?? Buffer.alloc(0));
    expect(split.ok && split.batches.length).toBe(1);
  });

  it('Fetch v11: limits, isolation, session fields, partitions and rack', () => {
    const request = decodeFetchRequest(fixture('fetch', 'v11_request'));
    expect(request).toMatchObject({ replicaId: -1, maxWaitMs: 100, minBytes: 1, maxBytes: 10485760, isolationLevel: 1, sessionId: 0, sessionEpoch: -1, rackId: 'rack1' });
    expect(request.topics[0].name).toMatch(/^test-topic-/);
    expect(request.topics[0].partitions).toEqual([{ partitionIndex: 0, currentLeaderEpoch: -1, fetchOffset: 0n, logStartOffset: -1n, partitionMaxBytes: 1048576 }]);
    expect(request.forgottenTopics).toEqual([]);
  });

  it('Fetch v11: what kafkajs encodes (session 0, epoch -1)', async () => {
    const encoded = await buildFetchV11({
      replicaId: -1,
      maxWaitTime: 5000,
      minBytes: 1,
      maxBytes: 10485760,
      topics: [{ topic: 'orders', partitions: [{ partition: 2, fetchOffset: '42', maxBytes: 1048576 }] }],
    }).encode();
    const request = decodeFetchRequest(encoded.buffer);
    expect(request).toMatchObject({ maxWaitMs: 5000, sessionId: 0, sessionEpoch: -1, rackId: '' });
    expect(request.topics[0].partitions[0]).toMatchObject({ partitionIndex: 2, fetchOffset: 42n });
  });

  it('ListOffsets v3 (same layout as the v2 vector): replica, isolation, timestamps', async () => {
    const golden = decodeListOffsetsRequest(fixture('listOffsets', 'v2_request'));
    expect(golden.replicaId).toBe(-1);
    expect(golden.isolationLevel).toBe(0);
    expect(golden.topics[0].partitions[0].partitionIndex).toBe(0);
    expect(golden.topics[0].partitions[0].timestamp).toBe(1509285569484n);
    const encoded = await buildListOffsetsV3({ replicaId: -1, isolationLevel: 1, topics: [{ topic: 't', partitions: [{ partition: 1, timestamp: -2 }] }] }).encode();
    expect(decodeListOffsetsRequest(encoded.buffer).topics).toEqual([{ name: 't', partitions: [{ partitionIndex: 1, timestamp: -2n }] }]);
  });

  it('Metadata v6: topic list or null (all), auto-creation flag', async () => {
    const some = await buildMetadataV6({ topics: ['a', 'b'], allowAutoTopicCreation: false }).encode();
    expect(decodeMetadataRequest(some.buffer)).toEqual({ topics: ['a', 'b'], allowAutoTopicCreation: false });
    const all = await buildMetadataV6({ topics: [] }).encode();
    expect(decodeMetadataRequest(all.buffer)).toEqual({ topics: null, allowAutoTopicCreation: true });
  });

  it('OffsetCommit v5: group, generation, member, offsets', () => {
    const request = decodeOffsetCommitRequest(fixture('offsetCommit', 'v5_request'));
    expect(request.groupId).toMatch(/^consumer-group-id-/);
    expect(request.generationId).toBe(1);
    expect(request.memberId).toMatch(/^test-/);
    expect(request.topics[0].partitions[0]).toEqual({ partitionIndex: 0, committedOffset: 0n, committedMetadata: null });
  });

  it('OffsetFetch v4 (same layout as the v3 vector); an empty kafkajs list is null (all topics)', async () => {
    const request = decodeOffsetFetchRequest(fixture('offsetFetch', 'v3_request'));
    expect(request.groupId).toMatch(/^consumer-group-id-/);
    expect(request.topics).toHaveLength(1);
    expect(request.topics?.[0].partitionIndexes).toEqual([0]);
    const all = await buildOffsetFetchV4({ groupId: 'g', topics: [] }).encode();
    expect(decodeOffsetFetchRequest(all.buffer)).toEqual({ groupId: 'g', topics: null });
  });

  it('FindCoordinator v2 (same layout as the v1 vector)', () => {
    expect(decodeFindCoordinatorRequest(fixture('findCoordinator', 'v1_request'))).toEqual({ key: 'group-id', keyType: 0 });
  });

  it('JoinGroup v5: timeouts, member, instance id, protocols', () => {
    const request = decodeJoinGroupRequest(fixture('joinGroup', 'v5_request'));
    expect(request).toMatchObject({ sessionTimeoutMs: 30000, rebalanceTimeoutMs: 60000, memberId: '', groupInstanceId: 'group-instance-id', protocolType: 'consumer' });
    expect(request.protocols.map((p) => p.name)).toEqual(['AssignerName']);
    expect(request.protocols[0].metadata.length).toBe(86);
  });

  it('Heartbeat v3', () => {
    const request = decodeHeartbeatRequest(fixture('heartbeat', 'v3_request'));
    expect(request.groupId).toMatch(/^consumer-group-id-/);
    expect(request.generationId).toBe(1);
    expect(request.memberId).toMatch(/^test-/);
  });

  it('LeaveGroup v3: members', () => {
    const request = decodeLeaveGroupRequest(fixture('leaveGroup', 'v3_request'));
    expect(request.groupId).toMatch(/^consumer-group-id-/);
    expect(request.members).toHaveLength(1);
    expect(request.members[0].memberId).toMatch(/^test-/);
  });

  it('SyncGroup v3: the leader sends assignments', () => {
    const request = decodeSyncGroupRequest(fixture('syncGroup', 'v3_request'));
    expect(request.generationId).toBe(1);
    expect(request.assignments).toHaveLength(1);
    expect(request.assignments[0].memberId).toBe(request.memberId);
    expect(request.assignments[0].assignment.length).toBeGreaterThan(0);
  });

  it('DescribeGroups v2 (same layout as the v1 vector)', async () => {
    const request = decodeDescribeGroupsRequest(fixture('describeGroups', 'v1_request'));
    expect(request.groupIds).toHaveLength(1);
    expect(request.groupIds[0]).toMatch(/^consumer-group-id-/);
    const encoded = await buildDescribeGroupsV2({ groupIds: ['a', 'b'] }).encode();
    expect(decodeDescribeGroupsRequest(encoded.buffer)).toEqual({ groupIds: ['a', 'b'] });
  });

  it('CreateTopics v3 (same layout as the v2 vector): names, -1 defaults', () => {
    const request = decodeCreateTopicsRequest(fixture('createTopics', 'v2_request'));
    expect(request.topics).toHaveLength(2);
    expect(request.topics[0]).toMatchObject({ numPartitions: -1, replicationFactor: -1, assignments: [], configs: [] });
    expect(request.timeoutMs).toBe(5000);
    expect(request.validateOnly).toBe(false);
  });

  it('InitProducerId v1 (same layout as the v0 vector)', () => {
    expect(decodeInitProducerIdRequest(fixture('initProducerId', 'v0_request'))).toEqual({ transactionalId: 'initproduceridtransaction', transactionTimeoutMs: 30000 });
  });

  it('DeleteTopics v1', () => {
    const request = decodeDeleteTopicsRequest(fixture('deleteTopics', 'v1_request'));
    expect(request.topicNames).toHaveLength(2);
    expect(request.timeoutMs).toBe(5000);
  });

  it('CreatePartitions v1 and DeleteGroups v1 as kafkajs encodes them', async () => {
    const createPartitions = await buildCreatePartitionsV1({ topicPartitions: [{ topic: 't', count: 5 }], validateOnly: false, timeout: 5000 }).encode();
    expect(decodeCreatePartitionsRequest(createPartitions.buffer)).toEqual({ topics: [{ name: 't', count: 5, assignments: null }], timeoutMs: 5000, validateOnly: false });
    const deleteGroups = await buildDeleteGroupsV1(['g1', 'g2']).encode();
    expect(decodeDeleteGroupsRequest(deleteGroups.buffer)).toEqual({ groupIds: ['g1', 'g2'] });
  });
});
