import { ApiVersionRange } from './api-keys';
import { createEncoder, writeArrayOf } from './primitives';

/** ApiVersions v0-v2 requests have an empty body. */
export interface ApiVersionsResponse {
  errorCode: number;
  apiVersions: readonly ApiVersionRange[];
  throttleTimeMs: number;
}

/**
 * ApiVersions response: error_code [api_key min_version max_version] and, from v1 on, throttle_time_ms
 * at the END. An UNSUPPORTED_VERSION answer uses the v0 layout, like Kafka, so any client can read it.
 */
export function encodeApiVersionsResponse(response: ApiVersionsResponse, version: number): Buffer {
  const encoder = createEncoder().writeInt16(response.errorCode);
  writeArrayOf(encoder, response.apiVersions, (e, range) => {
    e.writeInt16(range.apiKey).writeInt16(range.minVersion).writeInt16(range.maxVersion);
  });
  if (version >= 1) encoder.writeInt32(response.throttleTimeMs);
  return encoder.buffer;
}
