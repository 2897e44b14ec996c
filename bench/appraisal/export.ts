import { GraphQLClient } from '@campus/testing';
import ExcelJS from 'exceljs';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * The results export (GET /exports/appraisal-results through the gateway; GET /appraisal-results on
 * supervision-appraisal directly as its floor): download time, the service process's resident memory
 * above idle while it streams (VmRSS from /proc/<pid>/status every 10 ms), and the dashboards' latency
 * while exports run beside the same dashboards idle.
 */
export interface ExportRun {
  ms: number;
  bytes: number;
  idleMiB: number;
  peakMiB: number;
  extraMiB: number;
}

export interface Spread {
  p50: number;
  p95: number;
  p99: number;
  runs: number;
}

export interface ExportResults {
  /** Why it was not measured, when it was not. */
  unavailable: string | null;
  gateway: ExportRun[];
  direct: ExportRun[];
  content: string;
  dashboards: { queries: string[]; idle: Spread; during: Spread; perQuery: { name: string; probe: boolean; idle: Spread; during: Spread }[] } | null;
}

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
  return { p50: at(50), p95: at(95), p99: at(99), runs: sorted.length };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const MiB = 1024;

/** The pid of the compiled app listening on `port` (its command line names the app, its environment the port). */
export function pidOfApp(app: string, port: number): number | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(`dist/apps/${app}/src/main.js`)) continue;
      if (readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0').includes(`PORT=${port}`)) return Number(entry);
    } catch {
      // a process that ended meanwhile, or another user's
    }
  }
  return null;
}

function rssKiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) : NaN;
}

async function download(
  url: string,
  token: string,
  keep = false,
  headers: Record<string, string> = {},
): Promise<{ status: number; type: string; bytes: number; body: Buffer | null; text: string }> {
  const response = await fetch(url, { headers: { ...headers, authorization: `Bearer ${token}` } });
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of response.body ?? []) {
    bytes += (chunk as Uint8Array).length;
    if (keep || response.status !== 200) chunks.push(Buffer.from(chunk as Uint8Array));
  }
  const body = chunks.length ? Buffer.concat(chunks) : null;
  return { status: response.status, type: response.headers.get('content-type') ?? '', bytes, body, text: response.status === 200 ? '' : (body?.toString('utf8').slice(0, 300) ?? '') };
}

/** One download with the process's memory sampled: the median of 1.5 s before as idle, the highest during. */
async function measuredDownload(url: string, token: string, pid: number, headers: Record<string, string> = {}): Promise<ExportRun> {
  const idle: number[] = [];
  for (let k = 0; k < 75; k++) {
    idle.push(rssKiB(pid));
    await sleep(20);
  }
  idle.sort((a, b) => a - b);
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssKiB(pid))), 10);
  const start = process.hrtime.bigint();
  const answer = await download(url, token, false, headers);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  clearInterval(sampler);
  peak = Math.max(peak, rssKiB(pid));
  if (answer.status !== 200) throw new Error(`download answered ${answer.status}: ${answer.text}`);
  const idleMiB = idle[Math.floor(idle.length / 2)] / MiB;
  return { ms, bytes: answer.bytes, idleMiB, peakMiB: peak / MiB, extraMiB: Math.max(0, peak / MiB - idleMiB) };
}

/** The workbook's sheets and rows, read back once (not timed). */
async function describe(body: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook.worksheets.map((sheet) => `${sheet.name} ${sheet.rowCount} rows`).join(', ');
}

export interface Dashboard {
  name: string;
  client: GraphQLClient;
  query: string;
  variables: Record<string, unknown>;
  /** A probe (not a dashboard): timed apart, left out of the dashboards' figures. */
  probe?: boolean;
}

interface Latency {
  dashboard: Dashboard;
  ms: number;
}

