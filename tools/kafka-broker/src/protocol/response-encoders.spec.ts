import apiVersionsV1 from 'kafkajs/src/protocol/requests/apiVersions/v1/response';
import createTopicsV2 from 'kafkajs/src/protocol/requests/createTopics/v2/response';
import deleteTopicsV1 from 'kafkajs/src/protocol/requests/deleteTopics/v1/response';
import describeGroupsV1 from 'kafkajs/src/protocol/requests/describeGroups/v1/response';
import findCoordinatorV1 from 'kafkajs/src/protocol/requests/findCoordinator/v1/response';
import heartbeatV1 from 'kafkajs/src/protocol/requests/heartbeat/v1/response';
import initProducerIdV0 from 'kafkajs/src/protocol/requests/initProducerId/v0/response';
import joinGroupV5 from 'kafkajs/src/protocol/requests/joinGroup/v5/response';
import leaveGroupV3 from 'kafkajs/src/protocol/requests/leaveGroup/v3/response';
import listOffsetsV2 from 'kafkajs/src/protocol/requests/listOffsets/v2/response';
import metadataV5 from 'kafkajs/src/protocol/requests/metadata/v5/response';
import offsetCommitV3 from 'kafkajs/src/protocol/requests/offsetCommit/v3/response';
import offsetFetchV3 from 'kafkajs/src/protocol/requests/offsetFetch/v3/response';
import produceV5 from 'kafkajs/src/protocol/requests/produce/v5/response';
import syncGroupV1 from 'kafkajs/src/protocol/requests/syncGroup/v1/response';
import { encodeApiVersionsResponse } from './api-versions';
import { encodeCreateTopicsResponse } from './create-topics';
import { encodeDeleteTopicsResponse } from './delete-topics';
import { encodeDescribeGroupsResponse } from './describe-groups';
import { decodeFetchResponse, encodeFetchResponse } from './fetch';
import { fixture } from './fixtures';
import { encodeFindCoordinatorResponse } from './find-coordinator';
import { encodeHeartbeatResponse } from './heartbeat';
import { encodeInitProducerIdResponse } from './init-producer-id';
import { encodeJoinGroupResponse } from './join-group';
import { encodeLeaveGroupResponse } from './leave-group';
import { encodeListOffsetsResponse } from './list-offsets';
import { encodeMetadataResponse } from './metadata';
import { encodeOffsetCommitResponse } from './offset-commit';
import { encodeOffsetFetchResponse } from './offset-fetch';
import { encodeProduceResponse } from './produce';
import { encodeSyncGroupResponse } from './sync-group';

/**
 * Golden responses decoded by kafkajs's own decoders (the lowest version with the same layout, which
 * reports the raw throttle time), re-encoded by ours: the bytes must come out identical.
 */
async function golden(api: string, name: string, decoder: { decode(raw: Buffer): Promise<unknown> }): Promise<{ bytes: Buffer; value: any }> {
  const bytes = fixture(api, name);
  return { bytes, value: await decoder.decode(bytes) };
}

const big = (value: string) => BigInt(value);

