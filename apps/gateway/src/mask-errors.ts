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
]);

/** Extension keys a client may see; everything else (service names, stack traces, exceptions) stays in the log. */
const CLIENT_EXTENSIONS = ['code', 'fields', 'id', 'currentVersion', 'status'];

/**
 * The gateway's last word on errors: domain and request errors pass with their code; anything else —
 * a subgraph down, a network failure, an unexpected exception — becomes a masked internal error.
 */
export function maskError(formatted: GraphQLFormattedError, log: (formatted: GraphQLFormattedError) => void): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const where = { path: formatted.path, locations: formatted.locations };
  if (typeof code === 'string' && CLIENT_CODES.has(code)) {
    const extensions = Object.fromEntries(
      CLIENT_EXTENSIONS.filter((key) => formatted.extensions?.[key] !== undefined).map((key) => [key, formatted.extensions?.[key]]),
    );
    const reason = isReason(formatted.extensions?.reason) ? formatted.extensions.reason : defaultReasonOf(code);
    return { message: formatted.message, ...where, extensions: { ...extensions, reason } };
  }
  log(formatted);
  return { message: INTERNAL_ERROR_MESSAGE, ...where, extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'INTERNAL' } };
}
