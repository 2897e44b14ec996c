import { databaseUrl } from '@campus/database';
import { gatewayProofHeaders } from '@campus/server';
import { GraphQLClient } from '@campus/testing';
import { Connection, createConnection } from 'mysql2/promise';
import os from 'node:os';
import { calendarDay } from '../hazards/hazard-lifecycle';
import { CapturedStatement, captureComputation, ComputationStep } from './computation-statements';
import { AppraisalFacts } from './dataset';
import { EventSample, measureEvents } from './events';
import { ExportResults, measureExport, pidOfApp } from './export';
import { createScheme, CreatedScheme, INDICATORS, runScheme, VETO_RULES } from './scheme';

export interface MeasureOptions {
  gatewayUrl: string;
  /** supervision-appraisal's GraphQL URL (its downloads sit beside it). */
  appraisalUrl: string;
  /** responsibility-network's GraphQL URL (a probe of another service beside the export). */
  responsibilityUrl: string;
  /** The platform's GATEWAY_SECRET: the probes straight to the services carry it, as the gateway does. */
  gatewaySecret: string;
  mysqlUrl: string;
  appraisalDb: string;
  facts: AppraisalFacts;
  yearEndRuns: number;
  events: number;
  exportRuns: number;
  password: string;
  log: (line: string) => void;
}

export interface SchemeRun {
  publishMs: number;
  closeMs: number;
  units: number;
}

export interface FloorStatement extends CapturedStatement {
  /** Re-run straight on MariaDB from the bench. */
  floorMs: number;
}

export interface Results {
  schemeRuns: SchemeRun[];
  floor: { steps: ComputationStep[]; statements: FloorStatement[]; totalMs: number };
  events: { samples: EventSample[]; failures: string[]; pollMs: number; floorMs: number; floorStatements: number } | null;
  exports: ExportResults | null;
  /** Plans of the slowest statements of different steps (the floor's order). */
  explains: { name: string; ms: number; sql: string; plan: Record<string, unknown>[] }[];
  checks: { name: string; ok: boolean; detail: string }[];
  server: { version: string; bufferPoolMiB: number };
  totalSeconds: number;
  /** The machine's load average (1 min) as each part began, and at the end: other engineers' tests share it. */
  load: { part: string; load: number }[];
}

