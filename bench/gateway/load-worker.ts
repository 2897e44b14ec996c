/**
 * The load generator, in its own process so that its CPU is not the measured process's: autocannon against
 * one URL with one GraphQL body (or, for a mutation, the next prepared hazard per request), answering on
 * stdout the requests made, their latencies' percentiles (each response timed, none sampled), the failures,
 * and the window it ran in on the machine's monotonic clock (the CPU profiles' clock).
 */
import autocannon from 'autocannon';

export interface LoadSpec {
  url: string;
  headers: Record<string, string>;
  body: string;
  connections: number;
  /** Seconds to run, or (mutations) a number of requests. */
  durationSeconds?: number;
  amount?: number;
  /** For mutations: each request reports the next of these hazards (version 1). */
  hazardIds?: string[];
  timeoutSeconds: number;
  /** Open loop (overload): requests per second from all connections together, whatever the answers' pace. */
  overallRate?: number;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Non-2xx answers, connection errors and timeouts. */
  failures: number;
  /** [start, end] in µs of the monotonic clock. */
  window: [number, number];
  /** Answers per HTTP status, and the slowest answer of each. */
  statuses: Record<string, number>;
  slowestByStatus: Record<string, number>;
  /** Percentiles of the 2xx answers alone (the admitted requests, when some are shed with 503). */
  admitted: { p50: number; p95: number; p99: number; max: number };
  /** Connection errors and timeouts (no answer at all). */
  errors: number;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const microsNow = () => Number(process.hrtime.bigint() / 1000n);

async function run(spec: LoadSpec): Promise<LoadResult> {
  const latencies: number[] = [];
  const admitted: number[] = [];
  const statuses: Record<string, number> = {};
  const slowestByStatus: Record<string, number> = {};
  let next = 0;
  const mutationBody = () => JSON.stringify({ ...JSON.parse(spec.body), variables: { input: { id: spec.hazardIds![next++ % spec.hazardIds!.length], version: 1, comment: '压测报告' } } });
  const started = microsNow();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.url,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...spec.headers },
        body: spec.body,
        connections: spec.connections,
        ...(spec.amount ? { amount: spec.amount } : { duration: spec.durationSeconds }),
        timeout: spec.timeoutSeconds,
        ...(spec.overallRate ? { overallRate: spec.overallRate } : {}),
        requests: spec.hazardIds ? [{ method: 'POST', setupRequest: (request) => ({ ...request, body: mutationBody() }) }] : undefined,
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, status, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses[status] = (statuses[status] ?? 0) + 1;
      slowestByStatus[status] = Math.max(slowestByStatus[status] ?? 0, responseTime);
      if (status >= 200 && status < 300) admitted.push(responseTime);
    });
  });
  const ended = microsNow();
  latencies.sort((a, b) => a - b);
  admitted.sort((a, b) => a - b);
  const seconds = (ended - started) / 1e6;
  return {
    requests: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? NaN,
    failures: result.non2xx + result.errors + result.timeouts,
    window: [started, ended],
    statuses,
    slowestByStatus,
    admitted: { p50: percentile(admitted, 50), p95: percentile(admitted, 95), p99: percentile(admitted, 99), max: admitted[admitted.length - 1] ?? NaN },
    errors: result.errors + result.timeouts,
  };
}

let input = '';
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', () => {
  run(JSON.parse(input) as LoadSpec)
    .then((result) => process.stdout.write(JSON.stringify(result)))
    .catch((error) => {
      process.stderr.write(String((error as Error).stack ?? error));
      process.exit(1);
    });
});
