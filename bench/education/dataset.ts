import { PhaseClock } from '../bench-run';
import { databaseUrl } from '@campus/database';
import { ROOT } from '@campus/platform';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Connection, createConnection } from 'mysql2/promise';
import { insertRows, percentiles, rootUnit, secondaryIndexes, writeOrganisation } from '../hazards/dataset';
import { ParallelLoader, sqlTime, tsvLine } from '../hazards/loader';
import { buildOrgTree, OrgTree, School, Unit } from '../hazards/org-tree';
import { ProgressBar } from '../hazards/progress';
import { apportion, Random } from '../hazards/random';
import {
  activityTitle, attendanceCount, calendarDay, DAY, drawDistinct, eligibleActivities, GeneratedActivity, IdSequence, SchoolCalendar, schoolActivities, schoolPeople,
} from './people';

/**
 * The service's own migration code fills the rollup (the compiled fillCoverageRollup, in a child process as
 * service-statement.ts runs the service's statements: the bench may not import an app).
 */
function fillCoverageRollup(uri: string): void {
  const migration = path.join(ROOT, 'dist/apps/education-drills/src/migrations/1764500000090-education-coverage-rollup.js');
  const script = `
    const { fillCoverageRollup } = require(${JSON.stringify(migration)});
    const mysql = require('mysql2/promise');
    (async () => {
      const connection = await mysql.createConnection({ uri: process.env.EDUCATION_DB_URL, timezone: 'Z' });
      await fillCoverageRollup((sql) => connection.query(sql));
      await connection.end();
    })().catch((error) => { console.error(error); process.exit(1); });`;
  execFileSync(process.execPath, ['-e', script], { cwd: ROOT, env: { ...process.env, EDUCATION_DB_URL: uri }, stdio: ['ignore', 'inherit', 'inherit'] });
}

const COVERAGE_ROLLUP_TABLES = ['education_coverage_population', 'education_coverage_day', 'education_coverage_next'];

/** Bumped whenever the generator changes what it writes: an older marker means regenerate. */
export const GENERATOR_VERSION = 2;
const MARKER_TABLE = 'bench_dataset';

export interface EducationDatasetOptions {
  mysqlUrl: string;
  responsibilityDb: string;
  educationDb: string;
  schools: number;
  people: number;
  attendance: number;
  seed: number;
  password: string;
  connections: number;
}

export interface SampleUnit {
  id: string;
  name: string;
  code: string;
  path: string;
  people: number;
}

export interface EducationFacts {
  generator: number;
  seed: number;
  generatedAt: string;
  generationSeconds: number;
  phases: Record<string, number>;
  rows: Record<string, number>;
  /** The year the activities fall in (school days, inclusive). */
  period: { from: string; to: string };
  samples: { province: SampleUnit; county: SampleUnit; school: SampleUnit; largest: SampleUnit };
  accounts: { province: string; county: string; school: string };
  peoplePerSchool: { min: number; p50: number; p90: number; p99: number; max: number };
  /** People by number of activities attended: "0", "1", … "5", "6+". */
  attendedPerPerson: Record<string, number>;
  activitiesPerSchool: { min: number; p50: number; p90: number; max: number };
}

export async function existingEducationDataset(mysqlUrl: string, educationDb: string, options: Pick<EducationDatasetOptions, 'schools' | 'people' | 'attendance'>): Promise<EducationFacts | null> {
  const connection = await createConnection({ uri: databaseUrl(mysqlUrl, educationDb) });
  try {
    const [tables] = await connection.query('SHOW TABLES LIKE ?', [MARKER_TABLE]);
    if ((tables as unknown[]).length === 0) return null;
    const [rows] = await connection.query(`SELECT facts FROM ${MARKER_TABLE} WHERE id = 1`);
    const found = (rows as { facts: string }[])[0];
    const facts = found ? (JSON.parse(found.facts) as EducationFacts) : null;
    const fits = facts && facts.generator === GENERATOR_VERSION && (facts.rows.schools_target ?? facts.rows.school) === options.schools && facts.rows.people_target === options.people && facts.rows.attendance_target === options.attendance;
    return fits ? facts : null;
  } finally {
    await connection.end();
  }
}

