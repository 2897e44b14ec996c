import { Role } from '@campus/auth';
import { PersonCreated } from '@campus/events';
import { countStatements, createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { peopleProjectionHandlers } from '../people/people.module';
import { buildEducationSchema, EDUCATION_MODULES } from '../service';

// The clock is fixed on 2026-11-19 (Shanghai): the autumn term of 2026 (2026-08-01 – 2027-01-31).
const NOW = new Date('2026-11-19T04:00:00Z');
const SCHOOLS = Array.from({ length: 20 }, (_, index) => `s${String(index + 1).padStart(2, '0')}`);
const PATHS: Record<string, string> = {
  bureau: '/bureau/',
  other: '/other/',
  ca: '/bureau/s01/ca/',
  cls: '/bureau/s01/ca/cls/',
  ...Object.fromEntries(SCHOOLS.map((id) => [id, `/bureau/${id}/`])),
};
// s01: two students in its college ca and one teacher; s02: two students.
const PEOPLE: [string, string, string][] = [
  ['p1', 'STUDENT', 'ca'],
  ['p2', 'STUDENT', 'ca'],
  ['p3', 'STAFF', 's01'],
  ['p4', 'STUDENT', 's02'],
  ['p5', 'STUDENT', 's02'],
];
const admin = viewerWith('admin', [[Role.BUREAU_ADMIN, 'bureau', PATHS.bureau]], 'p-admin');
const officerCa = viewerWith('officer-ca', [[Role.UNIT_SAFETY_OFFICER, 'ca', PATHS.ca]], 'p-officer');
const counselorCa = viewerWith('counselor-ca', [[Role.COUNSELOR, 'ca', PATHS.ca]], 'p-counselor');

const FIELDS = 'term termStart termEnd population covered coverageRate drillsHeld drillsPlanned healthChecksThisWeek { from to expected entered onTime missing completionRate }';
const OVERVIEWS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on OrgUnit { id educationOverview { ${FIELDS} } } } }`;
const RANKING = `query($r: [_Any!]!, $metric: EducationRankMetric!, $order: RankOrder, $first: Int) { _entities(representations: $r) { ... on OrgUnit {
  educationRanking(metric: $metric, order: $order, first: $first) { unit { id } value rank } } } }`;
const units = (ids: string[]) => ids.map((id) => ({ __typename: 'OrgUnit', id }));

describe('OrgUnit.educationOverview and educationRanking (integration)', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;

  async function activity(unit: string, personIds: string[]) {
    const input = {
      orgUnitId: unit, title: '消防安全讲座', kind: 'LECTURE', topics: ['FIRE'], audienceKinds: ['STUDENT', 'STAFF'],
      startsAt: '2026-11-18T01:30:00Z', endsAt: '2026-11-18T03:00:00Z', placeText: '报告厅',
    };
    const created = await runner.data(admin, 'mutation($input: CreateEducationActivityInput!) { createEducationActivity(input: $input) { educationActivity { id } } }', { input });
    await runner.data(admin, 'mutation($input: MarkEducationAttendanceInput!) { markEducationAttendance(input: $input) { recorded } }', {
      input: { activityId: created.createEducationActivity.educationActivity.id, personIds },
    });
  }

  async function drill(unit: string, plannedDate: string, held: boolean) {
    const input = { orgUnitId: unit, title: '疏散演练', type: 'FIRE', scenario: '教学楼起火', placeText: '教学楼', expectedParticipants: 100, plannedDate };
    const planned = (await runner.data(admin, 'mutation($input: PlanDrillInput!) { planDrill(input: $input) { drill { id version } } }', { input })).planDrill.drill;
    if (!held) return;
    await runner.data(admin, 'mutation($input: HoldDrillInput!) { holdDrill(input: $input) { drill { id } } }', {
      input: { id: planned.id, version: planned.version, startedAt: '2026-11-18T02:00:00.000Z', endedAt: '2026-11-18T02:30:00.000Z', actualParticipants: 90, evacuationSeconds: 180 },
    });
  }

  beforeAll(async () => {
    db = await createServiceTestDatabase('education_overview', EDUCATION_MODULES);
    const kindOf = (id: string) => (id === 'cls' ? 'CLASS' : id.startsWith('s') ? 'SCHOOL' : 'COLLEGE');
    const projected = Object.entries(PATHS).map(([id, path]) => [id, path, id, kindOf(id)]);
    await db.dataSource.query(`INSERT INTO org_unit_projection (id, path, name, kind) VALUES ${projected.map(() => '(?, ?, ?, ?)').join(', ')}`, projected.flat());
    const [personCreated] = peopleProjectionHandlers();
    for (const [id, kind, unit] of PEOPLE) {
      const payload = { id, name: `人员${id}`, kind, orgUnitId: unit, orgPath: PATHS[unit], active: true };
      await db.dataSource.transaction((manager) => personCreated.handle(manager, { id: `created-${id}`, type: PersonCreated.type, version: 1, traceId: null, key: id, payload }));
    }
    runner = new SchemaRunner(await buildEducationSchema(db.dataSource, fixedOrgDirectory(PATHS), undefined, { now: () => NOW }));
    await activity('ca', ['p1']);
    await activity('s02', ['p4', 'p5']);
    await drill('ca', '2026-11-18', true);
    await drill('s01', '2026-12-01', false);
    await drill('s03', '2026-07-01', false); // last term: not counted
    // 晨午晚检 of the class this week (Thursday noon: Monday to Wednesday's two sessions and Thursday morning due, 7):
    // Monday morning back-filled, Thursday morning late.
    const record = 'mutation($input: RecordHealthCheckInput!) { recordHealthCheck(input: $input) { healthCheck { timeliness } } }';
    const figures = { enrolled: 40, present: 40, absentForIllness: 0, fever: 0 };
    for (const checkDate of ['2026-11-16', '2026-11-19']) {
      await runner.data(admin, record, { input: { orgUnitId: 'cls', checkDate, session: 'MORNING', figures } });
    }
  });

  afterAll(async () => {
    await db?.drop();
  });

  const overviews = async (ids: string[]) => (await runner.data(admin, OVERVIEWS, { r: units(ids) }))._entities.map((unit: any) => unit.educationOverview);

  it('counts this term\'s coverage and drills of each subtree', async () => {
    const [s01, ca, s02, s03, bureau] = await overviews(['s01', 'ca', 's02', 's03', 'bureau']);
    const week = { from: '2026-11-16', to: '2026-11-19', expected: 7, entered: 2, onTime: 0, missing: 5, completionRate: 0.2857 };
    expect(s01).toEqual({
      term: '2026年秋季学期', termStart: '2026-08-01', termEnd: '2027-01-31', population: 3, covered: 1, coverageRate: 0.3333, drillsHeld: 1, drillsPlanned: 1,
      healthChecksThisWeek: week,
    });
    expect(bureau.healthChecksThisWeek).toEqual(week);
    expect(s02.healthChecksThisWeek).toEqual({ ...week, expected: 0, entered: 0, missing: 0, completionRate: null });
    expect(ca).toMatchObject({ population: 2, covered: 1, coverageRate: 0.5, drillsHeld: 1, drillsPlanned: 0 });
    expect(s02).toMatchObject({ population: 2, covered: 2, coverageRate: 1, drillsHeld: 0 });
    expect(s03).toMatchObject({ population: 0, covered: 0, coverageRate: null, drillsHeld: 0, drillsPlanned: 0 });
    expect(bureau).toMatchObject({ population: 5, covered: 3, coverageRate: 0.6, drillsHeld: 1, drillsPlanned: 1 });
  });

  it('ranks the bureau\'s schools, the lowest coverage or fewest drills first', async () => {
    const ranking = async (metric: string, order = 'WORST_FIRST', first = 3) =>
      (await runner.data(admin, RANKING, { r: units(['bureau']), metric, order, first }))._entities[0].educationRanking;
    expect(await ranking('EDUCATION_COVERAGE_RATE')).toEqual([
      { unit: { id: 's01' }, value: 0.3333, rank: 1 },
      { unit: { id: 's02' }, value: 1, rank: 2 },
      { unit: { id: 's03' }, value: null, rank: 3 },
    ]);
    expect(await ranking('DRILLS_HELD', 'BEST_FIRST', 2)).toEqual([
      { unit: { id: 's01' }, value: 1, rank: 1 },
      { unit: { id: 's02' }, value: 0, rank: 2 },
    ]);
    expect((await ranking('DRILLS_HELD', 'WORST_FIRST', 20)).at(-1)).toEqual({ unit: { id: 's01' }, value: 1, rank: 20 });
  });

  it('refuses units outside the viewer\'s scope', async () => {
    const result = await runner.run(officerCa, OVERVIEWS, { r: units(['s02', 'ca']) });
    expect(result.data?._entities[0].educationOverview).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(result.data?._entities[1].educationOverview.covered).toBe(1);
    expect(result.data?._entities[1].educationOverview.healthChecksThisWeek.entered).toBe(2);
    // A counselor sees the college's education figures but not its health-check completion.
    const counselor = (await runner.data(counselorCa, OVERVIEWS, { r: units(['ca']) }))._entities[0].educationOverview;
    expect(counselor).toMatchObject({ covered: 1, healthChecksThisWeek: null });
    const ranking = await runner.run(officerCa, RANKING, { r: units(['s01']), metric: 'DRILLS_HELD' });
    expect(ranking.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await runner.run(admin, OVERVIEWS, { r: units(['other']) })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('costs the same number of SQL statements for a county dashboard of 2 schools and of 20', async () => {
    const dashboard = (ids: string[]) => countStatements(db.dataSource, () => runner.data(admin, OVERVIEWS, { r: units(ids) }));
    const two = await dashboard(SCHOOLS.slice(0, 2));
    const twenty = await dashboard(SCHOOLS);
    expect(twenty.result._entities[1].educationOverview.covered).toBe(2);
    expect(twenty.count).toBe(two.count);
    expect(twenty.count).toBeLessThanOrEqual(6);
    console.log(`education-drills SQL statements: dashboard of 2 schools ${two.count}, of 20 schools ${twenty.count}`);
  });
});
