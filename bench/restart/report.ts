import os from 'node:os';
import { median } from '../bench-run';
import { RestartKind, RoundResult } from './round';

export interface ReportSettings {
  killRounds: number;
  termRounds: number;
  mysqlHost: string;
  broker: string;
}

/** The issue's figures before the change (kill -9, time to answer HTTP again). */
const BEFORE: Record<string, string> = { 'hazard-tracking': '23–25 s', 'supervision-appraisal': '28 s' };
const API_GOAL_MS = 3_000;

const seconds = (ms: number | null) => (ms === null ? '—' : `${(ms / 1000).toFixed(2)} s`);

/** "median / max" over the rounds; a round that never got there counts as missing. */
function spread(rounds: RoundResult[], figure: (round: RoundResult) => number | null): string {
  const values = rounds.map(figure);
  const measured = values.filter((value): value is number => value !== null);
  if (!measured.length) return '—';
  const missing = values.length - measured.length;
  return `${seconds(median(measured))} / ${seconds(Math.max(...measured))}${missing ? ` (${missing} never)` : ''}`;
}

function apiVerdict(rounds: RoundResult[]): string {
  const worst = rounds.map((round) => round.queryMs);
  return worst.every((ms) => ms !== null && ms <= API_GOAL_MS) ? 'met' : '**missed**';
}

function summaryRows(results: RoundResult[]): string[] {
  const services = [...new Set(results.map((round) => round.service))];
  const kinds: RestartKind[] = ['kill -9', 'SIGTERM'];
  return services.flatMap((service) =>
    kinds
      .map((kind) => results.filter((round) => round.service === service && round.kind === kind))
      .filter((rounds) => rounds.length)
      .map((rounds) =>
        [
          service,
          rounds[0].kind,
          rounds.length,
          spread(rounds, (round) => round.typenameMs),
          spread(rounds, (round) => round.queryMs),
          spread(rounds, (round) => round.readyMs),
          spread(rounds, (round) => round.consumingMs),
          spread(rounds, (round) => round.eventFromSignalMs),
          spread(rounds, (round) => round.startupCpuMs),
          apiVerdict(rounds),
          rounds[0].kind === 'kill -9' ? (BEFORE[service] ?? '—') : '—',
        ].join(' | '),
      )
      .map((row) => `| ${row} |`),
  );
}

/** Median ms per phase over the rounds that logged them, as "phase n ms" in the log's order. */
function medianPhases(phases: (Record<string, number> | null)[]): string {
  const logged = phases.filter((entry): entry is Record<string, number> => entry !== null);
  if (!logged.length) return '—';
  return Object.keys(logged[0])
    .map((phase) => `${phase} ${Math.round(median(logged.map((entry) => entry[phase] ?? 0)))} ms`)
    .join(', ');
}

function phaseRows(results: RoundResult[]): string[] {
  const services = [...new Set(results.map((round) => round.service))];
  return services.map((service) => {
    const rounds = results.filter((round) => round.service === service);
    const cpu = rounds.map((round) => round.startupCpuMs).filter((ms): ms is number => ms !== null);
    const cpuCell = cpu.length ? `${seconds(median(cpu))} / ${seconds(Math.max(...cpu))}` : '—';
    return `| ${service} | ${medianPhases(rounds.map((round) => round.startupPhases))} | ${cpuCell} | ${medianPhases(rounds.map((round) => round.stopPhases))} |`;
  });
}

function loadRows(results: RoundResult[]): string[] {
  return results.map((round) => {
    const outcomes = Object.entries(round.load)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, count]) => `${key} × ${count}`)
      .join(', ');
    return `| ${round.service} | ${round.kind} | ${round.loadAverage.toFixed(1)} | ${seconds(round.stopMs)} | ${seconds(round.typenameMs)} | ${seconds(round.queryMs)} | ${seconds(round.consumingMs)} | ${seconds(round.eventFromSignalMs)} | ${outcomes} |`;
  });
}

export function restartReport(results: RoundResult[], settings: ReportSettings, findings: string): string {
  return [
    '# Restart benchmark',
    '',
    `Run ${new Date().toISOString()} by \`npm run bench:restart\`.`,
    '',
    '## Machine and settings',
    `- ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()};`,
    '  **shared**: other sessions build, test and benchmark on the same two cores at the same time, so single figures swing; compare medians.',
    `- MariaDB at ${settings.mysqlHost}; broker: ${settings.broker}; the platform on ports 4860–4864 (broker 4869), fresh bench_rs_* databases, the demo campus, development mode (as \`npm start\`).`,
    `- Per subgraph: ${settings.killRounds} rounds of \`kill -9\` and ${settings.termRounds} of SIGTERM, each followed at once by a restart as the platform does it (the same compiled app, environment and log).`,
    '- Throughout, a light steady load through the gateway: one query (the four subgraphs in turn) and one `registerHazard` every ~100 ms.',
    '- From the signal on, `createPerson` + `deactivatePerson` through the gateway every ~250 ms: `person.deactivated` is consumed by every service (access revocations), so its inbox shows when the restarted consumer applies events again.',
    '- Polled every 20 ms: `{ __typename }` and a real query with a token (the safety office\'s), straight to the subgraph; `/readyz` for `events: consuming`; the inbox table.',
    '',
    '## Figures (median / max over the rounds)',
    'API figures are from the spawn of the new process; the event figure, from the signal that stopped the old one; the CPU figure is the new process\'s own CPU time (user + system) when it began to serve, which the machine\'s other work does not inflate.',
    `Goal: a restarted service answers its API within ${API_GOAL_MS / 1000} s of starting (the real query's max, every round).`,
    '',
    '| service | stop | rounds | spawn → `{ __typename }` | spawn → real query | spawn → /readyz 200 | spawn → events consuming | signal → first new event applied | CPU the start used | API ≤ 3 s | before (kill -9, to HTTP) |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...summaryRows(results),
    '',
    '## Where the time goes (medians, from each process\'s own log)',
    'Start: `modules` is from the process\'s start to its first line of code (loading and compiling the modules), then opening the database and checking migrations, bootstrap data, the schema (with the revocation list), the HTTP server. The CPU column is the process\'s own CPU time when it began to serve: what the start costs whatever else runs on the machine. Stop (SIGTERM): draining HTTP, the jobs, leaving the consumer group, the relay, the connections.',
    '',
    '| service | start | CPU used by the start (median / max) | clean stop |',
    '|---|---|---|---|',
    ...phaseRows(results),
    '',
    '## Each round, and the steady load meanwhile',
    'Load outcomes counted from the signal until the restarted subgraph answered its real query (through the gateway; `ok`, or the error code the client saw).',
    '',
    '| service | stop | load average | signal → port closed | spawn → `__typename` | spawn → query | spawn → consuming | signal → event applied | steady load meanwhile |',
    '|---|---|---|---|---|---|---|---|---|',
    ...loadRows(results),
    '',
    findings,
  ].join('\n');
}