const ACTIVITY_COLUMNS = [
  'id', 'org_unit_id', 'org_path', 'title', 'kind', 'topics', 'audience_kinds', 'starts_at', 'ends_at', 'place_text', 'lecturer', 'materials',
  'status', 'check_in_code', 'check_in_opens_at', 'check_in_closes_at', 'cancel_reason', 'version', 'created_at', 'updated_at',
];
const ATTENDANCE_COLUMNS = ['activity_id', 'person_id', 'person_org_unit_id', 'person_org_path', 'held_at', 'method', 'recorded_at', 'recorded_by'];
const PERSON_COLUMNS = ['id', 'name', 'kind', 'org_unit_id', 'org_path', 'active'];
const METHODS: [string, number][] = [['IMPORT', 0.5], ['CHECK_IN', 0.9], ['MARKED', 1]];

function activityLine(activity: GeneratedActivity): string {
  const ends = activity.startsAt + 90 * 60_000;
  return tsvLine([
    activity.id, activity.unit.id, activity.unit.path, activityTitle(activity), activity.kind, activity.topics.join(','), activity.kinds.join(','),
    sqlTime(activity.startsAt), sqlTime(ends), '学校报告厅', null, null, activity.attended ? 'HELD' : 'PLANNED', activity.code,
    sqlTime(activity.startsAt - 30 * 60_000), sqlTime(ends + 30 * 60_000), null, 1, sqlTime(activity.startsAt - 7 * DAY), sqlTime(activity.startsAt + DAY),
  ]);
}

interface Planned {
  school: School;
  people: number;
}

/** The county nearest the average size, its largest school, and the province's largest school (the import's). */
function pickSamples(planned: Planned[]): { county: Unit; countyPeople: number; school: Planned; largest: Planned } {
  const perCounty = new Map<Unit, number>();
  for (const { school, people } of planned) perCounty.set(school.county, (perCounty.get(school.county) ?? 0) + people);
  const mean = [...perCounty.values()].reduce((a, b) => a + b, 0) / perCounty.size;
  const [county, countyPeople] = [...perCounty.entries()].sort((a, b) => Math.abs(a[1] - mean) - Math.abs(b[1] - mean))[0];
  const bySize = [...planned].sort((a, b) => b.people - a.people);
  return { county, countyPeople, school: bySize.find((entry) => entry.school.county === county)!, largest: bySize[0] };
}

