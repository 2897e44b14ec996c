/**
 * The load generator, in its own process so that its CPU is not the measured process's: autocannon against
 * one URL with one GraphQL body (or, for a mutation, the next prepared hazard per request), answering on
 * stdout the requests made, their latencies' percentiles (each response timed, none sampled), the failures,
 * and the window it ran in on the machine's monotonic clock (the CPU profiles' clock).
 */
import autocannon from 'autocannon';
import http from 'node:http';

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
  /** Open loop (overload): requests a second, sent at an even pace whatever the answers' pace, on at most `connections` sockets. */
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
  /** Open loop: how late the generator sent its requests (ms after each was due), part of every latency above. */
  sendLag?: { p50: number; p95: number; p99: number };
  /** Open loop: the admitted requests' latencies counted from when each was sent (the generator's lateness left out). */
  admittedFromSend?: { p50: number; p95: number; p99: number };
  /** CPU the generator itself used (user + system): what it took from the cores it shares with the platform. */
  generatorCpuSeconds: number;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function percentiles(values: number[]): { p50: number; p95: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? NaN };
}

const cpuSeconds = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1e6;

const microsNow = () => Number(process.hrtime.bigint() / 1000n);

/** Every answer's latency, by status, summed up into a LoadResult. */
class Tally {
  private readonly cpuAtStart = process.cpuUsage();
  private readonly latencies: number[] = [];
  private readonly admitted: number[] = [];
  private readonly statuses: Record<string, number> = {};
  private readonly slowestByStatus: Record<string, number> = {};

  /** When the last answer came (µs): the run's end. */
  private lastAnswerAt = 0;

  record(status: number, ms: number): void {
    this.lastAnswerAt = microsNow();
    this.latencies.push(ms);
    this.statuses[status] = (this.statuses[status] ?? 0) + 1;
    this.slowestByStatus[status] = Math.max(this.slowestByStatus[status] ?? 0, ms);
    if (status >= 200 && status < 300) this.admitted.push(ms);
  }

  /**
   * The run's figures over [started, last answer]: autocannon calls back on its once-a-second tick, so a run of a
   * fixed number of requests (the mutations) ended on the next whole second, and 800 answers in 2.1 s counted as
   * 263 req/s, in 1.9 s as 395.
   */
  result(started: number, failures: number, errors: number): LoadResult {
    const window: [number, number] = [started, this.lastAnswerAt || microsNow()];
    const seconds = (window[1] - window[0]) / 1e6;
    return {
      requests: this.latencies.length,
      seconds,
      perSecond: this.latencies.length / seconds,
      ...percentiles(this.latencies),
      failures,
      window,
      statuses: this.statuses,
      slowestByStatus: this.slowestByStatus,
      admitted: percentiles(this.admitted),
      errors,
      generatorCpuSeconds: cpuSeconds(process.cpuUsage(this.cpuAtStart)),
    };
  }
}

/** Closed loop: each of `connections` sends its next request when the last is answered. */
async function closedLoop(spec: LoadSpec): Promise<LoadResult> {
  const tally = new Tally();
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
        requests: spec.hazardIds ? [{ method: 'POST', setupRequest: (request) => ({ ...request, body: mutationBody() }) }] : undefined,
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, status, _bytes, responseTime) => tally.record(status, responseTime));
  });
  return tally.result(started, result.non2xx + result.errors + result.timeouts, result.errors + result.timeouts);
}

/**
 * Open loop: requests sent at an even pace, `overallRate` a second, whether or not earlier ones were answered
 * (autocannon's overallRate sends each connection's share in a burst at the start of every second). Each
 * latency counts from the moment its request was due, so a request the generator could not send on time is
 * not flattered; how late the generator itself was in sending is measured apart (`sendLag`).
 */
async function openLoop(spec: LoadSpec & { overallRate: number }): Promise<LoadResult> {
  const tally = new Tally();
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.connections });
  const headers = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(spec.body)), ...spec.headers };
  const total = Math.round(spec.overallRate * (spec.durationSeconds ?? 10));
  const intervalMs = 1000 / spec.overallRate;
  let failures = 0;
  let errors = 0;
  const lags: number[] = [];
  const admittedFromSend: number[] = [];
  const started = microsNow();
  await new Promise<void>((resolve) => {
    let sent = 0;
    let settled = 0;
    const settle = () => ++settled === total && resolve();
    const begin = performance.now();
    const send = (dueAt: number) => {
      const sentAt = performance.now();
      lags.push(sentAt - dueAt);
      const request = http.request(spec.url, { method: 'POST', agent, headers, timeout: spec.timeoutSeconds * 1000 }, (answer) => {
        answer.resume();
        answer.on('end', () => {
          const status = answer.statusCode ?? 0;
          tally.record(status, performance.now() - dueAt);
          if (status >= 200 && status < 300) admittedFromSend.push(performance.now() - sentAt);
          else failures++;
          settle();
        });
      });
      request.on('timeout', () => request.destroy(new Error('timed out')));
      request.on('error', () => {
        errors++;
        settle();
      });
      request.end(spec.body);
    };
    const tick = () => {
      const due = Math.min(total, Math.floor((performance.now() - begin) / intervalMs) + 1);
      for (; sent < due; sent++) send(begin + sent * intervalMs);
      if (sent < total) setTimeout(tick, 1);
    };
    tick();
  });
  agent.destroy();
  return { ...tally.result(started, failures + errors, errors), sendLag: percentiles(lags), admittedFromSend: percentiles(admittedFromSend) };
}

const run = (spec: LoadSpec) => (spec.overallRate ? openLoop({ ...spec, overallRate: spec.overallRate }) : closedLoop(spec));

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
