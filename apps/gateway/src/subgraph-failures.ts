import { REASONS } from '@campus/graphql';
import { GraphQLError } from 'graphql';
import { DEADLINE_PASSED, errorCode, LOST_BEFORE_ANSWER } from './subgraph-fetch';

/** What a person reads for each subgraph when it cannot be reached. */
export const SERVICE_LABELS: Record<string, string> = {
  'responsibility-network': '责任体系服务',
  'hazard-tracking': '隐患服务',
  'education-drills': '教育演练服务',
  'supervision-appraisal': '督导考核服务',
};

/** Connections that never opened: the request did not reach the subgraph, so nothing was done. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/** HTTP answers that say the subgraph (or a proxy before it) did not take the request: starting, stopping, shedding. */
const REFUSED_STATUSES = new Set([502, 503, 504]);

export interface FailedCall {
  /** The subgraph's name as composed, e.g. hazard-tracking. */
  service: string;
  mutation: boolean;
  /** The subgraph's HTTP status, when it answered at all. */
  status?: number;
  retryAfterSeconds: number;
}

type Failure = 'never-sent' | 'lost' | 'refused';

/** How a call failed on the way, if it did: never sent, lost after sending (or no answer in time), refused by status. */
export function failureOf(error: unknown, status?: number): Failure | null {
  if (status !== undefined) return REFUSED_STATUSES.has(status) ? 'refused' : null;
  if ((error as Error | null)?.name === 'TimeoutError') return 'lost';
  const code = errorCode(error);
  if (code === undefined) return null;
  if (NEVER_SENT.has(code)) return 'never-sent';
  return LOST_BEFORE_ANSWER.has(code) || DEADLINE_PASSED.has(code) ? 'lost' : null;
}

/**
 * A subgraph call that failed on the way — down, restarting, a lost connection, no answer by the deadline — as
 * the error the client reads: SERVICE_UNAVAILABLE / SUBGRAPH_UNAVAILABLE (retry after retryAfterSeconds) when
 * nothing was done or the call was a query; OUTCOME_UNKNOWN for a mutation whose request may have been applied.
 * Any other error (the subgraph's own refusal of the request) is returned as it was.
 */
export function subgraphFailure(error: Error, call: FailedCall): Error {
  const failure = failureOf(error, call.status);
  if (!failure) return error;
  const label = SERVICE_LABELS[call.service] ?? call.service;
  const extensions = { service: call.service, retryAfterSeconds: call.retryAfterSeconds };
  // A 503 is the subgraph saying it did not take the request; a 502/504 is a proxy that may have passed it on.
  const applied = failure === 'lost' || (failure === 'refused' && call.status !== 503);
  if (call.mutation && applied) {
    return new GraphQLError(`${label}连接中断，${REASONS.OUTCOME_UNKNOWN.message} (OUTCOME_UNKNOWN)`, {
      originalError: error,
      extensions: { code: 'OUTCOME_UNKNOWN', reason: 'OUTCOME_UNKNOWN', ...extensions },
    });
  }
  return new GraphQLError(`${label}暂时不可用（可能正在重启），请稍后重试 (SERVICE_UNAVAILABLE)`, {
    originalError: error,
    extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'SUBGRAPH_UNAVAILABLE', ...extensions },
  });
}
