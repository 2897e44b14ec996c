import { Role } from '@campus/auth';
import { createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { APPRAISAL_MODULES, buildAppraisalSchema } from '../service';

const BUREAU = 'bureau';
const SCHOOL = 'school';
const PATHS = {
  [BUREAU]: '/bureau/',
  [SCHOOL]: '/bureau/school/',
};

const SCHEME_FIELDS = 'id name year period status orgUnit { id } version indicators { id name weight kind metric description }';
const CREATE = `mutation($input: CreateAppraisalSchemeInput!) { createAppraisalScheme(input: $input) { appraisalScheme { ${SCHEME_FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateAppraisalSchemeInput!) { updateAppraisalScheme(input: $input) { appraisalScheme { ${SCHEME_FIELDS} } } }`;
const SCHEME = `query($id: ID!) { appraisalScheme(id: $id) { ${SCHEME_FIELDS} } }`;
const SCHEMES = 'query { appraisalSchemes(first: 50) { totalCount edges { node { id name } } } }';

const bureauAdmin = viewerWith('bureau-admin', [[Role.BUREAU_ADMIN, BUREAU, PATHS[BUREAU]]]);
const schoolOffice = viewerWith('school-office', [[Role.SAFETY_OFFICE, SCHOOL, PATHS[SCHOOL]]]);
const schoolOfficer = viewerWith('school-officer', [[Role.UNIT_SAFETY_OFFICER, SCHOOL, PATHS[SCHOOL]]]);

const INDICATORS = [
  { name: '隐患整改率', weight: 40, kind: 'AUTOMATIC', metric: 'RECTIFICATION_RATE', description: '当年登记隐患的整改比例' },
  { name: '应急演练', weight: 35.5, kind: 'AUTOMATIC', metric: 'DRILLS_HELD' },
  { name: '安全制度建设', weight: 24.5, kind: 'MANUAL' },
];

describe('supervision-appraisal: appraisal schemes (integration)', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;

  async function createScheme(name: string, indicators = INDICATORS) {
    const input = { orgUnitId: BUREAU, name, year: 2026, period: 'ANNUAL', indicators };
    return (await runner.data(bureauAdmin, CREATE, { input })).createAppraisalScheme.appraisalScheme;
  }

  async function schemeCount(): Promise<number> {
    return (await runner.data(bureauAdmin, SCHEMES)).appraisalSchemes.totalCount;
  }

  beforeAll(async () => {
    db = await createServiceTestDatabase('appraisal', APPRAISAL_MODULES);
    runner = new SchemaRunner(await buildAppraisalSchema(db.dataSource, fixedOrgDirectory(PATHS)));
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('creates a draft scheme and reads its indicators back in order with numeric weights', async () => {
    const created = await createScheme('2026年度学校安全工作考核');
    expect(created).toMatchObject({ year: 2026, period: 'ANNUAL', status: 'DRAFT', orgUnit: { id: BUREAU }, version: 1 });

    const read = (await runner.data(bureauAdmin, SCHEME, { id: created.id })).appraisalScheme;
    expect(read.indicators.map(({ id: _id, ...indicator }: any) => indicator)).toEqual([
      { name: '隐患整改率', weight: 40, kind: 'AUTOMATIC', metric: 'RECTIFICATION_RATE', description: '当年登记隐患的整改比例' },
      { name: '应急演练', weight: 35.5, kind: 'AUTOMATIC', metric: 'DRILLS_HELD', description: null },
      { name: '安全制度建设', weight: 24.5, kind: 'MANUAL', metric: null, description: null },
    ]);
    expect(read.indicators.every((indicator: any) => typeof indicator.weight === 'number')).toBe(true);
    expect(created.indicators).toEqual(read.indicators);

    const stored = await db.dataSource.query('SELECT position, weight FROM appraisal_indicator WHERE scheme_id = ? ORDER BY position', [
      created.id,
    ]);
    expect(stored.map((row: any) => [row.position, String(row.weight)])).toEqual([
      [0, '40.00'],
      [1, '35.50'],
      [2, '24.50'],
    ]);
  });

  it('rejects indicator weights that do not total 100 with BAD_USER_INPUT on indicators', async () => {
    const before = await schemeCount();
    const input = {
      orgUnitId: BUREAU,
      name: '权重不足的方案',
      year: 2026,
      period: 'Q1',
      indicators: [
        { name: '隐患整改率', weight: 50, kind: 'AUTOMATIC', metric: 'RECTIFICATION_RATE' },
        { name: '安全制度建设', weight: 40, kind: 'MANUAL' },
      ],
    };
    const result = await runner.run(bureauAdmin, CREATE, { input });
    expect(result.data).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions?.fields).toEqual([{ field: 'indicators', message: expect.stringContaining('90') }]);

    const automaticWithoutMetric = await runner.run(bureauAdmin, CREATE, {
      input: { ...input, indicators: [{ name: '自动指标', weight: 100, kind: 'AUTOMATIC' }] },
    });
    expect(automaticWithoutMetric.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'indicators.0.metric' })]);
    expect(await schemeCount()).toBe(before);
  });

  it('updates with optimistic locking and replaces the indicator table as a whole', async () => {
    const scheme = await createScheme('2026年度二级学院考核');
    const replaced = (
      await runner.data(bureauAdmin, UPDATE, {
        input: {
          id: scheme.id,
          version: scheme.version,
          indicators: [
            { name: '安全教育覆盖率', weight: 60, kind: 'AUTOMATIC', metric: 'EDUCATION_COVERAGE' },
            { name: '现场检查', weight: 40, kind: 'MANUAL', description: '督导组现场打分' },
          ],
        },
      })
    ).updateAppraisalScheme.appraisalScheme;
    expect(replaced.version).toBe(scheme.version + 1);
    expect(replaced.name).toBe('2026年度二级学院考核');
    expect(replaced.indicators.map((indicator: any) => [indicator.name, indicator.weight])).toEqual([
      ['安全教育覆盖率', 60],
      ['现场检查', 40],
    ]);
    const [{ count }] = await db.dataSource.query('SELECT COUNT(*) AS count FROM appraisal_indicator WHERE scheme_id = ?', [scheme.id]);
    expect(Number(count)).toBe(2);

    const stale = await runner.run(bureauAdmin, UPDATE, { input: { id: scheme.id, version: scheme.version, name: '被覆盖的名称' } });
    expect(stale.data).toBeNull();
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', id: scheme.id, currentVersion: replaced.version });

    const renamed = (await runner.data(bureauAdmin, UPDATE, { input: { id: scheme.id, version: replaced.version, name: '2026年度学院考核（修订）' } }))
      .updateAppraisalScheme.appraisalScheme;
    expect(renamed).toMatchObject({ name: '2026年度学院考核（修订）', version: replaced.version + 1 });
    expect(renamed.indicators.map((indicator: any) => indicator.name)).toEqual(['安全教育覆盖率', '现场检查']);

    const badWeights = await runner.run(bureauAdmin, UPDATE, {
      input: { id: scheme.id, version: renamed.version, indicators: [{ name: '现场检查', weight: 99.99, kind: 'MANUAL' }] },
    });
    expect(badWeights.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'indicators' })]);
    const read = (await runner.data(bureauAdmin, SCHEME, { id: scheme.id })).appraisalScheme;
    expect(read).toMatchObject({ version: renamed.version });
    expect(read.indicators).toHaveLength(2);
  });

  it('lets only the bureau or a safety office write schemes', async () => {
    const before = await schemeCount();
    const input = { orgUnitId: SCHOOL, name: '学校自定考核方案', year: 2026, period: 'FIRST_HALF', indicators: INDICATORS };
    const officer = await runner.run(schoolOfficer, CREATE, { input });
    expect(officer.data).toBeNull();
    expect(officer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await schemeCount()).toBe(before);

    const bureauScheme = (await runner.data(bureauAdmin, SCHEMES)).appraisalSchemes.edges[0].node;
    const outOfScope = await runner.run(schoolOffice, UPDATE, { input: { id: bureauScheme.id, version: 1, name: '越权修改' } });
    expect(outOfScope.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const bySchool = (await runner.data(schoolOffice, CREATE, { input })).createAppraisalScheme.appraisalScheme;
    expect(bySchool).toMatchObject({ status: 'DRAFT', orgUnit: { id: SCHOOL } });
    const officerUpdate = await runner.run(schoolOfficer, UPDATE, { input: { id: bySchool.id, version: bySchool.version, name: '安全员改名' } });
    expect(officerUpdate.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
