import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { DomainError } from './errors';
import { defaultReasonOf, ErrorCode, isReason, Reason, REASONS } from './reasons';

/** The body of a refused plain-HTTP request (downloads, uploads): the same code and reason as in GraphQL. */
export interface HttpErrorBody {
  code: string;
  reason: Reason;
  message: string;
}

export const HTTP_STATUS_BY_CODE: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  SERVICE_UNAVAILABLE: 503,
  OUTCOME_UNKNOWN: 502,
  INTERNAL_SERVER_ERROR: 500,
};

/** A refusal for a reason of the catalogue, with its status and its message (or a more specific one). */
export function httpError(reason: Reason, message: string = REASONS[reason].message): { status: number; body: HttpErrorBody } {
  const { code } = REASONS[reason];
  return { status: HTTP_STATUS_BY_CODE[code], body: { code, reason, message: `${message} (${code})` } };
}

export function httpErrorOfDomain(error: DomainError): { status: number; body: HttpErrorBody } {
  return { status: HTTP_STATUS_BY_CODE[error.code], body: { code: error.code, reason: error.reason, message: error.message } };
}

/** A GraphQL error as answered by a subgraph, turned into the plain-HTTP refusal of a download. */
export function httpErrorOfGraphQL(error: GraphQLFormattedError | undefined): { status: number; body: HttpErrorBody } {
  const code = String(error?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  const reason = isReason(error?.extensions?.reason) ? error.extensions.reason : defaultReasonOf(code);
  if (!(code in HTTP_STATUS_BY_CODE) || code === 'INTERNAL_SERVER_ERROR') return httpError('INTERNAL');
  return { status: HTTP_STATUS_BY_CODE[code as ErrorCode], body: { code, reason, message: error?.message ?? REASONS[reason].message } };
}

/** The answer to a GraphQL request shed while overloaded (with HTTP 503 and Retry-After): GraphQL's error shape. */
export function overloadedGraphQLBody(retryAfterSeconds: number) {
  const { code, message } = httpError('OVERLOADED').body;
  return { errors: [{ message, extensions: { code, reason: 'OVERLOADED', retryAfterSeconds } }] };
}

/** The GraphQL error of a refused token, thrown before any resolver runs (hence not a DomainError). */
export function tokenRefusedError(): GraphQLError {
  return new GraphQLError(`${REASONS.TOKEN_INVALID.message} (UNAUTHENTICATED)`, {
    extensions: { code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID', http: { status: 401 } },
  });
}
