import { calendarDateOf } from '@campus/graphql';
import { GraphQLClient } from '@campus/testing';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

const DAY_MS = 24 * 3600 * 1000;
const day = (offset: number) => calendarDateOf(new Date(Date.now() + offset * DAY_MS));

const PARTS = `
  hazardOverview { open majorOpen overdue foundThisYear rectifiedThisYear rectificationRate inspectionsDueThisMonth inspectionCompletionRate specialEquipmentOverdue }
  responsibilityOverview { placeCount keyPlaceCount uncoveredPlaceCount uncoveredKeyPlaceCount gridCoverageRate buildingsWithoutFireAcceptance letterYear letterStatus childUnits childLettersSigned dutyShiftGaps }
  educationOverview { term termStart termEnd population covered coverageRate drillsHeld drillsPlanned healthChecksThisWeek { expected entered completionRate } }
  appraisalOverview { latestScore latestGrade latestVetoed reportsMissing reportsLate reportsOnTime }`;
const OVERVIEW = `query($id: ID!) { orgUnit(id: $id) { id name ${PARTS} } }`;
const DASHBOARD = `query($root: ID!) { orgUnits(filter: { rootId: $root, kind: SCHOOL }, first: 50) { edges { node { id name ${PARTS} } } } }`;
const RANKING = `query($id: ID!, $metric: HazardRankMetric!) { orgUnit(id: $id) {
  hazardRanking(metric: $metric, first: 10) { value rank unit { id name hazardOverview { overdue } } } } }`;
const CROSS_CHECK = `query($id: ID!, $today: CalendarDate!, $from: CalendarDate!, $to: CalendarDate!) {
  orgUnit(id: $id) { hazardStats(from: "2000-01-01", to: $today) { overdue } educationCoverage(from: $from, to: $to) { population covered } }
  gridCoverage(orgUnitId: $id) { placeCount keyPlaceCount uncoveredPlaceCount uncoveredKeyPlaceCount }
  buildingsWithoutFireAcceptance(filter: { orgUnitId: $id }, first: 1) { totalCount } }`;
const REGISTER = 'mutation($input: RegisterHazardInput!) { registerHazard(input: $input) { hazard { id version } } }';

/** A unit's safety overview in one query, and its schools ranked (issue 15, part 3), as the county bureau's admin. */
describe('unit overview through the gateway', () => {
  let fixture: PlatformFixture;
  let admin: GraphQLClient;
  let units: Record<string, string>;

  beforeAll(async () => {
    fixture = await startPlatformFixture(4980);
    admin = await fixture.as('bureau.admin');
    units = fixture.unitIds;
  }, 120_000);

  afterAll(async () => {
    await fixture?.stop();
  });

  it('gives a school\'s overview from all four services in one query, agreeing with each service\'s own reports', async () => {
    const school = (await admin.data(OVERVIEW, { id: units.XDZY })).orgUnit;
    expect(school.name).toBe('现代职业学院');
    for (const part of ['hazardOverview', 'responsibilityOverview', 'educationOverview', 'appraisalOverview']) expect(school[part]).not.toBeNull();
    const { termStart, termEnd } = school.educationOverview;
    const check = await admin.data(CROSS_CHECK, { id: units.XDZY, today: day(0), from: termStart, to: termEnd });
    expect(school.hazardOverview.overdue).toBe(check.orgUnit.hazardStats.overdue);
    expect(school.responsibilityOverview).toMatchObject(check.gridCoverage);
    expect(school.responsibilityOverview.buildingsWithoutFireAcceptance).toBe(check.buildingsWithoutFireAcceptance.totalCount);
    expect(school.responsibilityOverview.letterYear).toBe(Number(day(0).slice(0, 4)));
    expect(school.educationOverview).toMatchObject(check.orgUnit.educationCoverage);
    expect(school.educationOverview.healthChecksThisWeek).not.toBeNull();
  });

  it('lists the county\'s schools with every part, and ranks them worst first on overdue hazards', async () => {
    // A hazard of 县第一中学 past its rectification deadline: its open and overdue counts go up by one.
    const before = (await admin.data(OVERVIEW, { id: units.YZ })).orgUnit.hazardOverview;
    let hazard = (
      await admin.data(REGISTER, {
        input: { orgUnitId: units.YZ, title: '教学楼消防栓无水', description: '巡查发现消防栓无水', category: 'FIRE', grade: 'GENERAL', placeText: '教学楼', discoveredAt: new Date(Date.now() - 3 * DAY_MS).toISOString() },
      })
    ).registerHazard.hazard;
    const step = async (name: string, input: Record<string, unknown> = {}) => {
      const type = `${name[0].toUpperCase()}${name.slice(1)}Input`;
      hazard = (await admin.data(`mutation($input: ${type}!) { ${name}(input: $input) { hazard { id version } } }`, { input: { id: hazard.id, version: hazard.version, ...input } }))[name].hazard;
    };
    await step('reportHazard');
    const head = (await (await fixture.as('school.head')).data('{ me { person { id } } }')).me.person.id;
    await step('submitRectificationPlan', { responsiblePersonId: head, measures: '更换消防栓', deadline: day(-1), contingencyPlan: '临时配备灭火器' });
    await step('startRectification');
    const after = (await admin.data(OVERVIEW, { id: units.YZ })).orgUnit.hazardOverview;
    expect(after.open).toBe(before.open + 1);
    expect(after.overdue).toBe(before.overdue + 1);
    expect(after.foundThisYear).toBe(before.foundThisYear + (day(-3).slice(0, 4) === day(0).slice(0, 4) ? 1 : 0));

    const schools = (await admin.data(DASHBOARD, { root: units.BUREAU })).orgUnits.edges.map((edge: any) => edge.node);
    expect(schools.map((unit: any) => unit.name).sort()).toEqual(['县第一中学', '现代职业学院'].sort());
    for (const unit of schools) {
      for (const part of ['hazardOverview', 'responsibilityOverview', 'educationOverview', 'appraisalOverview']) expect(unit[part]).not.toBeNull();
    }

    const ranking = (await admin.data(RANKING, { id: units.BUREAU, metric: 'OVERDUE_HAZARDS' })).orgUnit.hazardRanking;
    const ranked = ranking.filter((row: any) => [units.XDZY, units.YZ].includes(row.unit.id));
    expect(ranked).toHaveLength(2);
    for (const row of ranking) expect(row.value).toBe(row.unit.hazardOverview.overdue);
    for (let index = 1; index < ranking.length; index++) expect(ranking[index].value).toBeLessThanOrEqual(ranking[index - 1].value);
    expect(ranking[0].rank).toBe(1);
  });

  it('gives a college officer nothing of another college, and only their own college\'s overview', async () => {
    const officer = await fixture.as('xx.officer');
    const own = (await officer.data(OVERVIEW, { id: units['XDZY-XX'] })).orgUnit;
    expect(own.hazardOverview).not.toBeNull();
    expect(own.responsibilityOverview).not.toBeNull();
    const other = await officer.request(OVERVIEW, { id: units['XDZY-JD'] });
    expect(other.data?.orgUnit ?? null).toBeNull();
    const school = await officer.request(RANKING, { id: units.XDZY, metric: 'OVERDUE_HAZARDS' });
    expect(school.data?.orgUnit ?? null).toBeNull();
    const jd = await fixture.as('jd.officer');
    const across = await jd.request(`query($id: ID!) { orgUnit(id: $id) { id hazardOverview { open } appraisalOverview { reportsMissing } } }`, { id: units['XDZY-XX'] });
    expect(across.data?.orgUnit ?? null).toBeNull();
  });
});
