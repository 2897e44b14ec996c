import 'reflect-metadata';
/**
 * The gateway at four times the rate it sustains, on the demo campus: does it shed early (503 with Retry-After)
 * and keep the admitted requests near their unloaded latency, instead of queueing everything?
 *   npm run bench:overload [-- --seconds 10] [--development] [--haproxy]
 * Starts the platform on fresh bench_gwo_* databases and ports 4840–4849 with the gateway's admission limits from
 * its environment (GATEWAY_MAX_IN_FLIGHT etc., defaults from libs/config), then loads the ledger page through the
 * gateway from an autocannon process (bench/gateway/load-worker.ts): one connection (unloaded); as many
 * connections as the gateway works on at once, closed loop (the sustainable rate); and four times that rate, open
 * loop. With --haproxy (Debian's haproxy installed), then the unloaded and overload phases again through HAProxy in
 * front of the gateway (bench/gateway/haproxy-front.ts): shedding outside Node, side by side in the same run.
 * Writes bench/reports/gateway-overload.md (with bench/gateway/overload-findings.md).
 */
import { overloadLimitVariables } from '@campus/config';
import { DEMO_BOOTSTRAP, DEMO_PASSWORD, ROOT, seedDemoCampus, SUBGRAPHS } from '@campus/platform';
import { GraphQLClient } from '@campus/testing';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { flag, option, runBench } from '../bench-run';
import type { LoadResult } from './load-worker';
import { describeLimits, gatewayLimits as limits } from './admission-limits';
import { load } from './measurements';
import { HaproxyFront, haproxyVersion, startHaproxyFront } from './haproxy-front';
import { coresBetween, cpuSnapshot } from './process-cpu';
import { LEDGER_PAGE } from './operations';

const mode = flag('development') ? 'development' : 'production';
const seconds = option('seconds', 10);
const gatewayLimitEnv = Object.fromEntries(Object.keys(overloadLimitVariables()).flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])));
const SUBGRAPH_TIMEOUT_MS = Number(process.env.SUBGRAPH_TIMEOUT_MS ?? 30_000);
const withHaproxy = flag('haproxy');
if (withHaproxy && haproxyVersion() === null) throw new Error('--haproxy needs HAProxy installed (apt-get install haproxy)');
/** HAProxy's port, beside the platform's 4840–4844 and its broker's 4849. */
const HAPROXY_PORT = 4848;
/** How long a request may wait in HAProxy for one of the gateway's slots before it is shed. */
const HAPROXY_QUEUE_MS = 1;

interface Phase {
  name: string;
  connections: number;
  /** Open loop: the rate asked of autocannon. */
  targetRate?: number;
  result: LoadResult;
  /** Cores each platform process kept busy during the phase, and the generator's own. */
  cores: { name: string; cores: number }[];
}

const ms = (value: number) => (Number.isFinite(value) ? `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms` : '–');
const trio = (values?: { p50: number; p95: number; p99: number }) => (values ? `${ms(values.p50)} / ${ms(values.p95)} / ${ms(values.p99)}` : '–');
const count = (result: LoadResult, status: number) => result.statuses[status] ?? 0;
const admittedCount = (result: LoadResult) => Object.entries(result.statuses).reduce((sum, [status, n]) => (status.startsWith('2') ? sum + n : sum), 0);
/** Answers neither admitted (2xx) nor shed (503), plus requests with no answer at all. */
const otherFailures = (result: LoadResult) => result.requests - admittedCount(result) - count(result, 503) + result.errors;

function row(phase: Phase): string {
  const { result } = phase;
  const offered = (result.requests + result.errors) / result.seconds;
  return `| ${phase.name} | ${phase.connections} | ${phase.targetRate ? `${phase.targetRate} (asked) / ${offered.toFixed(0)}` : offered.toFixed(0)} | ${(admittedCount(result) / result.seconds).toFixed(0)} | ${count(result, 503)} | ${trio(result.admitted)} | ${ms(result.max)} | ${ms(result.slowestByStatus[503] ?? NaN)} | ${otherFailures(result)} |`;
}

/** Where the two cores went in each phase: who competes with the admitted requests for the CPU. */
function cpuLines(phases: Phase[]): string[] {
  const names = [...new Set(phases.flatMap((phase) => phase.cores.map((entry) => entry.name)))];
  const cell = (phase: Phase, name: string) => (phase.cores.find((entry) => entry.name === name)?.cores ?? 0).toFixed(2);
  return [
    '| phase | ' + names.join(' | ') + ' | all |',
    '|---|' + names.map(() => '---|').join('') + '---|',
    ...phases.map((phase) => `| ${phase.name} | ${names.map((name) => cell(phase, name)).join(' | ')} | ${phase.cores.reduce((sum, entry) => sum + entry.cores, 0).toFixed(2)} |`),
  ];
}