/** The dashboards in turn, one request at a time, until `until` says stop: each request's latency. */
async function dashboardLoop(dashboards: Dashboard[], until: () => boolean, into: Latency[]): Promise<void> {
  for (let k = 0; !until(); k++) {
    const dashboard = dashboards[k % dashboards.length];
    const start = process.hrtime.bigint();
    await dashboard.client.data(dashboard.query, dashboard.variables);
    into.push({ dashboard, ms: Number(process.hrtime.bigint() - start) / 1e6 });
  }
}

/**
 * The dashboards idle and while exports run, in alternating rounds (an idle window as long as two
 * downloads, then two downloads back to back with the dashboards beside them), so that whatever else
 * loads the machine weighs on both alike.
 */
async function dashboardsBesideExports(options: ExportOptions, downloadMs: number): Promise<NonNullable<ExportResults['dashboards']>> {
  const idle: Latency[] = [];
  const during: Latency[] = [];
  const warmUntil = Date.now() + 1000;
  await dashboardLoop(options.dashboards, () => Date.now() > warmUntil, []);
  for (let round = 0; round < options.runs; round++) {
    const idleUntil = Date.now() + 2 * downloadMs;
    await dashboardLoop(options.dashboards, () => Date.now() > idleUntil, idle);
    let exporting = true;
    const exports = (async () => {
      for (let k = 0; k < 2; k++) await download(options.gatewayUrl, options.token);
      exporting = false;
    })();
    await dashboardLoop(options.dashboards, () => !exporting, during);
    await exports;
  }
  const of = (latencies: Latency[], pick: (dashboard: Dashboard) => boolean) => spread(latencies.filter((l) => pick(l.dashboard)).map((l) => l.ms));
  return {
    queries: options.dashboards.filter((dashboard) => !dashboard.probe).map((dashboard) => dashboard.name),
    idle: of(idle, (dashboard) => !dashboard.probe),
    during: of(during, (dashboard) => !dashboard.probe),
    perQuery: options.dashboards.map((dashboard) => ({ name: dashboard.name, probe: Boolean(dashboard.probe), idle: of(idle, (d) => d === dashboard), during: of(during, (d) => d === dashboard) })),
  };
}

export interface ExportOptions {
  gatewayUrl: string;
  directUrl: string;
  /** The gateway proof the subgraph requires of a direct call. */
  directHeaders: Record<string, string>;
  token: string;
  pid: number | null;
  runs: number;
  dashboards: Dashboard[];
  log: (line: string) => void;
}

export async function measureExport(options: ExportOptions): Promise<ExportResults> {
  const results: ExportResults = { unavailable: null, gateway: [], direct: [], content: '', dashboards: null };
  const probe = await download(options.gatewayUrl, options.token, true);
  if (probe.status !== 200 || !probe.type.includes('spreadsheetml')) {
    const direct = await download(options.directUrl, options.token, false, options.directHeaders).catch((error: Error) => ({ status: 0, type: '', text: `${error.message} ${String((error.cause as Error | undefined)?.message ?? '')}` }));
    results.unavailable = `GET ${new URL(options.gatewayUrl).pathname} answered ${probe.status} (${probe.type}) ${probe.text}; supervision-appraisal's own /appraisal-results answered ${direct.status} (${direct.type}) ${direct.text}`;
    return results;
  }
  if (!options.pid) {
    results.unavailable = 'the supervision-appraisal process was not found in /proc';
    return results;
  }
  results.content = await describe(probe.body!);
  for (let k = 0; k < options.runs; k++) {
    options.log(`  export run ${k + 1}/${options.runs}`);
    results.gateway.push(await measuredDownload(options.gatewayUrl, options.token, options.pid));
    results.direct.push(await measuredDownload(options.directUrl, options.token, options.pid, options.directHeaders));
  }
  options.log('  dashboards idle, then during exports, in alternating rounds');
  results.dashboards = await dashboardsBesideExports(options, spread(results.gateway.map((run) => run.ms)).p50);
  return results;
}
