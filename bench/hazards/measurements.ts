import { databaseUrl } from '@campus/database';
import { GraphQLClient } from '@campus/testing';
import { Connection, createConnection } from 'mysql2/promise';
import { DatasetFacts } from './dataset';
import { calendarDay, DAY } from './hazard-lifecycle';
import { hazardStatsStatement, Statement } from './service-statement';

export interface MeasureOptions {
  gatewayUrl: string;
  mysqlUrl: string;
  hazardDb: string;
  responsibilityDb: string;
  facts: DatasetFacts;
  runs: number;
  password: string;
  log: (line: string) => void;
}

export interface Timing {
  p50: number;
  p95: number;
  runs: number;
}

/** One measured operation: through the gateway and as raw SQL on MariaDB. */
export interface Row {
  name: string;
  gateway: Timing | null;
  sql: Timing | null;
  note: string;
}

/** Variants of one raw statement (without an index, without the rollup, …). */
export interface Comparison {
  name: string;
  variants: { label: string; timing: Timing }[];
}

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface Results {
  period: { from: string; to: string };
  ledgerFields: string;
  rows: Row[];
  comparisons: Comparison[];
  checks: Check[];
  server: { version: string; bufferPoolMiB: number };
  statuses: Record<string, number>;
  majorShare: number;
  categories: Record<string, number>;
  totalSeconds: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * p50/p95 of `runs` runs after `warmup` runs. One more warm-up follows a pause: InnoDB moves pages read by a
 * scan into its young list only when they are read again more than innodb_old_blocks_time (1 s) later, so
 * without it a statement would be timed against the pages the previous statement's scans left behind.
 */
export async function timed(runs: number, operation: () => Promise<unknown>, warmup = 3): Promise<Timing> {
  for (let k = 0; k < warmup; k++) await operation();
  await new Promise((resolve) => setTimeout(resolve, 1100));
  await operation();
  const samples: number[] = [];
  for (let k = 0; k < runs; k++) {
    const start = process.hrtime.bigint();
    await operation();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), runs };
}

type SqlRows = Record<string, unknown>[];

async function rows(connection: Connection, statement: Statement): Promise<SqlRows> {
  const [result] = await connection.query(statement.sql, statement.params);
  return result as SqlRows;
}

/** Fields the gateway's Hazard type has (the ledger's selection follows what the supergraph offers). */
async function ledgerSelection(client: GraphQLClient): Promise<string> {
  const data = await client.data<{ __type: { fields: { name: string }[] } }>('{ __type(name: "Hazard") { fields { name } } }');
  const fields = new Set(data.__type.fields.map((field) => field.name));
  const wanted = ['id', 'code', 'title', 'status', 'category', 'grade', 'discoveredAt', 'createdAt', 'deadline'].filter((name) => fields.has(name));
  const references = ['orgUnit', 'responsiblePerson', 'place'].filter((name) => fields.has(name)).map((name) => `${name} { id name }`);
  return [...wanted, ...references].join(' ');
}

interface LedgerFilter {
  status?: string[];
  category?: string[];
}

/** The ledger page as one statement (page + total, as the service sends it), then the names the gateway resolves. */
function ledgerStatement(scopePath: string, unitPath: string, filter: LedgerFilter): Statement {
  const conditions = (alias: string) => [
    `${alias}.org_path LIKE ?`,
    `${alias}.org_path LIKE ?`,
    ...(filter.status ? [`${alias}.status IN (?)`] : []),
    ...(filter.category ? [`${alias}.category IN (?)`] : []),
  ];
  const params = [`${scopePath}%`, `${unitPath}%`, ...(filter.status ? [filter.status] : []), ...(filter.category ? [filter.category] : [])];
  return {
    sql: `SELECT h.*, (SELECT COUNT(*) FROM hazard c WHERE ${conditions('c').join(' AND ')}) AS ledger_total
            FROM hazard h WHERE ${conditions('h').join(' AND ')}
           ORDER BY h.created_at DESC, h.id DESC LIMIT 101`,
    params: [...params, ...params],
  };
}

async function rawLedger(hazard: Connection, responsibility: Connection, statement: Statement): Promise<SqlRows> {
  const page = await rows(hazard, statement);
  const ids = (column: string) => [...new Set(page.map((row) => row[column]).filter(Boolean))];
  for (const [table, column] of [
    ['org_unit', 'org_unit_id'],
    ['person', 'responsible_person_id'],
    ['place', 'place_id'],
  ]) {
    if (ids(column).length) await responsibility.query(`SELECT id, name FROM ${table} WHERE id IN (?)`, [ids(column)]);
  }
  return page;
}

