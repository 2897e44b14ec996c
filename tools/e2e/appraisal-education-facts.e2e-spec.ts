import { calendarDateOf } from '@campus/graphql';
import { eventually, GraphQLClient } from '@campus/testing';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

const METRIC = `query($metric: IndicatorMetric!, $unit: ID!, $from: String!, $to: String!, $first: Int) {
  appraisalMetric(metric: $metric, orgUnitId: $unit, from: $from, to: $to) { metric name kind value numerator denominator orgUnit { id name }
    sources(first: $first) { hasMore endCursor rows { kind id label orgUnit { id } counted } } } }`;
const CREATE = `mutation($input: CreateEducationActivityInput!) { createEducationActivity(input: $input) { educationActivity { id } } }`;
const MARK = `mutation($input: MarkEducationAttendanceInput!) { markEducationAttendance(input: $input) { recorded } }`;

/** The appraisal's education coverage follows attendance recorded in education-drills, through events only. */
describe('supervision-appraisal: education facts through the gateway', () => {
  let fixture: PlatformFixture;
  let office: GraphQLClient;
  let xxOfficer: GraphQLClient;
  let jdOfficer: GraphQLClient;
  let staff: GraphQLClient;
  const today = calendarDateOf(new Date());
  const from = `${today.slice(0, 7)}-01`;
  const to = calendarDateOf(new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)), 0, 12)));
  const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

  beforeAll(async () => {
    fixture = await startPlatformFixture(4500);
    [office, xxOfficer, jdOfficer, staff] = await Promise.all(['safety.office', 'xx.officer', 'jd.officer', 'staff'].map((name) => fixture.as(name)));
  }, 120_000);

  afterAll(async () => {
    await fixture?.stop();
  });

  const coverage = (client: GraphQLClient, unit = fixture.unitIds['XDZY-XX'], first = 200) =>
    client.request(METRIC, { metric: 'EDUCATION_COVERAGE', unit, from, to, first });

  it('counts attendance recorded in education-drills in the college’s coverage, and drops the person from those not covered', async () => {
    // People reach supervision-appraisal through responsibility-network's events.
    const before = (await eventually(() => coverage(office), (response) => (response.data?.appraisalMetric.denominator ?? 0) > 0, 30_000, 300)).data!.appraisalMetric;
    expect(before).toMatchObject({ metric: 'EDUCATION_COVERAGE', name: '安全教育覆盖率', kind: 'RATE', orgUnit: { id: fixture.unitIds['XDZY-XX'], name: '信息工程学院' } });
    expect(before.numerator + before.sources.rows.length).toBe(before.denominator);
    const target = before.sources.rows[0];
    expect(target).toMatchObject({ kind: 'PERSON', counted: '未覆盖' });

    const activity = (await xxOfficer.data(CREATE, {
      input: {
        orgUnitId: fixture.unitIds['XDZY-XX'], title: '考核覆盖率端到端：消防安全讲座', kind: 'LECTURE', topics: ['FIRE'],
        audienceKinds: ['STUDENT', 'STAFF', 'CONTRACTOR'], startsAt: inMinutes(-10), endsAt: inMinutes(50),
      },
    })).createEducationActivity.educationActivity;
    expect((await xxOfficer.data(MARK, { input: { activityId: activity.id, personIds: [target.id] } })).markEducationAttendance.recorded).toBe(1);

    const after = (await eventually(() => coverage(office), (response) => response.data?.appraisalMetric.numerator === before.numerator + 1, 20_000, 300)).data!.appraisalMetric;
    expect(after.denominator).toBe(before.denominator);
    expect(after.value).toBeCloseTo((before.numerator + 1) / before.denominator);
    expect(after.sources.rows.map((row: any) => row.id)).not.toContain(target.id);
  });

  it('refuses another college’s unit, a viewer without a managing role and a period that is not whole months', async () => {
    expect((await coverage(jdOfficer)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    // A staff member of 后勤管理处 sees the unit but holds no role that answers for its appraisal.
    const asStaff = await coverage(staff, fixture.unitIds['XDZY-HQ']);
    expect(asStaff.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(asStaff.data?.appraisalMetric ?? null).toBeNull();
    const partial = await office.request(METRIC, { metric: 'EDUCATION_COVERAGE', unit: fixture.unitIds['XDZY-XX'], from: `${from.slice(0, 8)}02`, to, first: 1 });
    expect(partial.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
