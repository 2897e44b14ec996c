import { PhaseClock } from '../bench-run';
import { hashPassword, Role } from '@campus/auth';
import { databaseUrl } from '@campus/database';
import { Connection, createConnection } from 'mysql2/promise';
import { calendarDay, DiscoveryCalendar, GeneratedHazard, generateHazard } from './hazard-lifecycle';
import { Cell, ParallelLoader, sqlTime, tsvLine } from './loader';
import { buildOrgTree, OrgTree, School, Unit } from './org-tree';
import { ProgressBar } from './progress';
import { apportion, Random } from './random';

/** Bumped whenever the generator changes what it writes: an older marker means regenerate. */
export const GENERATOR_VERSION = 3;
const MARKER_TABLE = 'bench_dataset';

export interface DatasetOptions {
  mysqlUrl: string;
  responsibilityDb: string;
  hazardDb: string;
  schools: number;
  hazards: number;
  years: number;
  seed: number;
  password: string;
  /** Parallel LOAD DATA connections. */
  connections: number;
}

export interface SampleUnit {
  id: string;
  name: string;
  path: string;
  hazards: number;
}

export interface DatasetFacts {
  generator: number;
  seed: number;
  generatedAt: string;
  generationSeconds: number;
  /** Seconds per phase of the generation. */
  phases: Record<string, number>;
  rows: Record<string, number>;
  samples: { province: SampleUnit; county: SampleUnit; school: SampleUnit };
  accounts: { province: string; county: string; school: string };
  hazardsPerSchool: { min: number; p50: number; p90: number; p99: number; max: number };
}

/** The facts of the dataset already in the bench databases, or null when there is none (or an older one). */
export async function existingDataset(mysqlUrl: string, hazardDb: string, options: Pick<DatasetOptions, 'schools' | 'hazards'>): Promise<DatasetFacts | null> {
  const connection = await createConnection({ uri: databaseUrl(mysqlUrl, hazardDb) });
  try {
    const [tables] = await connection.query('SHOW TABLES LIKE ?', [MARKER_TABLE]);
    if ((tables as unknown[]).length === 0) return null;
    const [rows] = await connection.query(`SELECT facts FROM ${MARKER_TABLE} WHERE id = 1`);
    const facts = (rows as { facts: string }[])[0] ? (JSON.parse((rows as { facts: string }[])[0].facts) as DatasetFacts) : null;
    const fits = facts && facts.generator === GENERATOR_VERSION && facts.rows.hazard === options.hazards && facts.rows.school === options.schools;
    return fits ? facts : null;
  } finally {
    await connection.end();
  }
}