describe('response encoders reproduce the golden vectors', () => {
  it('Produce v7 (throttle at the end)', async () => {
    const { bytes, value } = await golden('produce', 'v7_response', produceV5);
    const encoded = encodeProduceResponse({
      throttleTimeMs: value.throttleTime,
      topics: value.topics.map((t: any) => ({
        name: t.topicName,
        partitions: t.partitions.map((p: any) => ({
          partitionIndex: p.partition,
          errorCode: p.errorCode,
          baseOffset: big(p.baseOffset),
          logAppendTimeMs: big(p.logAppendTime),
          logStartOffset: big(p.logStartOffset),
        })),
      })),
    });
    expect(encoded.equals(bytes)).toBe(true);
  });

  it('Fetch v11 (records carried as raw batches)', () => {
    const bytes = fixture('fetch', 'v11_response');
    const decoded = decodeFetchResponse(bytes);
    expect(decoded.topics[0].partitions[0].highWatermark).toBe(3n);
    expect(decoded.topics[0].partitions[0].preferredReadReplica).toBe(0);
    expect(encodeFetchResponse(decoded).equals(bytes)).toBe(true);
  });

  it('ListOffsets v3 (same layout as the v2 vector)', async () => {
    const { bytes, value } = await golden('listOffsets', 'v2_response', listOffsetsV2);
    const encoded = encodeListOffsetsResponse({
      throttleTimeMs: value.throttleTime,
      topics: value.responses.map((t: any) => ({
        name: t.topic,
        partitions: t.partitions.map((p: any) => ({ partitionIndex: p.partition, errorCode: p.errorCode, timestamp: big(p.timestamp), offset: big(p.offset) })),
      })),
    });
    expect(encoded.equals(bytes)).toBe(true);
  });

  it('Metadata v6 (same layout as the v5 vectors)', async () => {
    for (const name of ['v5_response', 'v5_offline_replicas_response']) {
      const { bytes, value } = await golden('metadata', name, metadataV5);
      const encoded = encodeMetadataResponse({
        throttleTimeMs: value.throttleTime,
        brokers: value.brokers,
        clusterId: value.clusterId,
        controllerId: value.controllerId,
        topics: value.topicMetadata.map((t: any) => ({
          errorCode: t.topicErrorCode,
          name: t.topic,
          isInternal: t.isInternal,
          partitions: t.partitionMetadata.map((p: any) => ({
            errorCode: p.partitionErrorCode,
            partitionIndex: p.partitionId,
            leaderId: p.leader,
            replicaNodes: p.replicas,
            isrNodes: p.isr,
            offlineReplicas: p.offlineReplicas,
          })),
        })),
      });
      expect(encoded.equals(bytes)).toBe(true);
    }
  });

  it('OffsetCommit v5', async () => {
    const { bytes, value } = await golden('offsetCommit', 'v5_response', offsetCommitV3);
    const encoded = encodeOffsetCommitResponse(
      { topics: value.responses.map((t: any) => ({ name: t.topic, partitions: t.partitions.map((p: any) => ({ partitionIndex: p.partition, errorCode: p.errorCode })) })) },
      value.throttleTime,
    );
    expect(encoded.equals(bytes)).toBe(true);
  });

  it('OffsetFetch v4 (same layout as the v3 vector)', async () => {
    const { bytes, value } = await golden('offsetFetch', 'v3_response', offsetFetchV3);
    const encoded = encodeOffsetFetchResponse(
      {
        errorCode: value.errorCode,
        topics: value.responses.map((t: any) => ({
          name: t.topic,
          partitions: t.partitions.map((p: any) => ({ partitionIndex: p.partition, committedOffset: big(p.offset), metadata: p.metadata, errorCode: p.errorCode })),
        })),
      },
      value.throttleTime,
    );
    expect(encoded.equals(bytes)).toBe(true);
  });

  it('FindCoordinator v2 (same layout as the v1 vector)', async () => {
    const { bytes, value } = await golden('findCoordinator', 'v1_response', findCoordinatorV1);
    const encoded = encodeFindCoordinatorResponse({ throttleTimeMs: value.throttleTime, errorCode: value.errorCode, errorMessage: value.errorMessage, ...value.coordinator });
    expect(encoded.equals(bytes)).toBe(true);
  });

  it('JoinGroup v5', async () => {
    const { bytes, value } = await golden('joinGroup', 'v5_response', joinGroupV5);
    const encoded = encodeJoinGroupResponse(
      {
        errorCode: value.errorCode,
        generationId: value.generationId,
        protocolName: value.groupProtocol,
        leader: value.leaderId,
        memberId: value.memberId,
        members: value.members.map((m: any) => ({ memberId: m.memberId, groupInstanceId: m.groupInstanceId, metadata: m.memberMetadata })),
      },
      value.clientSideThrottleTime,
    );
    expect(encoded.equals(bytes)).toBe(true);
  });

  it('Heartbeat v3', async () => {
    const { bytes, value } = await golden('heartbeat', 'v3_response', heartbeatV1);
    expect(encodeHeartbeatResponse(value.errorCode, value.throttleTime).equals(bytes)).toBe(true);
  });

  it('LeaveGroup v3', async () => {
    const { bytes, value } = await golden('leaveGroup', 'v3_response', leaveGroupV3);
    const encoded = encodeLeaveGroupResponse({ errorCode: value.errorCode, members: value.members }, value.clientSideThrottleTime);
    expect(encoded.equals(bytes)).toBe(true);
  });

  it('SyncGroup v3', async () => {
    const { bytes, value } = await golden('syncGroup', 'v3_response', syncGroupV1);
    const encoded = encodeSyncGroupResponse({ errorCode: value.errorCode, assignment: value.memberAssignment }, value.throttleTime);
    expect(encoded.equals(bytes)).toBe(true);
  });

  it('DescribeGroups v2 (same layout as the v1 vector)', async () => {
    const { bytes, value } = await golden('describeGroups', 'v1_response', describeGroupsV1);
    const encoded = encodeDescribeGroupsResponse(
      value.groups.map((g: any) => ({ errorCode: g.errorCode, groupId: g.groupId, groupState: g.state, protocolType: g.protocolType, protocolData: g.protocol, members: g.members })),
      value.throttleTime,
    );
    expect(encoded.equals(bytes)).toBe(true);
  });

  it('ApiVersions v2 (same layout as the v1 vector, throttle at the end)', async () => {
    const { bytes, value } = await golden('apiVersions', 'v1_response', apiVersionsV1);
    const encoded = encodeApiVersionsResponse({ errorCode: value.errorCode, apiVersions: value.apiVersions, throttleTimeMs: value.throttleTime }, 2);
    expect(encoded.equals(bytes)).toBe(true);
  });

  it('CreateTopics v3 (same layout as the v2 vector)', async () => {
    const { bytes, value } = await golden('createTopics', 'v2_response', createTopicsV2);
    const topics = value.topicErrors.map((t: any) => ({ name: t.topic, errorCode: t.errorCode, errorMessage: t.errorMessage }));
    // kafkajs sorts the topics by name; the wire order may differ, so try the order the vector has.
    const ordered = topics.sort((a: any, b: any) => bytes.indexOf(a.name) - bytes.indexOf(b.name));
    expect(encodeCreateTopicsResponse(ordered, value.throttleTime).equals(bytes)).toBe(true);
  });

  it('InitProducerId v1 (same layout as the v0 vector)', async () => {
    const { bytes, value } = await golden('initProducerId', 'v0_response', initProducerIdV0);
    const encoded = encodeInitProducerIdResponse({
      throttleTimeMs: value.throttleTime,
      errorCode: value.errorCode,
      producerId: big(value.producerId),
      producerEpoch: value.producerEpoch,
    });
    expect(encoded.equals(bytes)).toBe(true);
  });

  it('DeleteTopics v1', async () => {
    const { bytes, value } = await golden('deleteTopics', 'v1_response', deleteTopicsV1);
    const results = value.topicErrors
      .map((t: any) => ({ name: t.topic, errorCode: t.errorCode }))
      .sort((a: any, b: any) => bytes.indexOf(a.name) - bytes.indexOf(b.name));
    expect(encodeDeleteTopicsResponse(results, value.clientSideThrottleTime).equals(bytes)).toBe(true);
  });

  it('ApiVersions answers an unknown version with error 35 and the table in the v0 layout', () => {
    const encoded = encodeApiVersionsResponse({ errorCode: 35, apiVersions: [{ apiKey: 18, minVersion: 0, maxVersion: 2 }], throttleTimeMs: 0 }, 0);
    expect(encoded.toString('hex')).toBe('0023' + '00000001' + '0012' + '0000' + '0002');
  });
});
