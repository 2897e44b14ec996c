import { ApiKey } from '../protocol/api-keys';
import type { BrokerServices, RequestHandler } from './broker-services';
import { handleApiVersions } from './handlers/api-versions';
import { handleFetch } from './handlers/fetch';
import {
  handleDeleteGroups,
  handleDescribeGroups,
  handleFindCoordinator,
  handleHeartbeat,
  handleJoinGroup,
  handleLeaveGroup,
  handleListGroups,
  handleOffsetCommit,
  handleOffsetFetch,
  handleSyncGroup,
} from './handlers/groups';
import { handleInitProducerId } from './handlers/init-producer-id';
import { handleListOffsets } from './handlers/list-offsets';
import { handleMetadata } from './handlers/metadata';
import { handleProduce } from './handlers/produce';
import { handleCreatePartitions, handleCreateTopics, handleDeleteTopics } from './handlers/topics-admin';

/** The handler for each API key the broker advertises. */
export function createRequestRouter(services: BrokerServices): ReadonlyMap<ApiKey, RequestHandler> {
  return new Map<ApiKey, RequestHandler>([
    [ApiKey.Produce, handleProduce(services)],
    [ApiKey.Fetch, handleFetch(services)],
    [ApiKey.ListOffsets, handleListOffsets(services)],
    [ApiKey.Metadata, handleMetadata(services)],
    [ApiKey.OffsetCommit, handleOffsetCommit(services)],
    [ApiKey.OffsetFetch, handleOffsetFetch(services)],
    [ApiKey.FindCoordinator, handleFindCoordinator(services)],
    [ApiKey.JoinGroup, handleJoinGroup(services)],
    [ApiKey.Heartbeat, handleHeartbeat(services)],
    [ApiKey.LeaveGroup, handleLeaveGroup(services)],
    [ApiKey.SyncGroup, handleSyncGroup(services)],
    [ApiKey.DescribeGroups, handleDescribeGroups(services)],
    [ApiKey.ListGroups, handleListGroups(services)],
    [ApiKey.ApiVersions, handleApiVersions],
    [ApiKey.CreateTopics, handleCreateTopics(services)],
    [ApiKey.DeleteTopics, handleDeleteTopics(services)],
    [ApiKey.InitProducerId, handleInitProducerId(services)],
    [ApiKey.CreatePartitions, handleCreatePartitions(services)],
    [ApiKey.DeleteGroups, handleDeleteGroups(services)],
  ]);
}
