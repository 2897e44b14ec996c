import { SUPPORTED_API_VERSIONS } from '../../protocol/api-keys';
import { encodeApiVersionsResponse } from '../../protocol/api-versions';
import { ErrorCode } from '../../protocol/error-codes';
import type { RequestHandler } from '../broker-services';

const HIGHEST_API_VERSIONS_VERSION = 2;

/** ApiVersions: the advertised table; for a version it does not know, error 35 + the table in the v0 layout, like Kafka. */
export const handleApiVersions: RequestHandler = async (_body, { header }) => {
  const known = header.apiVersion <= HIGHEST_API_VERSIONS_VERSION;
  const errorCode = known ? ErrorCode.NONE : ErrorCode.UNSUPPORTED_VERSION;
  const layoutVersion = known ? header.apiVersion : 0;
  return { body: encodeApiVersionsResponse({ errorCode, apiVersions: SUPPORTED_API_VERSIONS, throttleTimeMs: 0 }, layoutVersion) };
};