/** The machine's 1-minute load average when each phase ended: how much else was running (2 cores: 2 is busy). */
const loads: number[] = [];

const met = (ok: boolean) => (ok ? '**met**' : '**missed**');

/** The admitted p95 at overload against twice the unloaded p95, of one way of shedding. */
function p95Line(what: string, unloaded: Phase, overload: Phase): string {
  const bound = 2 * unloaded.result.admitted.p95;
  return `- ${what}: ${ms(overload.result.admitted.p95)} against 2 × ${ms(unloaded.result.admitted.p95)} = ${ms(bound)}: ${met(overload.result.admitted.p95 <= bound)}.`;
}

function haproxyLines(phases: Phase[], front: string | undefined): string[] {
  const [unloaded, overload] = phases.slice(3);
  if (!front || !overload) return [];
  return [
    p95Line('Shedding in front of Node instead (HAProxy, the last two phases above): admitted requests at overload keep p95 within 2× the unloaded p95 through it', unloaded, overload),
    `  ${count(overload.result, 503)} of ${overload.result.requests} requests shed with 503 by HAProxy, the slowest after ${ms(overload.result.slowestByStatus[503] ?? NaN)}; admitted ${(admittedCount(overload.result) / overload.result.seconds).toFixed(0)} req/s; failures other than 503: ${otherFailures(overload.result)}.`,
  ];
}

function report(phases: Phase[], front: string | undefined): string {
  const [unloaded, sustained, overload] = phases;
  const shedShare = count(overload.result, 503) / Math.max(1, overload.result.requests);
  return [
    '# The gateway at four times its sustainable rate',
    '',
    `Run ${new Date().toISOString()} by \`npm run bench:overload\` (${seconds} s per phase).`,
    '',
    '## Machine and method',
    `- ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; the platform (four subgraphs, gateway, dev broker, MariaDB) and the load generator on the same machine, **shared with other sessions' work while this ran** (their builds and tests): absolute figures move between runs; the ratios within one run are what to read.`,
    `- Every process in ${mode} mode; the demo campus, fresh databases; the ledger page (\`${LEDGER_PAGE}\`) as the school's safety office, through the gateway.`,
    `- Load average (1 min) at the end of each phase: ${loads.map((load) => load.toFixed(1)).join(' / ')}.`,
    `- Gateway admission limits: ${describeLimits()}; SUBGRAPH_TIMEOUT_MS=${SUBGRAPH_TIMEOUT_MS}.`,
    '- Phases, each from a load-generator process of its own (bench/gateway/load-worker.ts: autocannon for the closed loops, an even-paced open loop for the overload): **unloaded** — one connection, closed loop; **sustained** — as many connections as the gateway works on at once, closed loop: the rate it sustains without queueing or shedding; **overload** — four times that rate, open loop (sent at an even pace whatever the pace of the answers, each on a free connection; latencies counted from when each request was due).',
    '- Latencies are per response (none sampled); "admitted" are the 2xx answers, "shed" the 503s (with Retry-After and the OVERLOADED error).',
    ...(front ? [`- Then, HAProxy in front: the unloaded phase, and the overload phase at the same offered rate, through ${front}; it answers the gateway's 503 itself.`] : []),
    '',
    '## Figures',
    '',
    '| phase | connections | offered req/s | admitted req/s | shed (503) | admitted p50 / p95 / p99 | longest wait (any answer) | slowest 503 | other failures |',
    '|---|---|---|---|---|---|---|---|---|',
    ...phases.map(row),
    '',
    '### Cores busy in each phase, by process',
    'CPU time over the phase\'s length, from /proc (the platform\'s processes) and the load generator\'s own `process.cpuUsage()`; 2.00 is the whole machine.',
    '',
    ...cpuLines(phases),
    '',
    '## Targets',
    `- Sustainable rate: ${sustained.result.perSecond.toFixed(0)} req/s; offered at overload: ${((overload.result.requests + overload.result.errors) / overload.result.seconds).toFixed(0)} req/s (asked ${overload.targetRate}).`,
    `- The gateway sheds early instead of queueing: ${count(overload.result, 503)} of ${overload.result.requests} requests (${(shedShare * 100).toFixed(0)} %) shed with 503, the slowest 503 after ${ms(overload.result.slowestByStatus[503] ?? NaN)}: ${met(count(overload.result, 503) > 0)}.`,
    p95Line('Admitted requests at overload keep p95 within 2× the unloaded p95', unloaded, overload),
    `  Of every latency at overload, the generator's own lateness in sending (counted in, as a caller's wait): p50 / p95 / p99 ${trio(overload.result.sendLag)}. The admitted requests counted from when each was sent instead: ${trio(overload.result.admittedFromSend)}.`,
    `- No request waits past the configured deadline (a subgraph's answer within SUBGRAPH_TIMEOUT_MS, a slot within GATEWAY_QUEUE_WAIT_MS): longest wait ${ms(overload.result.max)}: ${met(overload.result.max <= SUBGRAPH_TIMEOUT_MS + limits.queueWaitMs)}.`,
    `- Failures other than 503 at overload: ${otherFailures(overload.result)}: ${met(otherFailures(overload.result) === 0)}.`,
    ...haproxyLines(phases, front),
    '',
    '## How the gateway sheds',
    '- `apps/gateway/src/admission.ts`: at most GATEWAY_MAX_IN_FLIGHT GraphQL requests at once (exports included; file transfers have their own GATEWAY_MAX_FILE_TRANSFERS), a queue of GATEWAY_MAX_QUEUED behind them served first come, first served, and nothing waiting past GATEWAY_QUEUE_WAIT_MS.',
    '- When the queue overflows, the request that has waited longest is shed (503, `Retry-After`, `SERVICE_UNAVAILABLE` / `OVERLOADED`) and, for a second after, the newest waiting request is served first (adaptive LIFO): an admitted request starts at once instead of waiting out the queue, so its latency is that of the requests in flight.',
    '- Subgraph calls end at SUBGRAPH_TIMEOUT_MS; file transfers (evidence, documents, photos, streamed exports) when the subgraph stays silent that long. `/healthz` and `/readyz` are never shed.',
    '',
  ].join('\n');
}