const STATS_FIELDS = 'total rectified rectificationRate onTimeRate overdue averageDaysToClose byStatus { status count } byCategory { category count } byGrade { grade count }';
const UNIT_STATS = `query($id: ID!, $from: CalendarDate!, $to: CalendarDate!) { orgUnit(id: $id) { id name hazardStats(from: $from, to: $to) { ${STATS_FIELDS} } } }`;
const ALL_SCHOOLS = `query($id: ID!, $from: CalendarDate!, $to: CalendarDate!) { orgUnit(id: $id) { children { children { children {
  id kind hazardStats(from: $from, to: $to) { total rectified rectificationRate onTimeRate overdue averageDaysToClose } } } } } }`;

interface StatsAnswer {
  total: number;
  rectified: number;
  overdue: number;
  byStatus: { status: string; count: number }[];
}

/** The same counts straight from the hazards (no rollup): by status, category and grade, with the loop's timings. */
function baseStatsStatement(unitPath: string, from: string, to: string, ignore = ''): Statement {
  return {
    sql: `SELECT h.status, h.category, h.grade, COUNT(*) AS n, SUM(h.accepted_on_time IS NOT NULL) AS accepted_with_deadline,
                 SUM(h.accepted_on_time) AS accepted_on_time, SUM(h.closed_at IS NOT NULL) AS closed,
                 SUM(TIMESTAMPDIFF(MICROSECOND, h.discovered_at, h.closed_at) DIV 1000) AS close_ms
            FROM hazard h ${ignore}
           WHERE h.org_path LIKE ? AND h.status <> 'VOIDED' AND h.discovered_at >= ? AND h.discovered_at < ?
           GROUP BY h.status, h.category, h.grade`,
    params: [`${unitPath}%`, startOfDay(from), startOfDay(to, 1)],
  };
}

/** Open hazards past their deadline, straight from the hazards. */
function baseOverdueStatement(unitPath: string, from: string, to: string, today: string, ignore = ''): Statement {
  return {
    sql: `SELECT COUNT(*) AS overdue FROM hazard h ${ignore}
           WHERE h.org_path LIKE ? AND h.status IN ('REPORTED', 'RECTIFYING', 'PENDING_ACCEPTANCE') AND h.deadline < ?
             AND h.discovered_at >= ? AND h.discovered_at < ?`,
    params: [`${unitPath}%`, today, startOfDay(from), startOfDay(to, 1)],
  };
}

function startOfDay(day: string, plusDays = 0): Date {
  return new Date(Date.parse(`${day}T00:00:00+08:00`) + plusDays * DAY);
}

/** The statement hazardStats ran before hazard_monthly: one row per hazard, joined with its plan and steps. */
function originalStatsStatement(unitPath: string, from: string, to: string): Statement {
  return {
    sql: `SELECT h.status, h.category, h.grade, h.discovered_at, p.deadline,
                 MIN(CASE WHEN s.to_status = 'ACCEPTED' THEN s.at END) AS accepted_at,
                 MIN(CASE WHEN s.to_status = 'CLOSED' THEN s.at END) AS closed_at
            FROM hazard h LEFT JOIN hazard_plan p ON p.hazard_id = h.id LEFT JOIN hazard_step s ON s.hazard_id = h.id
           WHERE h.org_path LIKE ? AND h.org_path LIKE ? AND h.status <> 'VOIDED' AND h.discovered_at >= ? AND h.discovered_at < ?
           GROUP BY h.id, p.deadline`,
    params: [`${unitPath}%`, `${unitPath}%`, startOfDay(from), startOfDay(to, 1)],
  };
}

function statsAgree(answer: StatsAnswer, base: SqlRows, overdue: number): string | null {
  const byStatus = new Map<string, number>();
  for (const row of base) byStatus.set(String(row.status), (byStatus.get(String(row.status)) ?? 0) + Number(row.n));
  const total = [...byStatus.values()].reduce((a, b) => a + b, 0);
  const differences: string[] = [];
  if (answer.total !== total) differences.push(`total ${answer.total} ≠ ${total}`);
  if (answer.overdue !== overdue) differences.push(`overdue ${answer.overdue} ≠ ${overdue}`);
  for (const { status, count } of answer.byStatus) if (byStatus.get(status) !== count) differences.push(`${status} ${count} ≠ ${byStatus.get(status)}`);
  return differences.length ? differences.join(', ') : null;
}

