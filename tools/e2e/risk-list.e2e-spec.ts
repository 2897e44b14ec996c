import { calendarDateOf } from '@campus/graphql';
import { GraphQLClient } from '@campus/testing';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

const DAY_MS = 24 * 3600 * 1000;
const day = (offset: number) => calendarDateOf(new Date(Date.now() + offset * DAY_MS));
const CREATE = 'mutation($input: CreateRiskPointInput!) { createRiskPoint(input: $input) { riskPoint { id version } } }';
const STRIKE_OFF = `mutation($input: StrikeOffRiskPointInput!) { strikeOffRiskPoint(input: $input) { riskPoint {
  id version state strikeOff { reason on approver { name } } history { action comment } } } }`;
const REVIEW = 'mutation($input: ReviewRiskPointInput!) { reviewRiskPoint(input: $input) { riskPoint { id } } }';
const LIST = 'query($filter: RiskPointFilter) { riskPoints(filter: $filter) { totalCount edges { node { name state strikeOff { reason } } } } }';
const GAPS = 'query($unit: ID) { riskListGaps(orgUnitId: $unit, first: 100) { totalCount edges { node { orgUnit { id } unitName noRiskList overdueCount } } } }';

function riskInput(orgUnitId: string, name: string, reviewDate: string) {
  const assessment = { method: 'MATRIX', likelihood: 2, severity: 4 };
  return { orgUnitId, name, placeText: '学生宿舍', category: 'FIRE', assessment, controlMeasures: '每日查寝，违规电器收缴', reviewDate };
}

/** Issue 17, part 5: the risk list per unit through the gateway, on the demo campus. */
describe('risk list per unit (风险清单) through the gateway', () => {
  let fixture: PlatformFixture;
  let office: GraphQLClient; // safety.office: 学校安全保卫处 (现代职业学院)
  let xx: GraphQLClient; // xx.officer: 信息工程学院安全员
  let units: Record<string, string>;

  beforeAll(async () => {
    fixture = await startPlatformFixture(4690);
    [office, xx] = await Promise.all(['safety.office', 'xx.officer'].map((name) => fixture.as(name)));
    units = fixture.unitIds;
  }, 120_000);

  afterAll(async () => {
    await fixture?.stop();
  });

  it('filters by a unit subtree; the demo’s struck-off point is readable with its 销号 record but off the active list', async () => {
    await xx.data(CREATE, { input: riskInput(units['XDZY-XX'], '学生宿舍违规电器', day(-5)) });
    const active = await office.data(LIST, { filter: { orgUnitId: units['XDZY-JD'] } });
    expect(active.riskPoints.totalCount).toBe(0);
    const all = await office.data(LIST, { filter: { orgUnitId: units['XDZY-JD'], includeStruckOff: true } });
    expect(all.riskPoints.edges.map((edge: any) => edge.node)).toEqual([
      { name: '锻压车间冲床', state: 'STRUCK_OFF', strikeOff: { reason: '冲床已拆除报废，旧锻压车间改为实训教室' } },
    ]);
    const school = await office.data(LIST, { filter: { orgUnitId: units.XDZY } });
    expect(school.riskPoints.edges.map((edge: any) => edge.node.name)).toEqual(['学生宿舍违规电器']);
    const foreign = await xx.request(LIST, { filter: { orgUnitId: units['XDZY-JD'] } });
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('lists the units under me with no risk list or with overdue reviews', async () => {
    const gaps = (await office.data(GAPS, { unit: units.XDZY })).riskListGaps.edges.map((edge: any) => edge.node);
    const byUnit = new Map(gaps.map((gap: any) => [gap.orgUnit.id, gap]));
    expect(byUnit.get(units['XDZY-XX'])).toMatchObject({ unitName: '信息工程学院', noRiskList: false, overdueCount: 1 });
    expect(byUnit.get(units['XDZY-JD'])).toMatchObject({ unitName: '机电工程学院', noRiskList: true });
    expect(byUnit.get(units['XDZY-HQ'])).toMatchObject({ unitName: '后勤管理处', noRiskList: true });
    expect(byUnit.has(units.YZ)).toBe(false);
    const refused = await xx.request(GAPS, { unit: units.XDZY });
    expect(refused.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('strikes a point off (销号) by a manager only; a struck-off point cannot be edited', async () => {
    const point = (await xx.data(CREATE, { input: riskInput(units['XDZY-XX'], '机房UPS电池间', day(90)) })).createRiskPoint.riskPoint;
    const grid = await fixture.as('grid.officer');
    const byGrid = await grid.request(STRIKE_OFF, { input: { ...point, reason: '已整改' } });
    expect(byGrid.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const jd = await fixture.as('jd.officer');
    const byOtherCollege = await jd.request(STRIKE_OFF, { input: { ...point, reason: '已整改' } });
    expect(byOtherCollege.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const done = (await xx.data(STRIKE_OFF, { input: { ...point, reason: 'UPS 电池已迁至新机房' } })).strikeOffRiskPoint.riskPoint;
    expect(done).toMatchObject({
      state: 'STRUCK_OFF',
      strikeOff: { reason: 'UPS 电池已迁至新机房', on: day(0), approver: { name: '张伟' } },
      history: [{ action: 'STRIKE_OFF', comment: 'UPS 电池已迁至新机房' }],
    });
    const review = await xx.request(REVIEW, {
      input: { id: point.id, version: done.version, assessment: { method: 'MATRIX', likelihood: 1, severity: 1 }, nextReviewDate: day(30) },
    });
    expect(review.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'INACTIVE' });
  });
});