runBench({
  name: 'gateway-overload',
  databasePrefix: 'bench_gwo',
  basePort: 4840,
  bootstrap: DEMO_BOOTSTRAP,
  serviceEnv: Object.fromEntries(SUBGRAPHS.map((name) => [name, { NODE_ENV: mode }])),
  gatewayEnv: { NODE_ENV: mode, CORS_ORIGINS: 'https://safety.example.edu', ...gatewayLimitEnv },
  existing: async () => null,
  generate: async () => ({ generatedAt: new Date().toISOString(), generationSeconds: 0 }),
  measure: async ({ platform }) => {
    const gateway = new GraphQLClient(platform.gatewayUrl);
    await seedDemoCampus(await gateway.login(DEMO_BOOTSTRAP.adminUsername, DEMO_BOOTSTRAP.adminPassword), () => undefined);
    const office = await gateway.login('safety.office', DEMO_PASSWORD);
    await office.data(LEDGER_PAGE);
    const run = (connections: number, durationSeconds: number, overallRate?: number, url = platform.gatewayUrl) =>
      load({ url, headers: { authorization: `Bearer ${office.token}` }, body: JSON.stringify({ query: LEDGER_PAGE }), connections, durationSeconds, overallRate, timeoutSeconds: 60 });
    run(limits.maxInFlight, 3); // warm-up: JIT, pools, caches
    const phases: Phase[] = [];
    const phase = (name: string, connections: number, targetRate?: number, url?: string) => {
      const [before, startedAt] = [cpuSnapshot(), performance.now()];
      const result = run(connections, seconds, targetRate, url);
      const wallSeconds = (performance.now() - startedAt) / 1000;
      const cores = [{ name: 'load generator', cores: result.generatorCpuSeconds / wallSeconds }, ...coresBetween(before, cpuSnapshot(), wallSeconds)];
      phases.push({ name, connections, targetRate, result, cores });
      loads.push(loadavg()[0]);
      console.log(`${name}: ${result.perSecond.toFixed(0)} answers/s, admitted p95 ${result.admitted.p95} ms, statuses ${JSON.stringify(result.statuses)}, errors ${result.errors}`);
      return result;
    };
    phase('unloaded', 1);
    const sustained = phase('sustained', limits.maxInFlight);
    const target = Math.round(4 * sustained.perSecond);
    // Callers are many people, each on a connection of their own: enough sockets that no request waits for one in the generator.
    const overloadConnections = Math.min(1000, Math.max(200, target));
    phase('overload (4×)', overloadConnections, target);
    let front: HaproxyFront | undefined;
    if (withHaproxy) {
      front = await startHaproxyFront({
        port: HAPROXY_PORT,
        gatewayPort: Number(new URL(platform.gatewayUrl).port),
        maxConnections: limits.overloadedMaxInFlight,
        queueMs: HAPROXY_QUEUE_MS,
        retryAfterSeconds: limits.retryAfterSeconds,
        dir: path.join(ROOT, 'tmp/bench-haproxy'),
      });
      try {
        phase('unloaded, HAProxy in front', 1, undefined, front.url);
        phase('overload (4×), HAProxy in front', overloadConnections, target, front.url);
      } finally {
        await front.stop();
      }
    }
    const findings = path.join(ROOT, 'bench/gateway/overload-findings.md');
    return report(phases, front?.describe) + (existsSync(findings) ? `\n${readFileSync(findings, 'utf8')}` : '');
  },
});
