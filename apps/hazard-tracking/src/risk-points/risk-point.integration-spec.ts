import { Role } from '@campus/auth';
import { NO_OUTBOX_SIGNAL } from '@campus/events';
import { calendarDateOf } from '@campus/graphql';
import { createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { HAZARD_MODULES, buildHazardSchema } from '../service';

const PATHS = { school: '/bureau/school/', collegea: '/bureau/school/collegea/', collegeb: '/bureau/school/collegeb/' };
const FIELDS = 'id name method score level reviewDate version factors { likelihood severity exposure consequence }';
const CREATE = `mutation($input: CreateRiskPointInput!) { createRiskPoint(input: $input) { riskPoint { ${FIELDS} } } }`;
const REVIEW = `mutation($input: ReviewRiskPointInput!) { reviewRiskPoint(input: $input) { riskPoint { ${FIELDS} } } }`;
const LIST = 'query($filter: RiskPointFilter) { riskPoints(filter: $filter) { totalCount edges { node { name level } } } }';

const officerA = viewerWith('officer-a', [[Role.UNIT_SAFETY_OFFICER, 'collegea', PATHS.collegea]]);
const staffA = viewerWith('staff-a', [[Role.STAFF, 'collegea', PATHS.collegea]]);
const school = viewerWith('school', [[Role.SAFETY_OFFICE, 'school', PATHS.school]]);
const day = (offset: number) => calendarDateOf(new Date(Date.now() + offset * 24 * 3600 * 1000));

function riskInput(orgUnitId: string, name: string, assessment: Record<string, unknown>, reviewDate = day(90)) {
  return { orgUnitId, name, placeText: '化学实验室', category: 'LAB_CHEMICAL', assessment, controlMeasures: '双人双锁，专人管理，每日巡查', reviewDate };
}

describe('risk points (风险分级管控)', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;

  beforeAll(async () => {
    db = await createServiceTestDatabase('risk', HAZARD_MODULES);
    runner = new SchemaRunner(await buildHazardSchema(db.dataSource, fixedOrgDirectory(PATHS), NO_OUTBOX_SIGNAL));
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('grades a risk point by the matrix and by LEC', async () => {
    const matrix = await runner.data(officerA, CREATE, { input: riskInput('collegea', '危化品仓库', { method: 'MATRIX', likelihood: 4, severity: 5 }) });
    expect(matrix.createRiskPoint.riskPoint).toMatchObject({ method: 'MATRIX', score: 20, level: 'RED', factors: { likelihood: 4, severity: 5 } });
    const lec = await runner.data(officerA, CREATE, {
      input: riskInput('collegea', '实训车间行车', { method: 'LEC', likelihood: 3, exposure: 6, consequence: 7 }, day(-1)),
    });
    expect(lec.createRiskPoint.riskPoint).toMatchObject({ method: 'LEC', score: 126, level: 'YELLOW' });
  });

  it('lists by level and the reviews that are overdue, within scope', async () => {
    const red = await runner.data(school, LIST, { filter: { levels: ['RED'], reviewOverdue: false } });
    expect(red.riskPoints.edges.map((edge: any) => edge.node.name)).toEqual(['危化品仓库']);
    const overdue = await runner.data(school, LIST, { filter: { reviewOverdue: true } });
    expect(overdue.riskPoints.edges.map((edge: any) => edge.node.name)).toEqual(['实训车间行车']);
    const outsider = viewerWith('b', [[Role.SAFETY_OFFICE, 'collegeb', PATHS.collegeb]]);
    expect((await runner.data(outsider, LIST, {})).riskPoints.totalCount).toBe(0);
  });

  it('reviews a risk point: new grade, next review date, optimistic locking', async () => {
    const list = await runner.data(school, 'query { riskPoints(filter: { reviewOverdue: true }) { edges { node { id version } } } }');
    const { id, version } = list.riskPoints.edges[0].node;
    const reviewed = await runner.data(officerA, REVIEW, {
      input: { id, version, assessment: { method: 'MATRIX', likelihood: 2, severity: 3 }, nextReviewDate: day(180) },
    });
    expect(reviewed.reviewRiskPoint.riskPoint).toMatchObject({ method: 'MATRIX', score: 6, level: 'BLUE', reviewDate: day(180), version: version + 1 });
    const stale = await runner.run(officerA, REVIEW, {
      input: { id, version, assessment: { method: 'MATRIX', likelihood: 5, severity: 5 }, nextReviewDate: day(30) },
    });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('refuses incomplete assessments, outsiders and staff', async () => {
    const incomplete = await runner.run(officerA, CREATE, { input: riskInput('collegea', '缺因子', { method: 'LEC', likelihood: 4 }) });
    expect(incomplete.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(incomplete.errors?.[0].extensions?.fields.map((field: any) => field.field)).toEqual([
      'assessment.likelihood',
      'assessment.exposure',
      'assessment.consequence',
    ]);
    const byStaff = await runner.run(staffA, CREATE, { input: riskInput('collegea', '员工登记', { method: 'MATRIX', likelihood: 1, severity: 1 }) });
    expect(byStaff.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const elsewhere = await runner.run(officerA, CREATE, { input: riskInput('collegeb', '越界', { method: 'MATRIX', likelihood: 1, severity: 1 }) });
    expect(elsewhere.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