/** Replaces the service statement's reads of hazard with reads that may not use `index` (for before/after figures). */
function withoutIndex(statement: Statement, index: string): Statement {
  return { ...statement, sql: statement.sql.replace(/FROM hazard (\w)\s+WHERE/g, `FROM hazard $1 IGNORE INDEX (${index}) WHERE`) };
}

export async function measureAll(options: MeasureOptions): Promise<Results> {
  const started = Date.now();
  const { facts, runs, log } = options;
  const gateway = new GraphQLClient(options.gatewayUrl);
  const [province, county, school] = await Promise.all(
    [facts.accounts.province, facts.accounts.county, facts.accounts.school].map((username) => gateway.login(username, options.password)),
  );
  const hazard = await createConnection({ uri: databaseUrl(options.mysqlUrl, options.hazardDb), timezone: 'Z' });
  const responsibility = await createConnection({ uri: databaseUrl(options.mysqlUrl, options.responsibilityDb), timezone: 'Z' });
  const now = new Date();
  const to = calendarDay(now.getTime());
  const from = calendarDay(now.getTime() - 364 * DAY);
  const allTime = calendarDay(now.getTime() - 3 * 366 * DAY);
  const results: Results = {
    period: { from, to },
    ledgerFields: await ledgerSelection(province),
    rows: [],
    comparisons: [],
    checks: [],
    server: { version: '', bufferPoolMiB: 0 },
    statuses: {},
    majorShare: 0,
    categories: {},
    totalSeconds: 0,
  };
  const { samples } = facts;
  const viewers = [
    { label: 'school', client: school, unit: samples.school, scope: samples.school.path },
    { label: 'county', client: county, unit: samples.county, scope: samples.county.path },
    { label: 'province', client: province, unit: samples.province, scope: samples.province.path },
  ];
  try {
    const ledgerQuery = `query($filter: HazardLedgerFilter!) { hazards(first: 100, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${results.ledgerFields} } } } }`;
    const ledgerCases: { name: string; viewer: (typeof viewers)[number]; filter: LedgerFilter }[] = [
      ...viewers.map((viewer) => ({ name: `ledger first page (100), ${viewer.label}`, viewer, filter: {} })),
      { name: 'ledger filtered (RECTIFYING + FIRE), county', viewer: viewers[1], filter: { status: ['RECTIFYING'], category: ['FIRE'] } },
      { name: 'ledger filtered (RECTIFYING + FIRE), province', viewer: viewers[2], filter: { status: ['RECTIFYING'], category: ['FIRE'] } },
    ];
    for (const { name, viewer, filter } of ledgerCases) {
      log(`measuring: ${name}`);
      const variables = { filter: { orgUnitId: viewer.unit.id, includeSubtree: true, ...filter } };
      const statement = ledgerStatement(viewer.scope, viewer.unit.path, filter);
      const answer = await viewer.client.data<{ hazards: { totalCount: number; edges: unknown[] } }>(ledgerQuery, variables);
      const raw = await rawLedger(hazard, responsibility, statement);
      const expected = raw.length ? Number(raw[0].ledger_total) : 0;
      results.checks.push({
        name,
        ok: answer.hazards.totalCount === expected && answer.hazards.edges.length === Math.min(100, raw.length),
        detail: `totalCount ${answer.hazards.totalCount} (SQL ${expected}), ${answer.hazards.edges.length} rows`,
      });
      results.rows.push({
        name,
        gateway: await timed(runs, () => viewer.client.data(ledgerQuery, variables)),
        sql: await timed(runs, () => rawLedger(hazard, responsibility, statement)),
        note: `${expected} hazards match`,
      });
    }

    // A page that does not ask for totalCount skips the count (the bulk of a bureau's first page).
    const provinceViewer = viewers[2];
    const pageOnlyQuery = `query($filter: HazardLedgerFilter!) { hazards(first: 100, filter: $filter) { pageInfo { hasNextPage endCursor } edges { node { ${results.ledgerFields} } } } }`;
    const pageOnlyVariables = { filter: { orgUnitId: provinceViewer.unit.id, includeSubtree: true } };
    log('measuring: ledger first page (100) without totalCount, province');
    results.rows.push({
      name: 'ledger first page (100) without totalCount, province',
      gateway: await timed(runs, () => provinceViewer.client.data(pageOnlyQuery, pageOnlyVariables)),
      sql: await timed(runs, () => rawLedger(hazard, responsibility, { sql: 'SELECT h.* FROM hazard h WHERE h.org_path LIKE ? ORDER BY h.created_at DESC, h.id DESC LIMIT 101', params: [`${provinceViewer.unit.path}%`] })),
      note: 'the page alone, no count',
    });

    const statsCases = [
      ...viewers.map((viewer) => ({ name: `hazardStats, ${viewer.label}, last 365 days`, viewer, from })),
      { name: 'hazardStats, province, 3 years', viewer: viewers[2], from: allTime },
    ];
    for (const { name, viewer, from: start } of statsCases) {
      log(`measuring: ${name}`);
      const variables = { id: viewer.unit.id, from: start, to };
      const statement = hazardStatsStatement([viewer.unit.path], start, to, now);
      const answer = (await viewer.client.data<{ orgUnit: { hazardStats: StatsAnswer } }>(UNIT_STATS, variables)).orgUnit.hazardStats;
      const [{ overdue }] = await rows(hazard, baseOverdueStatement(viewer.unit.path, start, to, to));
      const difference = statsAgree(answer, await rows(hazard, baseStatsStatement(viewer.unit.path, start, to)), Number(overdue));
      results.checks.push({ name, ok: difference === null, detail: difference ?? `total ${answer.total}, overdue ${answer.overdue}: as counted from the hazards` });
      results.rows.push({
        name,
        gateway: await timed(runs, () => viewer.client.data(UNIT_STATS, variables)),
        sql: await timed(runs, () => rows(hazard, statement)),
        note: `${answer.total} hazards in the period`,
      });
    }

    log('measuring: all-schools rollup');
    const [schoolRows] = await responsibility.query(`SELECT path FROM org_unit WHERE kind = 'SCHOOL' AND path LIKE ?`, [`${samples.province.path}%`]);
    const schoolPaths = (schoolRows as { path: string }[]).map((row) => row.path);
    const allSchools = hazardStatsStatement(schoolPaths, from, to, now);
    const allVariables = { id: samples.province.id, from, to };
    type Tree = { orgUnit: { children: { children: { children: { kind: string; hazardStats: StatsAnswer }[] }[] }[] } };
    const tree = await province.data<Tree>(ALL_SCHOOLS, allVariables);
    const schools = tree.orgUnit.children.flatMap((city) => city.children.flatMap((countyUnit) => countyUnit.children)).filter((unit) => unit.kind === 'SCHOOL');
    const provinceTotal = (await province.data<{ orgUnit: { hazardStats: StatsAnswer } }>(UNIT_STATS, allVariables)).orgUnit.hazardStats.total;
    const sum = schools.reduce((total, unit) => total + unit.hazardStats.total, 0);
    results.checks.push({
      name: 'all-schools rollup',
      ok: schools.length === schoolPaths.length && sum === provinceTotal,
      detail: `${schools.length} schools, their totals sum to ${sum} (province ${provinceTotal})`,
    });
    results.rows.push({
      name: `hazardStats of all ${schoolPaths.length} schools in one query, last 365 days`,
      gateway: await timed(Math.max(5, Math.round(runs / 3)), () => province.data(ALL_SCHOOLS, allVariables), 2),
      sql: await timed(runs, () => rows(hazard, allSchools)),
      note: 'orgUnit(province) { children { children { children { hazardStats } } } }',
    });

    log('measuring: before/after variants (raw SQL)');
    const few = Math.max(3, Math.round(runs / 6));
    const provincePath = samples.province.path;
    const provinceStats = hazardStatsStatement([provincePath], from, to, now);
    results.comparisons.push({
      name: 'hazardStats, province, last 365 days',
      variants: [
        { label: 'original (a row per hazard, joined with steps and plan; no step rows in this dataset)', timing: await timed(1, () => rows(hazard, originalStatsStatement(provincePath, from, to)), 1) },
        {
          label: 'aggregate over hazard + overdue count, without the new indexes',
          timing: await timed(few, async () => {
            const ignore = 'IGNORE INDEX (ix_hazard_discovered, ix_hazard_open)';
            await rows(hazard, baseStatsStatement(provincePath, from, to, ignore));
            await rows(hazard, baseOverdueStatement(provincePath, from, to, to, ignore));
          }, 1),
        },
        {
          label: 'the same with them (covering)',
          timing: await timed(few, async () => {
            await rows(hazard, baseStatsStatement(provincePath, from, to));
            await rows(hazard, baseOverdueStatement(provincePath, from, to, to));
          }, 1),
        },
        { label: 'hazard_monthly + partial months + overdue (the service)', timing: await timed(few, () => rows(hazard, provinceStats), 1) },
      ],
    });
    results.comparisons.push({
      name: 'hazardStats, province, last 365 days (the service statement)',
      variants: [
        { label: 'without ix_hazard_discovered', timing: await timed(few, () => rows(hazard, withoutIndex(provinceStats, 'ix_hazard_discovered')), 1) },
        { label: 'without ix_hazard_open', timing: await timed(few, () => rows(hazard, withoutIndex(provinceStats, 'ix_hazard_open')), 1) },
        { label: 'with both', timing: await timed(few, () => rows(hazard, provinceStats), 1) },
      ],
    });
    const pageOnly = (ignore: string): Statement => ({
      sql: `SELECT h.* FROM hazard h ${ignore} WHERE h.org_path LIKE ? ORDER BY h.created_at DESC, h.id DESC LIMIT 101`,
      params: [`${provincePath}%`],
    });
    results.comparisons.push({
      name: 'ledger, province: the page and the total separately',
      variants: [
        { label: 'page without ix_hazard_recent (created_at, id)', timing: await timed(few, () => rows(hazard, pageOnly('IGNORE INDEX (ix_hazard_recent)')), 1) },
        { label: 'page with it', timing: await timed(few, () => rows(hazard, pageOnly('')), 1) },
        {
          label: 'total: COUNT(*) of the subtree',
          timing: await timed(few, () => rows(hazard, { sql: 'SELECT COUNT(*) AS n FROM hazard WHERE org_path LIKE ?', params: [`${provincePath}%`] }), 1),
        },
        {
          label: 'total from hazard_monthly (all months)',
          timing: await timed(few, () => rows(hazard, { sql: 'SELECT SUM(hazards + status_voided) AS n FROM hazard_monthly WHERE org_path LIKE ?', params: [`${provincePath}%`] }), 1),
        },
      ],
    });
    results.comparisons.push({
      name: 'all-schools rollup, last 365 days',
      variants: [
        {
          label: 'aggregate over hazard grouped by school',
          timing: await timed(few, () => rows(hazard, {
            sql: `SELECT LEFT(org_path, ?) AS school, status, COUNT(*) AS n FROM hazard WHERE org_path LIKE ? AND discovered_at >= ? AND discovered_at < ? GROUP BY school, status`,
            params: [schoolPaths[0].length, `${provincePath}%`, startOfDay(from), startOfDay(to, 1)],
          }), 1),
        },
        { label: 'the service statement (hazard_monthly)', timing: await timed(few, () => rows(hazard, allSchools), 1) },
      ],
    });

    const [version] = (await hazard.query("SELECT VERSION() AS v, @@innodb_buffer_pool_size AS pool"))[0] as { v: string; pool: string }[];
    results.server = { version: version.v, bufferPoolMiB: Math.round(Number(version.pool) / 2 ** 20) };
    const [counts] = await hazard.query(
      `SELECT ${['DISCOVERED', 'REGISTERED', 'REPORTED', 'RECTIFYING', 'PENDING_ACCEPTANCE', 'ACCEPTED', 'CLOSED', 'ARCHIVED', 'VOIDED']
        .map((status) => `SUM(status_${status.toLowerCase()}) AS ${status}`)
        .join(', ')}, SUM(grade_major) AS major, SUM(hazards) AS hazards FROM hazard_monthly`,
    );
    const totals = (counts as Record<string, string>[])[0];
    for (const [key, value] of Object.entries(totals)) if (!['major', 'hazards'].includes(key)) results.statuses[key] = Number(value);
    results.majorShare = Number(totals.major) / Number(totals.hazards);
    const categoryColumns = ['FIRE', 'ELECTRICAL', 'BUILDING', 'FOOD', 'SECURITY', 'LAB_CHEMICAL', 'TRAFFIC', 'SPECIAL_EQUIPMENT', 'GAS', 'CONSTRUCTION', 'SURROUNDINGS', 'PUBLIC_HEALTH', 'NETWORK', 'PSYCHOLOGICAL', 'OTHER'];
    const [categoryRows] = await hazard.query(`SELECT ${categoryColumns.map((c) => `SUM(category_${c.toLowerCase()}) AS ${c}`).join(', ')} FROM hazard_monthly`);
    for (const [key, value] of Object.entries((categoryRows as Record<string, string>[])[0])) results.categories[key] = Number(value);
  } finally {
    await hazard.end();
    await responsibility.end();
  }
  results.totalSeconds = Math.round((Date.now() - started) / 1000);
  return results;
}
