import { PhaseClock } from '../bench-run';
import { databaseUrl } from '@campus/database';
import { createConnection } from 'mysql2/promise';
import { DAY as EDUCATION_DAY, IdSequence, SchoolCalendar } from '../education/people';
import { insertRows, percentiles, rootUnit, writeOrganisation } from '../hazards/dataset';
import { calendarDay, DAY, DiscoveryCalendar } from '../hazards/hazard-lifecycle';
import { ParallelLoader, sqlTime } from '../hazards/loader';
import { buildOrgTree, OrgTree, School, Unit } from '../hazards/org-tree';
import { ProgressBar } from '../hazards/progress';
import { apportion, Random } from '../hazards/random';
import { EDUCATION_SIDE_COLUMNS, writeSchoolEducation } from './education-side';
import { campaignsOf, HAZARD_SIDE_COLUMNS, writeSchoolHazards, writeSchoolIncidents, writeSchoolInspections, writeSchoolReports } from './hazard-side';
import { loadWithoutSecondaryIndexes, Tables } from './tables';

/** Bumped whenever the generator changes what it writes: an older marker means regenerate. */
export const GENERATOR_VERSION = 1;
const MARKER_TABLE = 'bench_dataset';
/** The large tables, loaded without their secondary indexes. */
const REINDEXED = ['hazard_fact', 'inspection_fact', 'education_person_fact', 'education_attendance_fact', 'education_quiz_fact'];

export interface AppraisalDatasetOptions {
  mysqlUrl: string;
  responsibilityDb: string;
  hazardDb: string;
  appraisalDb: string;
  schools: number;
  hazards: number;
  people: number;
  attendance: number;
  seed: number;
  password: string;
  connections: number;
}

export interface SampleUnit {
  id: string;
  name: string;
  path: string;
}

export interface AppraisalFacts {
  generator: number;
  seed: number;
  generatedAt: string;
  generationSeconds: number;
  phases: Record<string, number>;
  rows: Record<string, number>;
  /** The year the facts cover (the scheme's year) and the day they were generated. */
  year: number;
  today: string;
  samples: { province: SampleUnit; county: SampleUnit; school: SampleUnit };
  accounts: { province: string; county: string; school: string };
  hazardsPerSchool: { min: number; p50: number; p90: number; p99: number; max: number };
  peoplePerSchool: { min: number; p50: number; p90: number; p99: number; max: number };
  /** Schools with a 重大/特别重大 incident in the year, and with a major hazard reported late or not at all. */
  vetoFacts: { majorIncidentSchools: number; lateMajorHazardSchools: number; lateMajorHazards: number; schoolsEither: number };
}

export async function existingAppraisalDataset(mysqlUrl: string, appraisalDb: string, options: Pick<AppraisalDatasetOptions, 'schools' | 'hazards' | 'people' | 'attendance'>): Promise<AppraisalFacts | null> {
  const connection = await createConnection({ uri: databaseUrl(mysqlUrl, appraisalDb) });
  try {
    const [tables] = await connection.query('SHOW TABLES LIKE ?', [MARKER_TABLE]);
    if ((tables as unknown[]).length === 0) return null;
    const [rows] = await connection.query(`SELECT facts FROM ${MARKER_TABLE} WHERE id = 1`);
    const found = (rows as { facts: string }[])[0];
    const facts = found ? (JSON.parse(found.facts) as AppraisalFacts) : null;
    const r = facts?.rows;
    const fits = facts && facts.generator === GENERATOR_VERSION && r!.schools_target === options.schools && r!.hazards_target === options.hazards && r!.people_target === options.people && r!.attendance_target === options.attendance;
    return fits ? facts : null;
  } finally {
    await connection.end();
  }
}

/** The county nearest the average size (by hazards) and its largest school: the school whose events are measured. */
function pickSamples(tree: OrgTree, hazards: Map<School, number>): { county: Unit; school: School } {
  const perCounty = new Map<Unit, number>();
  for (const [school, count] of hazards) perCounty.set(school.county, (perCounty.get(school.county) ?? 0) + count);
  const mean = [...perCounty.values()].reduce((a, b) => a + b, 0) / perCounty.size;
  const [county] = [...perCounty.entries()].sort((a, b) => Math.abs(a[1] - mean) - Math.abs(b[1] - mean))[0];
  const school = [...hazards.entries()].filter(([candidate]) => candidate.county === county).sort((a, b) => b[1] - a[1])[0][0];
  return { county, school };
}

