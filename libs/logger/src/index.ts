import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { Logger } from 'pino';

export type { Logger };

/** JSON logs on stdout, one line per event; LOG_LEVEL chooses the threshold. */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  });
}

/**
 * The request (or consumed event) being served, so code far from the HTTP layer — the outbox — can stamp
 * what it records with the same trace id.
 */
export interface TraceScope {
  traceId: string;
  /** SQL statements run on behalf of this request or event, for the request log line. */
  sqlStatements: number;
}

const traceScope = new AsyncLocalStorage<TraceScope>();

export function runWithTraceId<T>(traceId: string, work: () => T, scope: TraceScope = { traceId, sqlStatements: 0 }): T {
  return traceScope.run(scope, work);
}

export function countSqlStatement(): void {
  const scope = traceScope.getStore();
  if (scope) scope.sqlStatements += 1;
}

export function currentTraceId(): string | null {
  return traceScope.getStore()?.traceId ?? null;
}