/** People, activities, audiences and attendance of every school, loaded in chunks as they are generated. */
async function loadSchools(options: EducationDatasetOptions, tree: OrgTree, planned: Planned[], random: Random, calendar: SchoolCalendar) {
  const loader = await ParallelLoader.open(databaseUrl(options.mysqlUrl, options.educationDb), options.connections);
  const progress = new ProgressBar(options.people, 'people');
  const rows: Record<string, number> = { person_projection: 0, education_activity: 0, education_activity_audience: 0, education_attendance: 0 };
  const attendedPerPerson: Record<string, number> = {};
  const activitiesPerSchool: number[] = [];
  const personIds = new IdSequence('b');
  const activityIds = new IdSequence('e');
  const codes = { next: 0 };
  const recorder = random.hex(32);
  // The cap at what a person's audiences offer takes off ~8%: asked for that much more.
  const mean = (options.attendance / options.people) * 1.09;
  let people: string[] = [];
  const attendance: string[] = [];
  let done = 0;
  try {
    for (const { school, people: count } of planned) {
      const members = schoolPeople(random, school, count, personIds);
      const activities = schoolActivities(random, school, members.length, calendar, activityIds, codes);
      activitiesPerSchool.push(activities.length);
      const schoolRows: { activity: number; line: string; person: string }[] = [];
      for (const person of members) {
        people.push(tsvLine([person.id, person.name, person.kind, person.unit.id, person.unit.path, person.active ? 1 : 0]));
        const chosen = drawDistinct(random, eligibleActivities(activities, person), attendanceCount(random, mean));
        const bucket = chosen.length >= 6 ? '6+' : String(chosen.length);
        attendedPerPerson[bucket] = (attendedPerPerson[bucket] ?? 0) + 1;
        for (const index of chosen) {
          const activity = activities[index];
          activity.attended++;
          const draw = random.next();
          const method = METHODS.find(([, upTo]) => draw < upTo)![0];
          const recordedAt = activity.startsAt + (method === 'CHECK_IN' ? random.int(-20, 100) * 60_000 : random.int(2, 48) * 3_600_000);
          schoolRows.push({
            activity: index,
            person: person.id,
            line: tsvLine([activity.id, person.id, person.unit.id, person.unit.path, sqlTime(activity.startsAt), method, sqlTime(recordedAt), recorder]),
          });
        }
      }
      // In primary-key order (activity, person): the clustered index grows at its end.
      schoolRows.sort((a, b) => a.activity - b.activity || (a.person < b.person ? -1 : 1));
      attendance.push(...schoolRows.map((row) => row.line));
      await loader.submit('education_activity', ACTIVITY_COLUMNS, activities.map(activityLine));
      await loader.submit('education_activity_audience', ['activity_id', 'org_unit_id', 'org_path'], activities.map((a) => tsvLine([a.id, a.audience.id, a.audience.path])));
      rows.person_projection += members.length;
      rows.education_activity += activities.length;
      rows.education_activity_audience += activities.length;
      rows.education_attendance += schoolRows.length;
      if (people.length >= 20_000) {
        const size = people.length;
        await loader.submit('person_projection', PERSON_COLUMNS, people, () => progress.update((done += size)));
        people = [];
      }
      // A large school's rows go in several chunks: one LOAD DATA must stay below max_allowed_packet.
      while (attendance.length >= 20_000) await loader.submit('education_attendance', ATTENDANCE_COLUMNS, attendance.splice(0, 20_000));
    }
    const size = people.length;
    await loader.submit('person_projection', PERSON_COLUMNS, people, () => progress.update((done += size)));
    await loader.submit('education_attendance', ATTENDANCE_COLUMNS, attendance);
    await loader.drain();
    progress.finish();
  } finally {
    await loader.close();
  }
  return { rows, attendedPerPerson, activitiesPerSchool };
}

async function withoutSecondaryIndexes(connection: Connection, database: string, tables: string[], load: () => Promise<void>): Promise<number> {
  const dropped = await Promise.all(tables.map(async (table) => ({ table, indexes: await secondaryIndexes(connection, database, table) })));
  for (const { table, indexes } of dropped) if (indexes.length) await connection.query(`ALTER TABLE ${table} ${indexes.map((index) => `DROP KEY ${index.name}`).join(', ')}`);
  await load();
  const started = Date.now();
  for (const { table, indexes } of dropped) if (indexes.length) await connection.query(`ALTER TABLE ${table} ${indexes.map((index) => index.add).join(', ')}`);
  return Math.round((Date.now() - started) / 100) / 10;
}