interface Plan {
  tree: OrgTree;
  hazardCounts: number[];
  peopleCounts: number[];
  /** Schools given a 重大 or 特别重大 incident. */
  majorIncidents: Map<number, 'MAJOR' | 'GRAVE'>;
  now: number;
  year: number;
}

/** Every school's facts, school by school, loaded in chunks as they are generated. */
async function loadFacts(options: AppraisalDatasetOptions, plan: Plan, random: Random): Promise<{ rows: Record<string, number>; lateMajors: number; attendance: number }> {
  const { tree, now, year } = plan;
  const loader = await ParallelLoader.open(databaseUrl(options.mysqlUrl, options.appraisalDb), options.connections);
  const tables = new Tables(loader, { ...HAZARD_SIDE_COLUMNS, ...EDUCATION_SIDE_COLUMNS });
  const progress = new ProgressBar(tree.schools.length, 'schools');
  const hazardCalendar = new DiscoveryCalendar(now, 1);
  const today = Date.parse(`${calendarDay(now)}T00:00:00+08:00`);
  const schoolCalendar = new SchoolCalendar(today - 364 * EDUCATION_DAY, today);
  const ids = { hazards: new IdSequence('h'), inspections: new IdSequence('i'), incidents: new IdSequence('x'), education: new IdSequence('e') };
  const campaigns = campaignsOf(random, year);
  const yesterday = calendarDay(now - DAY);
  let lateMajors = 0;
  let attendance = 0;
  try {
    for (const [index, school] of tree.schools.entries()) {
      const tally = writeSchoolHazards(tables, { random, school, count: plan.hazardCounts[index], calendar: hazardCalendar, ids: ids.hazards, now, year });
      lateMajors += tally.lateMajors;
      writeSchoolInspections(tables, { random, school, ids: ids.inspections, year, yesterday });
      writeSchoolReports(tables, { random, school, campaigns, now });
      writeSchoolIncidents(tables, { random, school, calendar: hazardCalendar, ids: ids.incidents, major: plan.majorIncidents.get(index) ?? null });
      const education = writeSchoolEducation(tables, {
        random, school, people: plan.peopleCounts[index], attendedPerPerson: (options.attendance / options.people) * 1.09, calendar: schoolCalendar, ids: ids.education, year, now,
      });
      attendance += education.attendance;
      await tables.flush();
      progress.update(index + 1);
    }
    await tables.flush(true);
    await loader.drain();
    progress.finish();
  } finally {
    await loader.close();
  }
  return { rows: tables.rows, lateMajors, attendance };
}

