import { cpus, totalmem } from 'node:os';
import { median } from '../bench-run';
import { describeLimits } from './admission-limits';
import type { LoadResult } from './load-worker';
import type { Measured, Route } from './measurements';
import type { ProcessProfile } from './profiles';

export interface GatewayReportInput {
  settings: { rounds: number; seconds: number; mode: string };
  measured: Measured[];
  /** The bare proxy's own fixed answer at one connection, once per round. */
  pace: LoadResult[];
  profiles: (ProcessProfile | null)[];
  schools: number;
}

const ms = (value: number) => (Number.isFinite(value) ? `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms` : '–');
/** Runs of one cell summed up: req/s and latencies as the median over the runs (each run already its own percentile). */
function summary(runs: LoadResult[]) {
  return {
    perSecond: median(runs.map((run) => run.perSecond)),
    p50: median(runs.map((run) => run.p50)),
    p95: median(runs.map((run) => run.p95)),
    p99: median(runs.map((run) => run.p99)),
    failures: runs.reduce((sum, run) => sum + run.failures, 0),
    requests: runs.reduce((sum, run) => sum + run.requests, 0),
  };
}
type Summary = ReturnType<typeof summary>;

function cell(measured: Measured[], name: string, connections: number, route: Route): Summary | null {
  const entry = measured.find((candidate) => candidate.operation.name === name && candidate.connections === connections && candidate.route === route);
  return entry ? summary(entry.runs) : null;
}

const verdict = (met: boolean) => (met ? '**met**' : '**missed**');

function operationRows(measured: Measured[]): string[] {
  const names = [...new Set(measured.map((entry) => entry.operation.name))];
  const rows: string[] = [];
  for (const name of names) {
    const operation = measured.find((entry) => entry.operation.name === name)!.operation;
    for (const connections of [...new Set(measured.filter((entry) => entry.operation.name === name).map((entry) => entry.connections))]) {
      const direct = cell(measured, name, connections, 'direct')!;
      const gateway = cell(measured, name, connections, 'gateway')!;
      rows.push(
        `| ${operation.label} | ${connections} | ${direct.perSecond.toFixed(0)} | ${ms(direct.p50)} / ${ms(direct.p95)} / ${ms(direct.p99)} | ${gateway.perSecond.toFixed(0)} | ${ms(gateway.p50)} / ${ms(gateway.p95)} / ${ms(gateway.p99)} | ×${(gateway.perSecond / direct.perSecond).toFixed(2)} | ${ms(gateway.p50 - direct.p50)} | ${direct.failures + gateway.failures} of ${direct.requests + gateway.requests} |`,
      );
    }
  }
  return rows;
}

/** The machine's pace in the rounds: the median, and each round's. */
function paceOf(pace: LoadResult[]): string {
  const rates = pace.map((run) => run.perSecond.toFixed(0));
  return `${median(pace.map((run) => run.perSecond)).toFixed(0)} req/s (rounds: ${rates.join(' / ')})`;
}

function targetLines(measured: Measured[]): string[] {
  const lines: string[] = [];
  const ledger = cell(measured, 'ledger', 50, 'direct');
  if (ledger) lines.push(`- the 20-hazard ledger page straight to hazard-tracking at 50 connections: ${ledger.perSecond.toFixed(0)} req/s, goal ≥ 1,000: ${verdict(ledger.perSecond >= 1000)}`);
  for (const entry of measured.filter((candidate) => candidate.route === 'gateway' && candidate.operation.goal !== 'none')) {
    const { operation, connections } = entry;
    const gateway = summary(entry.runs);
    const direct = cell(measured, operation.name, connections, 'direct')!;
    const join = operation.goal === 'join';
    if (connections === 1) {
      const added = gateway.p50 - direct.p50;
      const limit = join ? 3 : 1.5;
      lines.push(`- ${operation.label}, unloaded: the gateway adds ${ms(added)} at p50, goal ≤ ${limit} ms: ${verdict(added <= limit)}`);
    } else {
      const ratio = gateway.perSecond / direct.perSecond;
      const floor = join ? 0.6 : 0.8;
      lines.push(
        `- ${operation.label}, ${connections} connections: gateway ÷ direct ${ratio.toFixed(2)}×, goal ≥ ${floor}×: ${verdict(ratio >= floor)}; gateway p99 ÷ p50 ${(gateway.p99 / gateway.p50).toFixed(1)}, goal ≤ 3: ${verdict(gateway.p99 <= 3 * gateway.p50)}`,
      );
    }
  }
  const typename = measured.find((entry) => entry.operation.name === 'typename' && entry.route === 'gateway');
  if (typename) {
    const rate = summary(typename.runs).perSecond;
    lines.push(`- \`{ __typename }\` through the gateway at ${typename.connections} connections: ${rate.toFixed(0)} req/s, goal ≥ 3,000: ${verdict(rate >= 3000)}`);
  }
  return lines;
}