/** Multi-row INSERTs of up to 1000 rows. */
export async function insertRows(connection: Connection, table: string, columns: string[], rows: Cell[][], suffix = ''): Promise<void> {
  for (let start = 0; start < rows.length; start += 1000) {
    const chunk = rows.slice(start, start + 1000);
    const placeholders = chunk.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ');
    await connection.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${placeholders} ${suffix}`, chunk.flat());
  }
}

export async function rootUnit(responsibility: Connection): Promise<Unit> {
  const [rows] = await responsibility.query('SELECT id, code, name, kind, path, depth FROM org_unit WHERE parent_id IS NULL');
  const root = (rows as Unit[])[0];
  if (!root) throw new Error('the responsibility database has no root unit: start the platform once to bootstrap it');
  return { ...root, parentId: null, kind: 'BUREAU' };
}

/** Units, people, places and two accounts in responsibility-network; the unit projection in hazard-tracking. */
export async function writeOrganisation(responsibility: Connection, hazard: Connection, tree: OrgTree, accounts: { county: Unit; school: School }, password: string): Promise<void> {
  await insertRows(
    responsibility,
    'org_unit',
    ['id', 'code', 'name', 'kind', 'parent_id', 'path', 'depth', 'version'],
    tree.units.map((unit) => [unit.id, unit.code, unit.name, unit.kind, unit.parentId, unit.path, unit.depth, 1]),
  );
  await insertRows(
    responsibility,
    'person',
    ['id', 'name', 'kind', 'org_unit_id', 'org_path', 'phone', 'position', 'active', 'version'],
    tree.people.map((person, n) => [person.id, person.name, 'STAFF', person.unit.id, person.unit.path, `139${String(n).padStart(8, '0')}`, person.position, 1, 1]),
  );
  await insertRows(
    responsibility,
    'place',
    ['id', 'org_unit_id', 'org_path', 'name', 'kind', 'place_function', 'key_place', 'active', 'version'],
    tree.places.map((place) => [place.id, place.unit.id, place.unit.path, place.name, place.kind, place.function, place.keyPlace ? 1 : 0, 1, 1]),
  );
  const passwordHash = await hashPassword(password);
  const logins: [string, string | null, Role, Unit][] = [
    ['county.admin', null, Role.BUREAU_ADMIN, accounts.county],
    ['school.office', accounts.school.staff[1].id, Role.SAFETY_OFFICE, accounts.school.unit],
  ];
  for (const [username, personId, role, unit] of logins) {
    const accountId = new Random(username.length * 7919).hex(32);
    await insertRows(responsibility, 'account', ['id', 'username', 'password_hash', 'person_id', 'active'], [[accountId, username, passwordHash, personId, 1]]);
    await insertRows(responsibility, 'role_grant', ['id', 'account_id', 'role', 'org_unit_id'], [[new Random(username.length * 104729).hex(32), accountId, role, unit.id]]);
  }
  await insertRows(
    hazard,
    'org_unit_projection',
    ['id', 'path', 'name', 'code', 'kind'],
    [tree.root, ...tree.units].map((unit) => [unit.id, unit.path, unit.name, unit.code, unit.kind]),
    'ON DUPLICATE KEY UPDATE path = VALUES(path), name = VALUES(name), code = VALUES(code), kind = VALUES(kind)',
  );
}

const HAZARD_COLUMNS = [
  'id', 'code', 'title', 'description', 'category', 'grade', 'source', 'status', 'place_text', 'discovered_at',
  'discovered_by_person_id', 'registered_by_account_id', 'org_unit_id', 'org_path', 'version', 'created_at', 'updated_at',
  'void_reason', 'failed_acceptances', 'rectified_by_person_id', 'place_id', 'responsible_person_id', 'deadline',
  'accepted_at', 'closed_at', 'accepted_on_time', 'rollup_status', 'rollup_category', 'rollup_grade',
];
const PLAN_COLUMNS = [
  'hazard_id', 'responsible_person_id', 'measures', 'deadline', 'contingency_plan', 'funds', 'upward_report_note',
  'reported_upward_at', 'interim_measures', 'submitted_by_account_id', 'submitted_at',
];

function hazardLine(h: GeneratedHazard): string {
  const time = (ms: number | null) => (ms === null ? null : sqlTime(ms));
  return tsvLine([
    h.id, h.code, h.title, h.description, h.category, h.grade, h.source, h.status, h.placeText, sqlTime(h.discoveredAt),
    h.discoveredByPersonId, h.registeredByAccountId, h.unit.id, h.unit.path, h.version, sqlTime(h.createdAt), sqlTime(h.updatedAt),
    h.voidReason, h.failedAcceptances, h.rectifiedByPersonId, h.placeId, h.plan?.responsiblePersonId ?? null, h.plan?.deadline ?? null,
    time(h.acceptedAt), time(h.closedAt), h.acceptedOnTime, h.status, h.category, h.grade,
  ]);
}

function planLine(h: GeneratedHazard): string {
  const plan = h.plan!;
  return tsvLine([
    h.id, plan.responsiblePersonId, plan.measures, plan.deadline, plan.contingencyPlan, plan.funds, plan.upwardReportNote,
    plan.reportedUpwardAt === null ? null : sqlTime(plan.reportedUpwardAt), plan.interimMeasures, h.registeredByAccountId, sqlTime(plan.submittedAt),
  ]);
}

/**
 * The table's secondary indexes as ADD clauses, read from information_schema so the bench follows whatever
 * the migrations created. Loading without them and building them afterwards (sorted, in one ALTER) is
 * several times faster than maintaining them row by row.
 */
export async function secondaryIndexes(connection: Connection, database: string, table: string): Promise<{ name: string; add: string }[]> {
  const [rows] = await connection.query(
    `SELECT index_name AS name, non_unique AS nonUnique, column_name AS col, sub_part AS part
       FROM information_schema.statistics
      WHERE table_schema = ? AND table_name = ? AND index_name <> 'PRIMARY'
      ORDER BY index_name, seq_in_index`,
    [database, table],
  );
  const indexes = new Map<string, { unique: boolean; columns: string[] }>();
  for (const row of rows as { name: string; nonUnique: number; col: string; part: number | null }[]) {
    const index = indexes.get(row.name) ?? { unique: Number(row.nonUnique) === 0, columns: [] };
    index.columns.push(row.part ? `${row.col}(${row.part})` : row.col);
    indexes.set(row.name, index);
  }
  return [...indexes.entries()].map(([name, index]) => ({ name, add: `ADD ${index.unique ? 'UNIQUE ' : ''}KEY ${name} (${index.columns.join(', ')})` }));
}

/** Rows of one load chunk, per table. */
class Chunk {
  hazards: string[] = [];
  plans: string[] = [];
  overdue: string[] = [];
  escalations: string[] = [];

  add(h: GeneratedHazard): void {
    this.hazards.push(hazardLine(h));
    if (h.plan) this.plans.push(planLine(h));
    if (h.escalations.length) this.overdue.push(tsvLine([h.id, h.plan!.deadline, sqlTime(h.escalations[0].at + 5 * 60_000)]));
    for (const escalation of h.escalations) this.escalations.push(tsvLine([h.id, escalation.tier, sqlTime(escalation.at + 5 * 60_000), h.plan!.deadline]));
  }
}


/** Generates every school's hazards (codes numbered per school and year in discovery order) and loads them in chunks. */
async function loadHazards(options: DatasetOptions, tree: OrgTree, counts: number[], random: Random, now: number): Promise<Record<string, number>> {
  const calendar = new DiscoveryCalendar(now, options.years);
  const loader = await ParallelLoader.open(databaseUrl(options.mysqlUrl, options.hazardDb), options.connections);
  const progress = new ProgressBar(options.hazards, 'hazards');
  const rows: Record<string, number> = { hazard: 0, hazard_plan: 0, hazard_overdue: 0, hazard_escalation: 0, hazard_code_counter: 0 };
  const counters: Cell[][] = [];
  let loaded = 0;
  let sequence = 0;
  let chunk = new Chunk();
  const flush = async () => {
    const size = chunk.hazards.length;
    const { hazards, plans, overdue, escalations } = chunk;
    chunk = new Chunk();
    await loader.submit('hazard', HAZARD_COLUMNS, hazards, () => progress.update((loaded += size)));
    await loader.submit('hazard_plan', PLAN_COLUMNS, plans);
    await loader.submit('hazard_overdue', ['hazard_id', 'deadline', 'detected_at'], overdue);
    await loader.submit('hazard_escalation', ['hazard_id', 'tier', 'escalated_at', 'deadline'], escalations);
  };
  try {
    for (const [index, school] of tree.schools.entries()) {
      const registrar = random.hex(32);
      const times = Array.from({ length: counts[index] }, () => calendar.draw(random)).sort((a, b) => a - b);
      const perYear = new Map<number, number>();
      for (const discoveredAt of times) {
        const year = Number(calendarDay(discoveredAt).slice(0, 4));
        const number = (perYear.get(year) ?? 0) + 1;
        perYear.set(year, number);
        // Ascending ids: the clustered index grows at its end, as a real table's would in id order.
        const id = `${(++sequence).toString(16).padStart(12, '0')}${random.hex(20)}`;
        const code = `${school.unit.code}-YH-${year}-${String(number).padStart(4, '0')}`;
        const hazard = generateHazard({ random, now, school, registrar, id, code, discoveredAt });
        chunk.add(hazard);
        rows.hazard++;
        if (hazard.plan) rows.hazard_plan++;
        if (hazard.escalations.length) rows.hazard_overdue++;
        rows.hazard_escalation += hazard.escalations.length;
        if (chunk.hazards.length >= 5000) await flush();
      }
      for (const [year, last] of perYear) counters.push([school.unit.id, year, last]);
    }
    await flush();
    await loader.drain();
    progress.finish();
  } finally {
    await loader.close();
  }
  const hazard = await createConnection({ uri: databaseUrl(options.mysqlUrl, options.hazardDb) });
  try {
    await insertRows(hazard, 'hazard_code_counter', ['numbering_unit_id', 'year', 'last_value'], counters);
    rows.hazard_code_counter = counters.length;
  } finally {
    await hazard.end();
  }
  return rows;
}

const STATUSES = ['DISCOVERED', 'REGISTERED', 'REPORTED', 'RECTIFYING', 'PENDING_ACCEPTANCE', 'ACCEPTED', 'CLOSED', 'ARCHIVED', 'VOIDED'];
const CATEGORIES = ['FIRE', 'BUILDING', 'FOOD', 'TRAFFIC', 'LAB_CHEMICAL', 'SPECIAL_EQUIPMENT', 'ELECTRICAL', 'GAS', 'CONSTRUCTION', 'PUBLIC_HEALTH', 'NETWORK', 'SECURITY', 'SURROUNDINGS', 'PSYCHOLOGICAL', 'OTHER'];

/**
 * hazard_monthly, filled from the loaded hazards as the service's migration fills it from existing ones (the
 * generator writes the hazards directly, past the service's per-change upkeep). The bench checks the
 * service's answers against counts straight from the hazards.
 */
async function fillMonthlyRollup(hazard: Connection): Promise<number> {
  const notVoided = "status <> 'VOIDED'";
  const counters: [string, string][] = [
    ['hazards', `SUM(${notVoided})`],
    ...STATUSES.map((status): [string, string] => [`status_${status.toLowerCase()}`, `SUM(status = '${status}')`]),
    ...CATEGORIES.map((category): [string, string] => [`category_${category.toLowerCase()}`, `SUM(${notVoided} AND category = '${category}')`]),
    ['grade_general', `SUM(${notVoided} AND grade = 'GENERAL')`],
    ['grade_major', `SUM(${notVoided} AND grade = 'MAJOR')`],
    ['accepted_with_deadline', 'SUM(accepted_on_time IS NOT NULL)'],
    ['accepted_on_time', 'COALESCE(SUM(accepted_on_time), 0)'],
    ['closed', 'SUM(closed_at IS NOT NULL)'],
    ['close_ms', 'COALESCE(SUM(TIMESTAMPDIFF(MICROSECOND, discovered_at, closed_at) DIV 1000), 0)'],
  ];
  const month = "DATE_FORMAT(discovered_at + INTERVAL 8 HOUR, '%Y-%m-01')";
  await hazard.query('DELETE FROM hazard_monthly');
  const [result] = await hazard.query(
    `INSERT INTO hazard_monthly (org_path, month, ${counters.map(([name]) => name).join(', ')})
     SELECT org_path, ${month}, ${counters.map(([, sum]) => sum).join(', ')} FROM hazard GROUP BY org_path, ${month}`,
  );
  return Number((result as { affectedRows: number }).affectedRows);
}

export function percentiles(values: number[]): DatasetFacts['hazardsPerSchool'] {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return { min: sorted[0], p50: at(0.5), p90: at(0.9), p99: at(0.99), max: sorted[sorted.length - 1] };
}

/** The county closest to the average county size and its largest school: typical dashboards to measure. */
function pickSamples(tree: OrgTree, perSchool: Map<School, number>): { county: Unit; school: School; countyHazards: number } {
  const perCounty = new Map<Unit, number>();
  for (const [school, count] of perSchool) perCounty.set(school.county, (perCounty.get(school.county) ?? 0) + count);
  const mean = [...perCounty.values()].reduce((a, b) => a + b, 0) / perCounty.size;
  const [county, countyHazards] = [...perCounty.entries()].sort((a, b) => Math.abs(a[1] - mean) - Math.abs(b[1] - mean))[0];
  const school = [...perSchool.entries()].filter(([candidate]) => candidate.county === county).sort((a, b) => b[1] - a[1])[0][0];
  return { county, school, countyHazards };
}

/** Writes the whole dataset into the (migrated, bootstrapped, otherwise empty) bench databases. */
export async function generateDataset(options: DatasetOptions, log: (line: string) => void): Promise<DatasetFacts> {
  const started = Date.now();
  const random = new Random(options.seed);
  const responsibility = await createConnection({ uri: databaseUrl(options.mysqlUrl, options.responsibilityDb) });
  const hazard = await createConnection({ uri: databaseUrl(options.mysqlUrl, options.hazardDb) });
  try {
    const root = await rootUnit(responsibility);
    const tree = buildOrgTree(random, root, options.schools);
    log(`organisation: ${tree.cities.length} cities, ${tree.counties.length} counties, ${tree.schools.length} schools, ${tree.units.length + 1} units`);
    const now = Date.now();
    // Hazards per school follow the school weights (long tail), so the samples are known before drawing them.
    const plannedCounts = apportion(options.hazards, tree.schools.map((school) => school.weight), 20);
    const planned = new Map(tree.schools.map((school, index) => [school, plannedCounts[index]]));
    const { county, school, countyHazards } = pickSamples(tree, planned);
    const clock = new PhaseClock();
    const { phases } = clock;
    await writeOrganisation(responsibility, hazard, tree, { county, school }, options.password);
    clock.phase('organisation, people, places, accounts');
    const indexes = await secondaryIndexes(hazard, options.hazardDb, 'hazard');
    await hazard.query(`ALTER TABLE hazard ${indexes.map((index) => `DROP KEY ${index.name}`).join(', ')}`);
    log(`loading ${options.hazards} hazards over ${options.connections} connections`);
    const rows = await loadHazards(options, tree, plannedCounts, random, now);
    clock.phase('hazards, plans, escalations (LOAD DATA)');
    log(`building the hazard table's ${indexes.length} secondary indexes`);
    await hazard.query(`ALTER TABLE hazard ${indexes.map((index) => index.add).join(', ')}`);
    clock.phase(`the hazard table's ${indexes.length} secondary indexes`);
    log('filling hazard_monthly from the hazards');
    rows.hazard_monthly = await fillMonthlyRollup(hazard);
    await hazard.query('ANALYZE TABLE hazard, hazard_plan, hazard_monthly');
    clock.phase('hazard_monthly from the hazards, ANALYZE');
    const facts: DatasetFacts = {
      generator: GENERATOR_VERSION,
      seed: options.seed,
      generatedAt: new Date(now).toISOString(),
      generationSeconds: Math.round((Date.now() - started) / 100) / 10,
      phases,
      rows: { ...rows, city: tree.cities.length, county: tree.counties.length, school: tree.schools.length, org_unit: tree.units.length + 1, person: tree.people.length, place: tree.places.length },
      samples: {
        province: { id: root.id, name: root.name, path: root.path, hazards: options.hazards },
        county: { id: county.id, name: county.name, path: county.path, hazards: countyHazards },
        school: { id: school.unit.id, name: school.unit.name, path: school.unit.path, hazards: planned.get(school)! },
      },
      accounts: { province: 'province.admin', county: 'county.admin', school: 'school.office' },
      hazardsPerSchool: percentiles(plannedCounts),
    };
    await hazard.query(`CREATE TABLE IF NOT EXISTS ${MARKER_TABLE} (id INT NOT NULL PRIMARY KEY, facts LONGTEXT NOT NULL)`);
    await hazard.query(`REPLACE INTO ${MARKER_TABLE} (id, facts) VALUES (1, ?)`, [JSON.stringify(facts)]);
    return facts;
  } finally {
    await responsibility.end();
    await hazard.end();
  }
}