const clock = async (operation: () => Promise<unknown>) => {
  const start = process.hrtime.bigint();
  await operation();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

async function scalar(connection: Connection, sql: string, params: unknown[]): Promise<Record<string, unknown>> {
  const [rows] = await connection.query(sql, params);
  return (rows as Record<string, unknown>[])[0];
}

/** The computation's steps: one per metric, as the service reads each metric once for all indicators naming it. */
const indicatorsOf = (scheme: CreatedScheme) =>
  [...new Set(scheme.indicators.map((indicator) => indicator.metric))].map((metric) => ({
    label: `${scheme.indicators.filter((indicator) => indicator.metric === metric).map((indicator) => indicator.name).join('、')} (${metric})`,
    metric,
  }));

async function eventLatency(options: MeasureOptions, clients: Record<'province' | 'school', GraphQLClient>, appraisal: Connection, scheme: CreatedScheme): Promise<NonNullable<Results['events']>> {
  const { school } = options.facts.samples;
  const found = await scalar(appraisal, "SELECT id FROM appraisal WHERE scheme_id = ? AND stage = 'PROCESS' AND org_unit_id = ?", [scheme.id, school.id]);
  const indicator = scheme.indicators.find((candidate) => candidate.metric === 'MAJOR_HAZARDS_REPORTED_LATE')!;
  options.log(`measuring: ${options.events} events to «${school.name}»'s process appraisal`);
  const measured = await measureEvents({
    registrar: clients.school, reader: clients.province, schoolId: school.id, appraisalId: String(found.id), indicatorId: indicator.id, events: options.events, warmup: 3, log: options.log,
    appliedAt: async () => (await scalar(appraisal, "SELECT MAX(processed_at) AS at FROM event_inbox WHERE event_type = 'hazard.registered'", [])).at as Date,
  });
  const today = calendarDay(Date.now());
  const captured = captureComputation(databaseUrl(options.mysqlUrl, options.appraisalDb), {
    indicators: indicatorsOf(scheme), vetoRules: VETO_RULES, units: [{ id: school.id, path: school.path }], period: { from: `${options.facts.year}-01-01`, to: `${options.facts.year}-12-31`, asOf: today },
  });
  let floorMs = 0;
  for (const statement of captured.statements) floorMs += await clock(() => appraisal.query(statement.sql, statement.params));
  return { ...measured, floorMs, floorStatements: captured.statements.length };
}

/** The year-end computation's statements captured, then each run straight on MariaDB. */
async function yearEndFloor(options: MeasureOptions, appraisal: Connection, scheme: CreatedScheme, units: { id: string; path: string }[]): Promise<Results['floor']> {
  const year = options.facts.year;
  // As the service takes it: the period's last day, or today when the scheme is closed before the period ends.
  const today = calendarDay(Date.now());
  const asOf = today < `${year}-12-31` ? today : `${year}-12-31`;
  const captured = captureComputation(databaseUrl(options.mysqlUrl, options.appraisalDb), {
    indicators: indicatorsOf(scheme), vetoRules: VETO_RULES, units, period: { from: `${year}-01-01`, to: `${year}-12-31`, asOf },
  });
  const statements: FloorStatement[] = [];
  for (const statement of captured.statements) statements.push({ ...statement, floorMs: await clock(() => appraisal.query(statement.sql, statement.params)) });
  return { steps: captured.steps, statements, totalMs: statements.reduce((sum, statement) => sum + statement.floorMs, 0) };
}

async function resultChecks(appraisal: Connection, facts: AppraisalFacts, schemeId: string, units: number): Promise<Results['checks']> {
  const counts = await scalar(appraisal, "SELECT COUNT(*) AS n, SUM(vetoed) AS vetoed, MIN(`rank`) AS best, MAX(`rank`) AS worst FROM appraisal WHERE scheme_id = ? AND stage = 'YEAR_END'", [schemeId]);
  const values = await scalar(appraisal, "SELECT COUNT(*) AS n FROM appraisal_value v JOIN appraisal a ON a.id = v.appraisal_id WHERE a.scheme_id = ? AND a.stage = 'YEAR_END'", [schemeId]);
  const grades = await appraisal.query("SELECT grade, COUNT(*) AS n FROM appraisal WHERE scheme_id = ? AND stage = 'YEAR_END' GROUP BY grade ORDER BY grade", [schemeId]);
  const gradeText = (grades[0] as { grade: string; n: number }[]).map((row) => `${row.grade} ${row.n}`).join(', ');
  // The measured events registered late major hazards at the sample school: it is vetoed too, whether or not the dataset had it so.
  const sample = await scalar(appraisal, "SELECT vetoed FROM appraisal WHERE scheme_id = ? AND stage = 'YEAR_END' AND org_unit_id = ?", [schemeId, facts.samples.school.id]);
  const vetoed = Number(counts.vetoed);
  const expected = facts.vetoFacts.schoolsEither;
  return [
    { name: 'year-end appraisals', ok: Number(counts.n) === units && Number(values.n) === units * INDICATORS.length, detail: `${counts.n} appraisals of ${units} schools, ${values.n} indicator values (${INDICATORS.length} each), ranks ${counts.best}…${counts.worst}; grades: ${gradeText}` },
    {
      name: 'vetoes',
      ok: Number(sample.vetoed) === 1 && (vetoed === expected || vetoed === expected + 1),
      detail: `${vetoed} schools vetoed, «${facts.samples.school.name}» (the measured events' late major hazards) among them; the dataset has ${facts.vetoFacts.schoolsEither} schools with a 重大/特别重大 incident (${facts.vetoFacts.majorIncidentSchools}) or a major hazard reported late or not at all (${facts.vetoFacts.lateMajorHazardSchools} schools, ${facts.vetoFacts.lateMajorHazards} hazards)`,
    },
  ];
}

function dashboards(options: MeasureOptions, clients: Record<'county' | 'school', GraphQLClient>, schemeId: string) {
  const { county, school } = options.facts.samples;
  const fields = 'total grade rank vetoed';
  return [
    { name: `school: orgUnit(«${school.name}») { appraisals(stage: YEAR_END) }`, client: clients.school, query: `query($id: ID!) { orgUnit(id: $id) { id appraisals(stage: YEAR_END) { ${fields} } } }`, variables: { id: school.id } },
    { name: `county: orgUnit(«${county.name}») { children { appraisals(stage: YEAR_END) } }`, client: clients.county, query: `query($id: ID!) { orgUnit(id: $id) { children { id name appraisals(stage: YEAR_END) { ${fields} } } } }`, variables: { id: county.id } },
    { name: 'county: appraisals(schemeId, stage: YEAR_END, first: 20) by rank', client: clients.county, query: `query($s: ID!) { appraisals(schemeId: $s, stage: YEAR_END, first: 20) { totalCount edges { node { ${fields} orgUnit { id name } } } } }`, variables: { s: schemeId } },
    // Probes, not dashboards: how long each service takes to answer at all (its event loop) while the export runs.
    { name: 'probe: { __typename } straight to supervision-appraisal', client: new GraphQLClient(options.appraisalUrl, null, gatewayProofHeaders(options.gatewaySecret)), query: '{ __typename }', variables: {}, probe: true },
    { name: 'probe: { __typename } straight to responsibility-network', client: new GraphQLClient(options.responsibilityUrl, null, gatewayProofHeaders(options.gatewaySecret)), query: '{ __typename }', variables: {}, probe: true },
  ];
}

export async function measureAll(options: MeasureOptions): Promise<Results> {
  const started = Date.now();
  const { facts, log } = options;
  const gateway = new GraphQLClient(options.gatewayUrl);
  const [province, county, school] = await Promise.all([facts.accounts.province, facts.accounts.county, facts.accounts.school].map((name) => gateway.login(name, options.password)));
  const appraisal = await createConnection({ uri: databaseUrl(options.mysqlUrl, options.appraisalDb), timezone: 'Z', dateStrings: ['DATE'] });
  const results: Results = { schemeRuns: [], floor: { steps: [], statements: [], totalMs: 0 }, events: null, exports: null, explains: [], checks: [], server: { version: '', bufferPoolMiB: 0 }, totalSeconds: 0, load: [] };
  const load = (part: string) => results.load.push({ part, load: os.loadavg()[0] });
  try {
    const root = facts.samples.province.path;
    const [unitRows] = await appraisal.query("SELECT id, path FROM org_unit_projection WHERE path > ? AND path < CONCAT(?, '~') AND kind = 'SCHOOL' ORDER BY path", [root, root]);
    const units = unitRows as { id: string; path: string }[];
    let scheme: CreatedScheme | null = null;
    load('year-end runs');
    for (let run = 1; run <= options.yearEndRuns; run++) {
      scheme = await createScheme(province, facts.samples.province.id, facts.year, `${facts.year}年度学校安全工作考核（基准测试 ${new Date().toISOString()} #${run}）`);
      log(`measuring: scheme ${run}/${options.yearEndRuns} — publishAppraisalScheme (process appraisal of ${units.length} schools)`);
      const published = await runScheme(province, scheme.id, 'publish');
      log(`  published in ${Math.round(published.ms)} ms (${published.units} units)`);
      if (run === 1) {
        load('events');
        results.events = await eventLatency(options, { province, school }, appraisal, scheme);
        load('year-end runs (continued)');
      }
      log(`measuring: scheme ${run}/${options.yearEndRuns} — closeAppraisalScheme (year-end appraisal)`);
      const closed = await runScheme(province, scheme.id, 'close');
      log(`  closed in ${Math.round(closed.ms)} ms (${closed.units} units)`);
      results.schemeRuns.push({ publishMs: published.ms, closeMs: closed.ms, units: closed.units });
    }
    results.checks.push(...(await resultChecks(appraisal, facts, scheme!.id, units.length)));
    log('measuring: the year-end statements straight on MariaDB');
    load('year-end floor');
    results.floor = await yearEndFloor(options, appraisal, scheme!, units);
    const bySql = new Map<string, FloorStatement>();
    for (const statement of [...results.floor.statements].sort((a, b) => b.floorMs - a.floorMs)) if (!bySql.has(statement.sql)) bySql.set(statement.sql, statement);
    for (const slow of [...bySql.values()].slice(0, 3)) {
      const [plan] = await appraisal.query(`EXPLAIN ${slow.sql}`, slow.params);
      results.explains.push({ name: slow.step, ms: slow.floorMs, sql: slow.sql, plan: plan as Record<string, unknown>[] });
    }
    log('measuring: the results export');
    load('export');
    const query = `schemeId=${scheme!.id}&stage=YEAR_END`;
    results.exports = await measureExport({
      gatewayUrl: `${options.gatewayUrl.replace(/\/graphql$/, '')}/exports/appraisal-results?${query}`,
      directUrl: `${options.appraisalUrl.replace(/\/graphql$/, '')}/appraisal-results?${query}`,
      directHeaders: gatewayProofHeaders(options.gatewaySecret),
      token: province.token!,
      pid: pidOfApp('supervision-appraisal', Number(new URL(options.appraisalUrl).port)),
      runs: options.exportRuns,
      dashboards: dashboards(options, { county, school }, scheme!.id),
      log,
    });
    const version = await scalar(appraisal, 'SELECT VERSION() AS v, @@innodb_buffer_pool_size AS pool', []);
    results.server = { version: String(version.v), bufferPoolMiB: Math.round(Number(version.pool) / 2 ** 20) };
  } finally {
    await appraisal.end();
  }
  load('end');
  results.totalSeconds = Math.round((Date.now() - started) / 1000);
  return results;
}