export async function generateEducationDataset(options: EducationDatasetOptions, log: (line: string) => void): Promise<EducationFacts> {
  const started = Date.now();
  const random = new Random(options.seed);
  const responsibility = await createConnection({ uri: databaseUrl(options.mysqlUrl, options.responsibilityDb) });
  const education = await createConnection({ uri: databaseUrl(options.mysqlUrl, options.educationDb) });
  const clock = new PhaseClock();
  const { phases } = clock;
  try {
    const root = await rootUnit(responsibility);
    const tree = buildOrgTree(random, root, options.schools);
    log(`organisation: ${tree.cities.length} cities, ${tree.counties.length} counties, ${tree.schools.length} schools, ${tree.units.length + 1} units`);
    const now = Date.now();
    const today = Date.parse(`${calendarDay(now)}T00:00:00+08:00`);
    const calendar = new SchoolCalendar(today - 364 * DAY, today);
    const counts = apportion(options.people, tree.schools.map((school) => school.weight), 40);
    const planned = tree.schools.map((school, index) => ({ school, people: counts[index] }));
    const { county, countyPeople, school, largest } = pickSamples(planned);
    await writeOrganisation(responsibility, education, tree, { county, school: school.school }, options.password);
    clock.phase('organisation, accounts (responsibility-network), unit projection');
    log(`loading ${options.people} people and about ${options.attendance} attendance rows over ${options.connections} connections`);
    let loaded: Awaited<ReturnType<typeof loadSchools>> | null = null;
    const indexSeconds = await withoutSecondaryIndexes(education, options.educationDb, ['person_projection', 'education_attendance'], async () => {
      loaded = await loadSchools(options, tree, planned, random, calendar);
      clock.phase('people, activities, audiences, attendance (LOAD DATA)');
    });
    clock.record('secondary indexes of person_projection and education_attendance', indexSeconds);
    log('filling the coverage rollup from the attendance, as the service\'s migration does');
    for (const table of COVERAGE_ROLLUP_TABLES) await education.query(`DELETE FROM ${table}`);
    fillCoverageRollup(databaseUrl(options.mysqlUrl, options.educationDb));
    clock.phase('coverage rollup (the migration\'s fillCoverageRollup)');
    await education.query(`ANALYZE TABLE person_projection, education_activity, education_activity_audience, education_attendance, ${COVERAGE_ROLLUP_TABLES.join(', ')}`);
    clock.phase('ANALYZE');
    const { rows, attendedPerPerson, activitiesPerSchool } = loaded!;
    for (const table of COVERAGE_ROLLUP_TABLES) rows[table] = Number(((await education.query(`SELECT COUNT(*) AS n FROM ${table}`))[0] as { n: number }[])[0].n);
    const sample = (unit: Unit, people: number): SampleUnit => ({ id: unit.id, name: unit.name, code: unit.code, path: unit.path, people });
    const spread = percentiles(activitiesPerSchool);
    const facts: EducationFacts = {
      generator: GENERATOR_VERSION,
      seed: options.seed,
      generatedAt: new Date(now).toISOString(),
      generationSeconds: Math.round((Date.now() - started) / 100) / 10,
      phases,
      rows: { ...rows, schools_target: options.schools, people_target: options.people, attendance_target: options.attendance, city: tree.cities.length, county: tree.counties.length, school: tree.schools.length, org_unit: tree.units.length + 1 },
      period: { from: calendarDay(calendar.start), to: calendarDay(calendar.end - DAY) },
      samples: {
        province: sample(root, options.people),
        county: sample(county, countyPeople),
        school: sample(school.school.unit, school.people),
        largest: sample(largest.school.unit, largest.people),
      },
      accounts: { province: 'province.admin', county: 'county.admin', school: 'school.office' },
      peoplePerSchool: percentiles(counts),
      attendedPerPerson,
      activitiesPerSchool: { min: spread.min, p50: spread.p50, p90: spread.p90, max: spread.max },
    };
    await education.query(`CREATE TABLE IF NOT EXISTS ${MARKER_TABLE} (id INT NOT NULL PRIMARY KEY, facts LONGTEXT NOT NULL)`);
    await insertRows(education, MARKER_TABLE, ['id', 'facts'], [[1, JSON.stringify(facts)]], 'ON DUPLICATE KEY UPDATE facts = VALUES(facts)');
    return facts;
  } finally {
    await responsibility.end();
    await education.end();
  }
}
