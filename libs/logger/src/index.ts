import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { Logger } from 'pino';

export type { Logger };

/**
 * JSON logs on stdout, one line per event; LOG_LEVEL chooses the threshold. Lines are buffered (up to 4 KiB
 * or 250 ms) and written asynchronously — a synchronous write per line cost a tenth of a busy service's CPU;
 * pino flushes what is left when the process exits.
 */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino(
    {
      level,
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 250 }),
  );
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
