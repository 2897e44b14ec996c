import { databaseUrl } from '@campus/database';
import { GraphQLClient } from '@campus/testing';
import { Connection, createConnection } from 'mysql2/promise';
import { timed, Timing } from '../hazards/measurements';
import { Statement } from '../hazards/service-statement';
import { EducationFacts, SampleUnit } from './dataset';
import { DAY } from './people';
import { coverageStatement, liveCoverageStatement } from './service-statement';
import { createActivity, ImportAnswer, importFloor, importSheet, signInSheet } from './sign-in';

export interface MeasureOptions {
  gatewayUrl: string;
  mysqlUrl: string;
  educationDb: string;
  facts: EducationFacts;
  runs: number;
  importRuns: number;
  /** Leave out the all-schools query (minutes with today's statement; see findings.md). */
  skipAllSchools: boolean;
  password: string;
  log: (line: string) => void;
}

export interface Row {
  name: string;
  /** The goal for the gateway p95, ms; null for figures without one. */
  goal: number | null;
  gateway: Timing | null;
  sql: Timing;
  note: string;
}

export interface Results {
  rows: Row[];
  checks: { name: string; ok: boolean; detail: string }[];
  explains: { name: string; plan: Record<string, unknown>[] }[];
  /** The same figures counted from the attendance rows without the rollup (null: left out, minutes long). */
  variants: { name: string; units: Timing; live: Timing | null }[];
  imports: ImportAnswer[];
  server: { version: string; bufferPoolMiB: number };
  pageLimit: string;
  totalSeconds: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function clock(operation: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await operation();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * The gateway and the raw statement timed in turn, run after run (so both see the same cache and load).
 * Warm-up as bench/hazards does it (a few runs, a 1 s pause, one more); slow operations get fewer runs,
 * and one that takes more than 20 s is timed once (its first run is the figure). A gateway request that
 * fails (a timeout on the way) leaves its column empty and says why.
 */
async function alternate(runs: number, gateway: () => Promise<unknown>, sql: () => Promise<unknown>, warmup = 2): Promise<{ gateway: Timing | null; sql: Timing; error?: string }> {
  let error: string | undefined;
  const viaGateway = async () => {
    if (error) return NaN;
    return clock(gateway).catch((failure: Error) => {
      error = failure.message.slice(0, 300);
      return NaN;
    });
  };
  const first = [await viaGateway(), await clock(sql)];
  const slowest = Math.max(...first.filter((value) => !Number.isNaN(value)));
  const timing = (values: number[]): Timing | null => {
    const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
    return sorted.length ? { p50: percentile(sorted, 50), p95: percentile(sorted, 95), runs: sorted.length } : null;
  };
  if (slowest > 20_000) return { gateway: timing([first[0]]), sql: timing([first[1]])!, error };
  for (let k = 1; k < warmup; k++) {
    await viaGateway();
    await clock(sql);
  }
  await pause(1100);
  await viaGateway();
  await sql();
  const count = slowest > 3000 ? Math.min(runs, 5) : slowest > 800 ? Math.min(runs, 10) : runs;
  const samples: [number[], number[]] = [[], []];
  for (let k = 0; k < count; k++) {
    samples[0].push(await viaGateway());
    samples[1].push(await clock(sql));
  }
  return { gateway: timing(samples[0]), sql: timing(samples[1])!, error };
}

type SqlRows = Record<string, unknown>[];

async function rows(connection: Connection, statement: Statement): Promise<SqlRows> {
  const [result] = await connection.query(statement.sql, statement.params);
  return result as SqlRows;
}

interface Coverage {
  population: number;
  covered: number;
  rate: number | null;
}

const FIELDS = 'population covered rate';
const UNIT = `query($id: ID!, $from: CalendarDate!, $to: CalendarDate!) { orgUnit(id: $id) { id educationCoverage(from: $from, to: $to) { ${FIELDS} } } }`;
const ALL_SCHOOLS = `query($id: ID!, $from: CalendarDate!, $to: CalendarDate!) { orgUnit(id: $id) { children { children { children {
  id kind educationCoverage(from: $from, to: $to) { ${FIELDS} } } } } } }`;
const SCHOOL_PAGE = `query($from: CalendarDate!, $to: CalendarDate!) { orgUnits(first: 100, filter: { kind: SCHOOL }) { edges { node {
  id educationCoverage(from: $from, to: $to) { ${FIELDS} } } } } }`;

/** The same figures counted another way: distinct attendees from the attendance rows, active people from the projection. */
async function independentCoverage(education: Connection, unit: SampleUnit, start: Date, end: Date): Promise<{ population: number; covered: number }> {
  const [population] = await rows(education, { sql: 'SELECT COUNT(*) AS n FROM person_projection WHERE org_path LIKE ? AND active = TRUE', params: [`${unit.path}%`] });
  const [covered] = await rows(education, {
    sql: `SELECT COUNT(DISTINCT e.person_id) AS n FROM education_attendance e JOIN person_projection p ON p.id = e.person_id
           WHERE e.person_org_path LIKE ? AND e.held_at >= ? AND e.held_at < ? AND p.active = TRUE`,
    params: [`${unit.path}%`, start, end],
  });
  return { population: Number(population.n), covered: Number(covered.n) };
}

export async function measureAll(options: MeasureOptions): Promise<Results> {
  const started = Date.now();
  const { facts, runs, log } = options;
  const { from, to } = facts.period;
  const start = new Date(Date.parse(`${from}T00:00:00+08:00`));
  const end = new Date(Date.parse(`${to}T00:00:00+08:00`) + DAY);
  const gateway = new GraphQLClient(options.gatewayUrl);
  const [province, county, school] = await Promise.all([facts.accounts.province, facts.accounts.county, facts.accounts.school].map((name) => gateway.login(name, options.password)));
  const education = await createConnection({ uri: databaseUrl(options.mysqlUrl, options.educationDb), timezone: 'Z' });
  const results: Results = { rows: [], checks: [], explains: [], variants: [], imports: [], server: { version: '', bufferPoolMiB: 0 }, pageLimit: '', totalSeconds: 0 };
  const { samples } = facts;
  const allSchools = async () => {
      log('measuring: all schools in one query');
      const [schoolRows] = await education.query(`SELECT id FROM org_unit_projection WHERE kind = 'SCHOOL' AND path LIKE ?`, [`${samples.province.path}%`]);
      const schoolIds = (schoolRows as { id: string }[]).map((row) => row.id);
      const allStatement = coverageStatement(schoolIds, from, to);
      const allVariables = { id: samples.province.id, from, to };
      type Tree = { orgUnit: { children: { children: { children: { kind: string; educationCoverage: Coverage | null }[] }[] }[] } };
      // The first request is timed too: when it takes more than 20 s it is the figure (one run of each).
      let tree: Tree | null = null;
      let allError: string | undefined;
      const firstMs = await clock(async () => (tree = await province.data<Tree>(ALL_SCHOOLS, allVariables))).catch((failure: Error) => {
        allError = failure.message.slice(0, 300);
        return NaN;
      });
      log(`  first all-schools request: ${Math.round(firstMs)} ms${allError ? ` (${allError})` : ''}`);
      const answered = tree ? (tree as Tree).orgUnit.children.flatMap((city) => city.children.flatMap((c) => c.children)).filter((unit) => unit.kind === 'SCHOOL') : [];
      const coveredSum = answered.reduce((sum, unit) => sum + (unit.educationCoverage?.covered ?? 0), 0);
      const provinceCheck = results.checks.find((check) => check.name === 'province coverage');
      const provinceCovered = Number(/covered (\d+)/.exec(provinceCheck?.detail ?? '')?.[1]);
      results.checks.push({
        name: 'all schools in one query',
        ok: answered.length === schoolIds.length && coveredSum === provinceCovered,
        detail: tree ? `${answered.length} schools answered (${schoolIds.length} projected), their covered people sum to ${coveredSum} (province ${provinceCovered})` : `no answer: ${allError}`,
      });
      results.explains.push({ name: `all ${schoolIds.length} schools (the service statement)`, plan: await rows(education, { sql: `EXPLAIN ${allStatement.sql}`, params: allStatement.params }) });
      const single = (value: number): Timing | null => (Number.isNaN(value) ? null : { p50: value, p95: value, runs: 1 });
      const allTiming =
        Number.isNaN(firstMs) || firstMs > 20_000
          ? { gateway: single(firstMs), sql: single(await clock(() => rows(education, allStatement)))!, error: allError }
          : await alternate(runs, () => province.data(ALL_SCHOOLS, allVariables), () => rows(education, allStatement));
      const allNote = `orgUnit(province) { children { children { children { educationCoverage } } } }${allTiming.error ? `; gateway failed: ${allTiming.error}` : ''}`;
      results.rows.push({ name: `all ${schoolIds.length} schools in one query`, goal: 2000, gateway: allTiming.gateway, sql: allTiming.sql, note: allNote });
      results.variants.push({ name: `all ${schoolIds.length} schools`, units: allTiming.sql, live: null });

  };
  try {
    const cases = [
      { name: `school coverage «${samples.school.name}»`, client: school, unit: samples.school, goal: 50 },
      { name: `largest school's coverage «${samples.largest.name}»`, client: province, unit: samples.largest, goal: 50 },
      { name: `county coverage «${samples.county.name}»`, client: county, unit: samples.county, goal: 200 },
      { name: 'province coverage', client: province, unit: samples.province, goal: 1000 },
    ];
    for (const { name, client, unit, goal } of cases) {
      log(`measuring: ${name}`);
      const variables = { id: unit.id, from, to };
      const statement = coverageStatement([unit.id], from, to);
      const answer = (await client.data<{ orgUnit: { educationCoverage: Coverage } }>(UNIT, variables)).orgUnit.educationCoverage;
      const counted = await independentCoverage(education, unit, start, end);
      const ok = answer.population === counted.population && answer.covered === counted.covered;
      results.checks.push({ name, ok, detail: `population ${answer.population} (counted ${counted.population}), covered ${answer.covered} (counted ${counted.covered}), rate ${answer.rate?.toFixed(3)}` });
      const { error, ...timing } = await alternate(runs, () => client.data(UNIT, variables), () => rows(education, statement));
      results.rows.push({ name, goal, ...timing, note: `${answer.population} people, ${answer.covered} covered${error ? `; gateway failed: ${error}` : ''}` });
      const live = liveCoverageStatement([unit.id], from, to);
      results.variants.push({ name, units: timing.sql, live: await timed(unit === samples.province ? 3 : Math.min(runs, 10), () => rows(education, live), 1) });
      if (unit === samples.school) results.explains.push({ name: 'school coverage (the service statement)', plan: await rows(education, { sql: `EXPLAIN ${statement.sql}`, params: statement.params }) });
      if (unit === samples.province) results.explains.push({ name: 'province coverage (the service statement)', plan: await rows(education, { sql: `EXPLAIN ${statement.sql}`, params: statement.params }) });
    }

    if (options.skipAllSchools) results.checks.push({ name: 'all schools in one query', ok: true, detail: 'left out of this run (--skip-all-schools): see the findings for its figures' });
    else await allSchools();
    log('measuring: a page of 100 schools (orgUnits)');
    results.pageLimit = 'orgUnits pages at most 100 units (first: Int! = 20, "每页条数，最多 100"), so all 2,000 schools come in one query only through the tree (children of children of children).';
    const page = await province.data<{ orgUnits: { edges: { node: { id: string } }[] } }>(SCHOOL_PAGE, { from, to });
    const pageStatement = coverageStatement(page.orgUnits.edges.map((edge) => edge.node.id), from, to);
    const { error: pageError, ...pageTiming } = await alternate(runs, () => province.data(SCHOOL_PAGE, { from, to }), () => rows(education, pageStatement));
    const pageNote = `${page.orgUnits.edges.length} schools, the largest page the schema allows${pageError ? `; gateway failed: ${pageError}` : ''}`;
    results.rows.push({ name: 'orgUnits(first: 100, filter: {kind: SCHOOL}) with coverage', goal: null, ...pageTiming, note: pageNote });

    log('measuring: importing a sign-in sheet');
    const [people] = await education.query('SELECT id, name FROM person_projection WHERE org_path LIKE ? AND active = TRUE ORDER BY id LIMIT 5000', [`${samples.largest.path}%`]);
    const attendees = people as { id: string; name: string }[];
    const content = await signInSheet(attendees);
    const samplesMs: [number[], number[]] = [[], []];
    for (let n = 0; n <= options.importRuns; n++) {
      const activityId = await createActivity(province, samples.largest.id, from, n);
      const floor = await clock(() => importFloor(education, activityId, attendees));
      let answer: ImportAnswer | null = null;
      const took = await clock(async () => (answer = await importSheet(province, activityId, content)));
      if (n === 0) continue; // the first is the warm-up
      samplesMs[0].push(took);
      samplesMs[1].push(floor);
      results.imports.push(answer!);
    }
    const timing = (values: number[]): Timing => {
      const sorted = [...values].sort((a, b) => a - b);
      return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), runs: values.length };
    };
    const ok = results.imports.every((answer) => answer.imported && answer.recorded === attendees.length);
    results.checks.push({ name: 'sign-in sheet import', ok, detail: results.imports.map((a) => `${a.imported ? 'imported' : 'REFUSED'} ${a.recorded}/${a.totalRows} (${a.rejectedRows.length} rejected, service ${a.durationMs} ms)`).join('; ') });
    results.rows.push({
      name: `importing a ${attendees.length}-row sign-in sheet (.xlsx, exceljs)`,
      goal: 5000,
      gateway: timing(samplesMs[0]),
      sql: timing(samplesMs[1]),
      note: `a new activity of «${samples.largest.name}» each run; raw SQL = lookups + inserts, rolled back`,
    });

    const [version] = (await education.query('SELECT VERSION() AS v, @@innodb_buffer_pool_size AS pool'))[0] as { v: string; pool: string }[];
    results.server = { version: version.v, bufferPoolMiB: Math.round(Number(version.pool) / 2 ** 20) };
  } finally {
    await education.end();
  }
  results.totalSeconds = Math.round((Date.now() - started) / 1000);
  return results;
}