/** The bare proxy against straight to the subgraph and the gateway: how much of the gap any gateway must leave. */
function floorLines(measured: Measured[]): string[] {
  return measured
    .filter((entry) => entry.route === 'proxy')
    .map((entry) => {
      const proxy = summary(entry.runs);
      const direct = cell(measured, entry.operation.name, entry.connections, 'direct')!;
      const gateway = cell(measured, entry.operation.name, entry.connections, 'gateway')!;
      return `- ${entry.operation.label}, ${entry.connections} connection(s): bare proxy ${proxy.perSecond.toFixed(0)} req/s, ×${(proxy.perSecond / direct.perSecond).toFixed(2)} of direct (p50 ${ms(proxy.p50)}); the gateway ×${(gateway.perSecond / direct.perSecond).toFixed(2)}`;
    });
}

function profileSection(profile: ProcessProfile | null, name: string): string[] {
  if (!profile) return [`### ${name}`, '', '(no profile written)', ''];
  return [
    `### ${profile.process} — ${(profile.busyMs / 1000).toFixed(1)} s of CPU while load ran`,
    '',
    '| function (self time) | share | CPU |',
    '|---|---|---|',
    ...profile.top.map((entry) => `| \`${entry.name}\` | ${(entry.share * 100).toFixed(1)} % | ${(entry.ms / 1000).toFixed(2)} s |`),
    '',
    '| where the code lives (self time) | share | CPU |',
    '|---|---|---|',
    ...profile.byOrigin.map((entry) => `| ${entry.name} | ${(entry.share * 100).toFixed(1)} % | ${(entry.ms / 1000).toFixed(2)} s |`),
    '',
  ];
}

export function gatewayReport(input: GatewayReportInput): string {
  const { settings, measured } = input;
  return [
    '# The request path: gateway against straight to the subgraph',
    '',
    `Run ${new Date().toISOString()} by \`npm run bench:gateway\` (${settings.rounds} rounds, ${settings.seconds} s per run).`,
    '',
    '## Machine and method',
    `- ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; the platform (four subgraphs, gateway, dev broker, MariaDB) and the load generator on the same machine.`,
    `- Every process in ${settings.mode} mode (NODE_ENV=${settings.mode}); the demo campus (npm start's), fresh databases; the transition's hazards registered before the runs in the county's other school (${input.schools} school(s) under the county), by its safety office, so that the demo school's ledger stays the demo's; the other school's ledger, thousands of hazards by then, is measured too.`,
    `- Gateway admission limits: ${describeLimits()}.`,
    `- The machine's pace: a bare Node HTTP server (\`bench/gateway/bare-proxy.ts\` on /pace) answering 600 bytes to one connection, at the start of each round: ${paceOf(input.pace)}. This VM's speed moves by up to twice within minutes: read the absolute figures below against it, the ratios within a round as they are.`,
    '- Load: autocannon in its own process, closed loop at 1 and 50 connections (`{ __typename }` at 20), each run timed response by response (percentiles of every response).',
    '  Each operation runs straight to the subgraph that answers it and through the gateway one after the other, the order flipped each round; a cell is the median over the rounds.',
    '  The join operations\' direct figure is their floor: the single-subgraph part (the ledger page without the joined fields; the dashboard\'s `_entities` call to hazard-tracking for the schools).',
    '',
    '## Figures',
    '',
    '| operation | connections | direct req/s | direct p50 / p95 / p99 | gateway req/s | gateway p50 / p95 / p99 | gateway ÷ direct | added at p50 | failures |',
    '|---|---|---|---|---|---|---|---|---|',
    ...operationRows(measured),
    '',
    '## Targets',
    ...targetLines(measured),
    '',
    '## The floor of any gateway here',
    'The same requests through a bare HTTP proxy in front of hazard-tracking (`bench/gateway/bare-proxy.ts`: the body and the token passed through on a keep-alive pool, no GraphQL), in the same rounds: what is left between it and the gateway is the gateway\'s own work (Express, Apollo Server\'s request pipeline, query planning and result shaping), not the extra hop on a shared machine.',
    '',
    ...floorLines(measured),
    '',
    '## Where the CPU goes under load',
    'Self time of the samples taken while a load ran (all operations), from each process\'s `--cpu-prof` profile — taken in a second, shorter pass (one round, 3 s a run) with every process restarted under the profiler, which slows it by a third or more: the figures above come from processes without it.',
    '',
    ...input.profiles.flatMap((profile, index) => profileSection(profile, ['gateway', 'hazard-tracking', 'responsibility-network'][index])),
  ].join('\n');
}
