import { Role } from '@campus/auth';
import { NO_OUTBOX_SIGNAL } from '@campus/events';
import { buildModuleSchema, serviceBase } from '@campus/server';
import { countStatements, createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { PERIODIC_REPORTS_MODULE, periodicReportsModule } from '../periodic-reports/periodic-reports.module';
import { APPRAISAL_MODULES, AppraisalDeps } from '../service';
import { APPRAISAL_OVERVIEW_MODULE, appraisalOverviewModule } from './overview.module';

const SCHOOLS = Array.from({ length: 20 }, (_, index) => `s${String(index + 1).padStart(2, '0')}`);
const PATHS: Record<string, string> = {
  bureau: '/bureau/',
  other: '/other/',
  ca: '/bureau/s01/ca/',
  ...Object.fromEntries(SCHOOLS.map((id) => [id, `/bureau/${id}/`])),
};
const admin = viewerWith('admin', [[Role.BUREAU_ADMIN, 'bureau', PATHS.bureau]], 'p-admin');
const officeS01 = viewerWith('office-s01', [[Role.SAFETY_OFFICE, 's01', PATHS.s01]], 'p-office');
const officerCa = viewerWith('officer-ca', [[Role.UNIT_SAFETY_OFFICER, 'ca', PATHS.ca]], 'p-officer');

const FIELDS = 'latestScore latestGrade latestVetoed reportsMissing reportsLate reportsOnTime latestAppraisal { total grade vetoed stage status }';
const OVERVIEWS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on OrgUnit { id appraisalOverview { ${FIELDS} } } } }`;
const RANKING = `query($r: [_Any!]!, $metric: AppraisalRankMetric!, $order: RankOrder, $first: Int) { _entities(representations: $r) { ... on OrgUnit {
  appraisalRanking(metric: $metric, order: $order, first: $first) { unit { id } value rank } } } }`;
const CREATE = 'mutation($input: CreateReportTemplateInput!) { createPeriodicReportTemplate(input: $input) { template { id } } }';
const SUBMIT = 'mutation($input: SubmitPeriodicReportInput!) { submitPeriodicReport(input: $input) { submission { late } } }';
const units = (ids: string[]) => ids.map((id) => ({ __typename: 'OrgUnit', id }));

describe('OrgUnit.appraisalOverview and appraisalRanking (integration)', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;
  // Monday 2026-11-30 10:00 in Shanghai; weekly reports are due on Mondays at 12:00 for the week.
  const clock = { now: new Date('2026-11-30T02:00:00Z') };

  async function appraisal(id: string, unit: string, status: string, total: number, grade: string, vetoed: boolean, computedAt: string, scheme = 'scheme1') {
    await db.dataSource.query(
      `INSERT INTO appraisal (id, scheme_id, org_unit_id, org_path, stage, status, total, grade, vetoed, as_of, computed_at, version)
       VALUES (?, ?, ?, ?, 'PROCESS', ?, ?, ?, ?, ?, ?, 1)`,
      [id, scheme, unit, PATHS[unit], status, total, grade, vetoed, computedAt.slice(0, 10), new Date(computedAt)],
    );
  }

  beforeAll(async () => {
    db = await createServiceTestDatabase('appraisal_overview', APPRAISAL_MODULES);
    const modules = [
      ...APPRAISAL_MODULES.filter((module) => module !== PERIODIC_REPORTS_MODULE && module !== APPRAISAL_OVERVIEW_MODULE),
      periodicReportsModule(() => clock.now),
      appraisalOverviewModule(() => clock.now),
    ];
    const deps: AppraisalDeps = { ...serviceBase(modules, db.dataSource, NO_OUTBOX_SIGNAL), directory: fixedOrgDirectory(PATHS) };
    runner = new SchemaRunner(await buildModuleSchema(modules, deps));
    const projected = Object.entries(PATHS).map(([id, path]) => [id, path, id, id.startsWith('s') ? 'SCHOOL' : id === 'ca' ? 'COLLEGE' : 'BUREAU']);
    await db.dataSource.query(`INSERT INTO org_unit_projection (id, path, name, kind) VALUES ${projected.map(() => '(?, ?, ?, ?)').join(', ')}`, projected.flat());
    for (const scheme of ['scheme1', 'scheme2', 'scheme3']) {
      await db.dataSource.query(
        "INSERT INTO appraisal_scheme (id, name, year, period, status, org_unit_id, org_path, version) VALUES (?, '安全考核', 2026, 'YEAR', 'PUBLISHED', 'bureau', '/bureau/', 1)",
        [scheme],
      );
    }
    // s01: a final result in June, a published one in November (the latest shown), a newer draft (not shown).
    await appraisal('a1', 's01', 'FINAL', 70, '合格', false, '2026-06-01T02:00:00Z', 'scheme1');
    await appraisal('a2', 's01', 'PUBLISHED', 86.5, '良好', false, '2026-11-01T02:00:00Z', 'scheme2');
    await appraisal('a3', 's01', 'DRAFT', 95, '优秀', false, '2026-11-20T02:00:00Z', 'scheme3');
    // s02: published, vetoed.
    await appraisal('b1', 's02', 'PUBLISHED', 92, '不合格', true, '2026-11-01T02:00:00Z', 'scheme2');
    // Weekly reports of every school from week 49: s01 reports week 49 on time and week 50 late.
    const template = (await runner.data(admin, CREATE, {
      input: { orgUnitId: 'bureau', title: '学校安全工作周报', cadence: 'WEEKLY', guidance: '本周安全工作', targetKinds: ['SCHOOL'], startsOn: '2026-11-30' },
    })).createPeriodicReportTemplate.template;
    await runner.data(officeS01, SUBMIT, { input: { templateId: template.id, orgUnitId: 's01', periodKey: '2026-W49', content: '开展消防检查' } });
    clock.now = new Date('2026-12-07T05:00:00Z');
    const late = await runner.data(officeS01, SUBMIT, { input: { templateId: template.id, orgUnitId: 's01', periodKey: '2026-W50', content: '宿舍用电检查' } });
    expect(late.submitPeriodicReport.submission.late).toBe(true);
  });

  afterAll(async () => {
    await db?.drop();
  });

  const overviews = async (ids: string[]) => (await runner.data(admin, OVERVIEWS, { r: units(ids) }))._entities.map((unit: any) => unit.appraisalOverview);

  it('shows each unit\'s latest published appraisal and counts missing and late reports in its subtree', async () => {
    const [s01, s02, s03, bureau] = await overviews(['s01', 's02', 's03', 'bureau']);
    expect(s01).toEqual({
      latestScore: 86.5, latestGrade: '良好', latestVetoed: false, reportsMissing: 0, reportsLate: 1, reportsOnTime: 1,
      latestAppraisal: { total: 86.5, grade: '良好', vetoed: false, stage: 'PROCESS', status: 'PUBLISHED' },
    });
    expect(s02).toMatchObject({ latestScore: 92, latestVetoed: true, reportsMissing: 2, reportsLate: 0 });
    expect(s03).toEqual({ latestScore: null, latestGrade: null, latestVetoed: null, latestAppraisal: null, reportsMissing: 2, reportsLate: 0, reportsOnTime: 0 });
    // The bureau has no appraisal of its own; its schools missed 19 × 2 weekly reports.
    expect(bureau).toMatchObject({ latestAppraisal: null, reportsMissing: 38, reportsLate: 1, reportsOnTime: 1 });
  });

  it('ranks the bureau\'s schools: a vetoed result counts as 0, units without a result last', async () => {
    const ranking = async (metric: string, order = 'WORST_FIRST', first = 3) =>
      (await runner.data(admin, RANKING, { r: units(['bureau']), metric, order, first }))._entities[0].appraisalRanking;
    expect(await ranking('APPRAISAL_SCORE')).toEqual([
      { unit: { id: 's02' }, value: 0, rank: 1 },
      { unit: { id: 's01' }, value: 86.5, rank: 2 },
      { unit: { id: 's03' }, value: null, rank: 3 },
    ]);
    expect(await ranking('REPORTS_MISSING', 'BEST_FIRST', 2)).toEqual([
      { unit: { id: 's01' }, value: 0, rank: 1 },
      { unit: { id: 's02' }, value: 2, rank: 2 },
    ]);
  });

  it('refuses units outside the viewer\'s scope', async () => {
    const result = await runner.run(officeS01, OVERVIEWS, { r: units(['s02', 's01']) });
    expect(result.data?._entities[0].appraisalOverview).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(result.data?._entities[1].appraisalOverview.latestScore).toBe(86.5);
    const ranking = await runner.run(officerCa, RANKING, { r: units(['s01']), metric: 'REPORTS_LATE' });
    expect(ranking.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await runner.run(admin, OVERVIEWS, { r: units(['other']) })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('costs the same number of SQL statements for a county dashboard of 2 schools and of 20', async () => {
    const dashboard = (ids: string[]) => countStatements(db.dataSource, () => runner.data(admin, OVERVIEWS, { r: units(ids) }));
    const two = await dashboard(SCHOOLS.slice(0, 2));
    const twenty = await dashboard(SCHOOLS);
    expect(twenty.result._entities[19].appraisalOverview.reportsMissing).toBe(2);
    expect(twenty.count).toBe(two.count);
    expect(twenty.count).toBeLessThanOrEqual(4);
    console.log(`supervision-appraisal SQL statements: dashboard of 2 schools ${two.count}, of 20 schools ${twenty.count}`);
  });
});
