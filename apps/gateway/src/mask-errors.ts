import { defaultReasonOf, INTERNAL_ERROR_MESSAGE, isReason } from '@campus/graphql';
import { GraphQLFormattedError } from 'graphql';

/** Codes whose messages were written for people and are safe to pass on. */
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  // @apollo/gateway's own refusal of a request it cannot plan, e.g. an operationName the document does not define.
  'INVALID_GRAPHQL',
  // A subgraph down, restarting or silent (subgraph-failures.ts): retryable, or of unknown outcome for a mutation.
  'SERVICE_UNAVAILABLE',
  'OUTCOME_UNKNOWN',
]);

/** Codes that say something went wrong on the way: passed on, and logged for whoever runs the platform. */
const LOGGED_CODES = new Set(['SERVICE_UNAVAILABLE', 'OUTCOME_UNKNOWN']);

/** Extension keys a client may see; everything else (service names, stack traces, exceptions) stays in the log. */
// `missing`: the requirements a refused lab admission lacks (LAB_REQUIREMENTS_NOT_MET), for the frontend to list.
const CLIENT_EXTENSIONS = ['code', 'fields', 'id', 'currentVersion', 'status', 'retryAt', 'service', 'retryAfterSeconds', 'missing'];

/**
 * The gateway's last word on errors: domain and request errors pass with their code, and so does a subgraph
 * that could not be reached (SERVICE_UNAVAILABLE, OUTCOME_UNKNOWN: see subgraph-failures.ts); anything else —
 * an unexpected exception, an answer the gateway cannot read — becomes a masked internal error.
 */
export function maskError(formatted: GraphQLFormattedError, log: (formatted: GraphQLFormattedError) => void): GraphQLFormattedError {
  const refusedToken = refusedBySubgraph(formatted, 401, 'UNAUTHENTICATED');
  if (refusedToken) return maskError(refusedToken, log);
  const code = formatted.extensions?.code;
  const where = { path: formatted.path, locations: formatted.locations };
  if (typeof code === 'string' && CLIENT_CODES.has(code)) {
    if (LOGGED_CODES.has(code)) log(formatted);
    const extensions = Object.fromEntries(
      CLIENT_EXTENSIONS.filter((key) => formatted.extensions?.[key] !== undefined).map((key) => [key, formatted.extensions?.[key]]),
    );
    const reason = isReason(formatted.extensions?.reason) ? formatted.extensions.reason : defaultReasonOf(code);
    return { message: formatted.message, ...where, extensions: { ...extensions, reason } };
  }
  const refusedInput = refusedBySubgraph(formatted, 400, 'BAD_USER_INPUT');
  if (refusedInput) return maskError(refusedInput, log);
  log(formatted);
  return { message: INTERNAL_ERROR_MESSAGE, ...where, extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'INTERNAL' } };
}

/**
 * A subgraph's own refusal, which the gateway's data source turned into "400: Bad Request" or "401:
 * Unauthorized": HTTP 400 with BAD_USER_INPUT when it refuses the input itself (a variable or literal its
 * scalar rejects, an operation over its limits), HTTP 401 with UNAUTHENTICATED when it refuses a token the
 * gateway accepted (revoked: logout, grants taken away, deactivation — libs/server's access revocations).
 * The subgraph's error, already formatted there in Chinese, is what the client should read.
 */
function refusedBySubgraph(formatted: GraphQLFormattedError, status: number, code: string): GraphQLFormattedError | null {
  const response = formatted.extensions?.response as { status?: unknown; body?: { errors?: unknown } } | undefined;
  if (response?.status !== status || !Array.isArray(response.body?.errors)) return null;
  const refusal = (response.body.errors as GraphQLFormattedError[]).find((error) => error?.extensions?.code === code);
  if (!refusal || typeof refusal.message !== 'string') return null;
  return { message: refusal.message, path: formatted.path, locations: formatted.locations, extensions: refusal.extensions };
}
