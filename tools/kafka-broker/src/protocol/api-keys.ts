/** The Kafka APIs the dev broker speaks, and the version range it advertises for each. */
export enum ApiKey {
  Produce = 0,
  Fetch = 1,
  ListOffsets = 2,
  Metadata = 3,
  OffsetCommit = 8,
  OffsetFetch = 9,
  FindCoordinator = 10,
  JoinGroup = 11,
  Heartbeat = 12,
  LeaveGroup = 13,
  SyncGroup = 14,
  DescribeGroups = 15,
  ListGroups = 16,
  ApiVersions = 18,
  CreateTopics = 19,
  DeleteTopics = 20,
  InitProducerId = 22,
  CreatePartitions = 37,
  DeleteGroups = 42,
}

export interface ApiVersionRange {
  apiKey: ApiKey;
  minVersion: number;
  maxVersion: number;
}

/**
 * kafkajs 2.2.4's maxima (what Apache Kafka >= 2.4 negotiates with it). Every API but ApiVersions is
 * spoken at exactly one version, so min = max; ApiVersions answers v0-v2 because kafkajs falls back
 * to lower versions on UNSUPPORTED_VERSION.
 */
export const SUPPORTED_API_VERSIONS: readonly ApiVersionRange[] = [
  { apiKey: ApiKey.Produce, minVersion: 7, maxVersion: 7 },
  { apiKey: ApiKey.Fetch, minVersion: 11, maxVersion: 11 },
  { apiKey: ApiKey.ListOffsets, minVersion: 3, maxVersion: 3 },
  { apiKey: ApiKey.Metadata, minVersion: 6, maxVersion: 6 },
  { apiKey: ApiKey.OffsetCommit, minVersion: 5, maxVersion: 5 },
  { apiKey: ApiKey.OffsetFetch, minVersion: 4, maxVersion: 4 },
  { apiKey: ApiKey.FindCoordinator, minVersion: 2, maxVersion: 2 },
  { apiKey: ApiKey.JoinGroup, minVersion: 5, maxVersion: 5 },
  { apiKey: ApiKey.Heartbeat, minVersion: 3, maxVersion: 3 },
  { apiKey: ApiKey.LeaveGroup, minVersion: 3, maxVersion: 3 },
  { apiKey: ApiKey.SyncGroup, minVersion: 3, maxVersion: 3 },
  { apiKey: ApiKey.DescribeGroups, minVersion: 2, maxVersion: 2 },
  { apiKey: ApiKey.ListGroups, minVersion: 2, maxVersion: 2 },
  { apiKey: ApiKey.ApiVersions, minVersion: 0, maxVersion: 2 },
  { apiKey: ApiKey.CreateTopics, minVersion: 3, maxVersion: 3 },
  { apiKey: ApiKey.DeleteTopics, minVersion: 1, maxVersion: 1 },
  { apiKey: ApiKey.InitProducerId, minVersion: 1, maxVersion: 1 },
  { apiKey: ApiKey.CreatePartitions, minVersion: 1, maxVersion: 1 },
  { apiKey: ApiKey.DeleteGroups, minVersion: 1, maxVersion: 1 },
];

export function isSupportedApiVersion(apiKey: number, apiVersion: number): boolean {
  return SUPPORTED_API_VERSIONS.some((range) => range.apiKey === apiKey && apiVersion >= range.minVersion && apiVersion <= range.maxVersion);
}

/** The API's name for logs, or `api-<key>` for one the broker does not know. */
export function apiName(apiKey: number): string {
  return ApiKey[apiKey] ?? `api-${apiKey}`;
}
