import { decodeDeleteGroupsRequest, encodeDeleteGroupsResponse } from '../../protocol/delete-groups';
import { decodeDescribeGroupsRequest, encodeDescribeGroupsResponse } from '../../protocol/describe-groups';
import { ErrorCode } from '../../protocol/error-codes';
import { decodeFindCoordinatorRequest, encodeFindCoordinatorResponse } from '../../protocol/find-coordinator';
import { decodeHeartbeatRequest, encodeHeartbeatResponse } from '../../protocol/heartbeat';
import { decodeJoinGroupRequest, encodeJoinGroupResponse } from '../../protocol/join-group';
import { decodeLeaveGroupRequest, encodeLeaveGroupResponse } from '../../protocol/leave-group';
import { encodeListGroupsResponse } from '../../protocol/list-groups';
import { decodeOffsetCommitRequest, encodeOffsetCommitResponse } from '../../protocol/offset-commit';
import { decodeOffsetFetchRequest, encodeOffsetFetchResponse } from '../../protocol/offset-fetch';
import { decodeSyncGroupRequest, encodeSyncGroupResponse } from '../../protocol/sync-group';
import { BROKER_NODE_ID, BrokerServices, RequestHandler } from '../broker-services';

/** FindCoordinator v2: this broker coordinates every group (and transactional id). */
export function handleFindCoordinator(services: BrokerServices): RequestHandler {
  return async (body) => {
    const request = decodeFindCoordinatorRequest(body);
    const response = encodeFindCoordinatorResponse({
      throttleTimeMs: 0,
      errorCode: ErrorCode.NONE,
      errorMessage: null,
      nodeId: BROKER_NODE_ID,
      host: services.advertised.host,
      port: services.advertised.port,
    });
    return { body: response, detail: { key: request.key, keyType: request.keyType } };
  };
}

/** JoinGroup v5; may stay parked until the rebalance completes. */
export function handleJoinGroup(services: BrokerServices): RequestHandler {
  return async (body, { header, clientHost }) => {
    const request = decodeJoinGroupRequest(body);
    const response = await services.coordinator.joinGroup(request, { clientId: header.clientId ?? '', clientHost });
    return { body: encodeJoinGroupResponse(response), detail: { groupId: request.groupId, memberId: request.memberId, errorCode: response.errorCode } };
  };
}

/** SyncGroup v3; may stay parked until the leader's assignment arrives. */
export function handleSyncGroup(services: BrokerServices): RequestHandler {
  return async (body) => {
    const request = decodeSyncGroupRequest(body);
    const response = await services.coordinator.syncGroup(request);
    return { body: encodeSyncGroupResponse(response), detail: { groupId: request.groupId, memberId: request.memberId, errorCode: response.errorCode } };
  };
}

export function handleHeartbeat(services: BrokerServices): RequestHandler {
  return async (body) => {
    const request = decodeHeartbeatRequest(body);
    const errorCode = services.coordinator.heartbeat(request);
    return { body: encodeHeartbeatResponse(errorCode), detail: { groupId: request.groupId, errorCode } };
  };
}

export function handleLeaveGroup(services: BrokerServices): RequestHandler {
  return async (body) => {
    const request = decodeLeaveGroupRequest(body);
    const response = services.coordinator.leaveGroup(request);
    return { body: encodeLeaveGroupResponse(response), detail: { groupId: request.groupId } };
  };
}

export function handleOffsetCommit(services: BrokerServices): RequestHandler {
  return async (body) => {
    const request = decodeOffsetCommitRequest(body);
    const response = services.coordinator.commitOffsets(request);
    return { body: encodeOffsetCommitResponse(response), detail: { groupId: request.groupId, topics: request.topics.map((t) => t.name) } };
  };
}

export function handleOffsetFetch(services: BrokerServices): RequestHandler {
  return async (body) => {
    const request = decodeOffsetFetchRequest(body);
    const response = services.coordinator.fetchOffsets(request);
    return { body: encodeOffsetFetchResponse(response), detail: { groupId: request.groupId, topics: request.topics?.map((t) => t.name) ?? 'all' } };
  };
}

export function handleDescribeGroups(services: BrokerServices): RequestHandler {
  return async (body) => {
    const { groupIds } = decodeDescribeGroupsRequest(body);
    return { body: encodeDescribeGroupsResponse(services.coordinator.describeGroups(groupIds)), detail: { groupIds } };
  };
}

export function handleListGroups(services: BrokerServices): RequestHandler {
  return async () => ({ body: encodeListGroupsResponse(ErrorCode.NONE, services.coordinator.listGroups()) });
}

export function handleDeleteGroups(services: BrokerServices): RequestHandler {
  return async (body) => {
    const { groupIds } = decodeDeleteGroupsRequest(body);
    return { body: encodeDeleteGroupsResponse(services.coordinator.deleteGroups(groupIds)), detail: { groupIds } };
  };
}