/** Writes the whole dataset into the (migrated, bootstrapped, otherwise empty) bench databases. */
export async function generateAppraisalDataset(options: AppraisalDatasetOptions, log: (line: string) => void): Promise<AppraisalFacts> {
  const started = Date.now();
  const random = new Random(options.seed);
  const responsibility = await createConnection({ uri: databaseUrl(options.mysqlUrl, options.responsibilityDb) });
  const hazard = await createConnection({ uri: databaseUrl(options.mysqlUrl, options.hazardDb) });
  const appraisal = await createConnection({ uri: databaseUrl(options.mysqlUrl, options.appraisalDb) });
  const clock = new PhaseClock();
  const { phases } = clock;
  try {
    const root = await rootUnit(responsibility);
    const tree = buildOrgTree(random, root, options.schools);
    log(`organisation: ${tree.cities.length} cities, ${tree.counties.length} counties, ${tree.schools.length} schools, ${tree.units.length + 1} units`);
    const now = Date.now();
    const year = Number(calendarDay(now).slice(0, 4));
    const weights = tree.schools.map((school) => school.weight);
    const hazardCounts = apportion(options.hazards, weights, 20);
    const peopleCounts = apportion(options.people, weights, 40);
    const { county, school } = pickSamples(tree, new Map(tree.schools.map((s, index) => [s, hazardCounts[index]])));
    const majorIncidents = new Map<number, 'MAJOR' | 'GRAVE'>();
    while (majorIncidents.size < 11) majorIncidents.set(random.int(0, tree.schools.length - 1), majorIncidents.size < 9 ? 'MAJOR' : 'GRAVE');
    await writeOrganisation(responsibility, appraisal, tree, { county, school }, options.password);
    // hazard-tracking places the hazards the event measurement registers by its own projection.
    await insertRows(hazard, 'org_unit_projection', ['id', 'path', 'name', 'code', 'kind'], [tree.root, ...tree.units].map((unit) => [unit.id, unit.path, unit.name, unit.code, unit.kind]),
      'ON DUPLICATE KEY UPDATE path = VALUES(path), name = VALUES(name), code = VALUES(code), kind = VALUES(kind)');
    clock.phase('organisation, accounts (responsibility-network), unit projections');
    log(`loading the facts of ${options.schools} schools (${options.hazards} hazards, ${options.people} people) over ${options.connections} connections`);
    let loaded: Awaited<ReturnType<typeof loadFacts>> | null = null;
    const indexSeconds = await loadWithoutSecondaryIndexes(appraisal, options.appraisalDb, REINDEXED, async () => {
      loaded = await loadFacts(options, { tree, hazardCounts, peopleCounts, majorIncidents, now, year }, random);
      clock.phase('facts of every school (LOAD DATA)');
    });
    clock.record(`secondary indexes of ${REINDEXED.join(', ')}`, indexSeconds);
    await appraisal.query(`ANALYZE TABLE ${[...REINDEXED, 'inspection_task_fact', 'campaign_report_fact', 'incident_fact', 'education_drill_fact', 'education_notice_fact', 'education_letter_fact'].join(', ')}`);
    clock.phase('ANALYZE');
    const { rows, lateMajors, attendance } = loaded!;
    const lateSet = await schoolsWithLateMajors(appraisal, tree, year, now);
    const either = new Set([...lateSet, ...[...majorIncidents.keys()].map((index) => tree.schools[index].unit.id)]);
    const sample = (unit: Unit): SampleUnit => ({ id: unit.id, name: unit.name, path: unit.path });
    const facts: AppraisalFacts = {
      generator: GENERATOR_VERSION,
      seed: options.seed,
      generatedAt: new Date(now).toISOString(),
      generationSeconds: Math.round((Date.now() - started) / 100) / 10,
      phases,
      rows: {
        ...rows, attendance_drawn: attendance, schools_target: options.schools, hazards_target: options.hazards, people_target: options.people, attendance_target: options.attendance,
        city: tree.cities.length, county: tree.counties.length, school: tree.schools.length, org_unit: tree.units.length + 1,
      },
      year,
      today: calendarDay(now),
      samples: { province: sample(root), county: sample(county), school: sample(school.unit) },
      accounts: { province: 'province.admin', county: 'county.admin', school: 'school.office' },
      hazardsPerSchool: percentiles(hazardCounts),
      peoplePerSchool: percentiles(peopleCounts),
      vetoFacts: { majorIncidentSchools: majorIncidents.size, lateMajorHazardSchools: lateSet.length, lateMajorHazards: lateMajors, schoolsEither: either.size },
    };
    await appraisal.query(`CREATE TABLE IF NOT EXISTS ${MARKER_TABLE} (id INT NOT NULL PRIMARY KEY, facts LONGTEXT NOT NULL)`);
    await insertRows(appraisal, MARKER_TABLE, ['id', 'facts'], [[1, JSON.stringify(facts)]], 'ON DUPLICATE KEY UPDATE facts = VALUES(facts)');
    return facts;
  } finally {
    await responsibility.end();
    await hazard.end();
    await appraisal.end();
  }
}

/** The schools with a major hazard discovered in the year and reported late or not at all (counted from the loaded rows). */
async function schoolsWithLateMajors(appraisal: Awaited<ReturnType<typeof createConnection>>, tree: OrgTree, year: number, now: number): Promise<string[]> {
  const [rows] = await appraisal.query(
    `SELECT DISTINCT org_path FROM hazard_fact WHERE grade = 'MAJOR' AND voided = 0 AND discovered_at >= ? AND discovered_at < ?
       AND (reported_late = 1 OR (reported_at IS NULL AND discovered_at < ?))`,
    [`${year - 1}-12-31 16:00:00`, `${year}-12-31 16:00:00`, sqlTime(now - DAY)],
  );
  const schoolOf = new Map(tree.schools.flatMap((school) => school.units.map((unit) => [unit.path, school.unit.id] as const)));
  return [...new Set((rows as { org_path: string }[]).map((row) => schoolOf.get(row.org_path)!).filter(Boolean))];
}
