import { Role } from '@campus/auth';
import { NO_OUTBOX_SIGNAL } from '@campus/events';
import { calendarDateOf } from '@campus/graphql';
import { createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { buildHazardSchema, HAZARD_MODULES } from '../service';

const PATHS = {
  school: '/bureau/school/',
  collegea: '/bureau/school/collegea/',
  collegeb: '/bureau/school/collegeb/',
  logistics: '/bureau/school/logistics/',
  other: '/bureau/other/',
};
const CREATE = 'mutation($input: CreateRiskPointInput!) { createRiskPoint(input: $input) { riskPoint { id version } } }';
const STRIKE_OFF = `mutation($input: StrikeOffRiskPointInput!) { strikeOffRiskPoint(input: $input) { riskPoint {
  id active state version strikeOff { on reason approverAccountId approver { id } } history { action comment accountId } } } }`;
const REVIEW = 'mutation($input: ReviewRiskPointInput!) { reviewRiskPoint(input: $input) { riskPoint { id version } } }';
const LIST = 'query($filter: RiskPointFilter) { riskPoints(filter: $filter) { totalCount edges { node { name state } } } }';
const GAPS = `query($unit: ID, $first: Int, $after: String) { riskListGaps(orgUnitId: $unit, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { orgUnit { id } unitName kind noRiskList activeCount overdueCount earliestOverdueReviewDate } } } }`;

const officerA = viewerWith('officer-a', [[Role.UNIT_SAFETY_OFFICER, 'collegea', PATHS.collegea]], 'person-a');
const staffA = viewerWith('staff-a', [[Role.STAFF, 'collegea', PATHS.collegea]]);
const school = viewerWith('school', [[Role.SAFETY_OFFICE, 'school', PATHS.school]]);
const outsider = viewerWith('other', [[Role.SAFETY_OFFICE, 'other', PATHS.other]]);
const day = (offset: number) => calendarDateOf(new Date(Date.now() + offset * 24 * 3600 * 1000));
const names = (result: any) => result.riskPoints.edges.map((edge: any) => edge.node.name).sort();

function riskInput(orgUnitId: string, name: string, reviewDate = day(90)) {
  const assessment = { method: 'MATRIX', likelihood: 2, severity: 3 };
  return { orgUnitId, name, placeText: '实训楼', category: 'SPECIAL_EQUIPMENT', assessment, controlMeasures: '专人管理，每日巡查', reviewDate };
}

describe('risk list per unit (风险清单): unit filter, gaps, 销号', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;
  const ids: Record<string, { id: string; version: number }> = {};

  beforeAll(async () => {
    db = await createServiceTestDatabase('risklist', HAZARD_MODULES);
    runner = new SchemaRunner(await buildHazardSchema(db.dataSource, fixedOrgDirectory(PATHS), NO_OUTBOX_SIGNAL));
    await db.dataSource.query(
      `INSERT INTO org_unit_projection (id, path, name, code, kind) VALUES
         ('bureau', '/bureau/', '县教体局', 'BUREAU', 'BUREAU'), ('school', '/bureau/school/', '现代职业学院', 'XDZY', 'SCHOOL'),
         ('collegea', '/bureau/school/collegea/', '信息工程学院', 'XX', 'COLLEGE'), ('collegeb', '/bureau/school/collegeb/', '机电工程学院', 'JD', 'COLLEGE'),
         ('logistics', '/bureau/school/logistics/', '后勤管理处', 'HQ', 'DEPARTMENT'), ('other', '/bureau/other/', '第二中学', 'EZ', 'SCHOOL')`,
    );
    for (const [unit, name, reviewDate] of [
      ['collegea', '机房配电柜', day(90)],
      ['collegea', '实验室行车', day(-3)],
      ['school', '学校大门', day(30)],
    ] as const) {
      ids[name] = (await runner.data(school, CREATE, { input: riskInput(unit, name, reviewDate) })).createRiskPoint.riskPoint;
    }
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('filters the list by a unit and its subtree; an out-of-scope unit is NOT_FOUND', async () => {
    expect(names(await runner.data(school, LIST, { filter: { orgUnitId: 'collegea' } }))).toEqual(['实验室行车', '机房配电柜']);
    expect(names(await runner.data(school, LIST, { filter: { orgUnitId: 'school' } }))).toHaveLength(3);
    expect(names(await runner.data(school, LIST, { filter: { orgUnitId: 'collegeb' } }))).toEqual([]);
    expect(names(await runner.data(school, LIST, { filter: { orgUnitId: 'collegea', reviewOverdue: true } }))).toEqual(['实验室行车']);
    const foreign = await runner.run(officerA, LIST, { filter: { orgUnitId: 'collegeb' } });
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('lists the units with no risk list or with overdue reviews, in scope, page by page', async () => {
    const gaps = await runner.data(school, GAPS, {});
    expect(gaps.riskListGaps.totalCount).toBe(4);
    expect(gaps.riskListGaps.edges.map((edge: any) => edge.node)).toEqual([
      expect.objectContaining({ orgUnit: { id: 'school' }, kind: 'SCHOOL', noRiskList: false, activeCount: 3, overdueCount: 1, earliestOverdueReviewDate: day(-3) }),
      expect.objectContaining({ orgUnit: { id: 'collegea' }, unitName: '信息工程学院', noRiskList: false, activeCount: 2, overdueCount: 1 }),
      expect.objectContaining({ orgUnit: { id: 'collegeb' }, unitName: '机电工程学院', noRiskList: true, activeCount: 0, overdueCount: 0 }),
      expect.objectContaining({ orgUnit: { id: 'logistics' }, kind: 'DEPARTMENT', noRiskList: true }),
    ]);
    const first = await runner.data(school, GAPS, { first: 2 });
    expect(first.riskListGaps.pageInfo.hasNextPage).toBe(true);
    const second = await runner.data(school, GAPS, { first: 2, after: first.riskListGaps.pageInfo.endCursor });
    expect(second.riskListGaps.edges.map((edge: any) => edge.node.orgUnit.id)).toEqual(['collegeb', 'logistics']);
    const underCollege = await runner.data(officerA, GAPS, {});
    expect(underCollege.riskListGaps.edges.map((edge: any) => edge.node.orgUnit.id)).toEqual(['collegea']);
    expect((await runner.data(outsider, GAPS, {})).riskListGaps.edges.map((edge: any) => edge.node.orgUnit.id)).toEqual(['other']);
    expect((await runner.run(outsider, GAPS, { unit: 'school' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('strikes a point off with reason, approver and date; it leaves the active list, stays readable and cannot be edited', async () => {
    const target = ids['实验室行车'];
    const refusedStaff = await runner.run(staffA, STRIKE_OFF, { input: { ...target, reason: '设备已拆除' } });
    expect(refusedStaff.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const refusedOutsider = await runner.run(outsider, STRIKE_OFF, { input: { ...target, reason: '设备已拆除' } });
    expect(refusedOutsider.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const noReason = await runner.run(officerA, STRIKE_OFF, { input: { ...target, reason: '' } });
    expect(noReason.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const future = await runner.run(officerA, STRIKE_OFF, { input: { ...target, reason: '设备已拆除', struckOffOn: day(2) } });
    expect(future.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const stale = await runner.run(officerA, STRIKE_OFF, { input: { ...target, version: target.version + 5, reason: '设备已拆除' } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });

    const done = (await runner.data(officerA, STRIKE_OFF, { input: { ...target, reason: '行车已拆除报废' } })).strikeOffRiskPoint.riskPoint;
    expect(done).toMatchObject({
      active: false,
      state: 'STRUCK_OFF',
      strikeOff: { on: day(0), reason: '行车已拆除报废', approverAccountId: 'officer-a', approver: { id: 'person-a' } },
      history: [{ action: 'STRIKE_OFF', comment: '行车已拆除报废', accountId: 'officer-a' }],
    });
    expect(names(await runner.data(school, LIST, { filter: { orgUnitId: 'collegea' } }))).toEqual(['机房配电柜']);
    const withStruckOff = await runner.data(school, LIST, { filter: { orgUnitId: 'collegea', includeStruckOff: true } });
    expect(withStruckOff.riskPoints.totalCount).toBe(2);
    const read = await runner.data(staffA, 'query($id: ID!) { riskPoint(id: $id) { state strikeOff { reason } } }', { id: target.id });
    expect(read.riskPoint).toEqual({ state: 'STRUCK_OFF', strikeOff: { reason: '行车已拆除报废' } });

    const review = await runner.run(officerA, REVIEW, {
      input: { id: target.id, version: done.version, assessment: { method: 'MATRIX', likelihood: 1, severity: 1 }, nextReviewDate: day(60) },
    });
    expect(review.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'INACTIVE' });
    expect(review.errors?.[0].message).toContain('已销号');
    const again = await runner.run(officerA, STRIKE_OFF, { input: { id: target.id, version: done.version, reason: '再次销号' } });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'INACTIVE' });

    const gaps = await runner.data(school, GAPS, { unit: 'collegea' });
    expect(gaps.riskListGaps.totalCount).toBe(0);
  });

  it('records reviews in the history too', async () => {
    const point = ids['机房配电柜'];
    await runner.data(officerA, REVIEW, {
      input: { ...point, assessment: { method: 'MATRIX', likelihood: 1, severity: 2 }, nextReviewDate: day(120) },
    });
    const read = await runner.data(school, 'query($id: ID!) { riskPoint(id: $id) { history { action accountId } } }', { id: point.id });
    expect(read.riskPoint.history).toEqual([{ action: 'REVIEW', accountId: 'officer-a' }]);
  });
});
