import { calendarDateOf } from '@campus/graphql';
import { eventually, GraphQLClient } from '@campus/testing';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

const METRIC = `query($metric: IndicatorMetric!, $unit: ID!, $from: String!, $to: String!, $first: Int) {
  appraisalMetric(metric: $metric, orgUnitId: $unit, from: $from, to: $to) { metric name kind value numerator denominator
    sources(first: $first) { hasMore rows { kind id label orgUnit { id } counted } } } }`;
const HAZARD = 'id version status';
const step = (name: string, input: string) => `mutation($input: ${input}!) { ${name}(input: $input) { hazard { ${HAZARD} } } }`;

/** The appraisal's hazard metrics follow a hazard registered and rectified in hazard-tracking, through events only. */
describe('supervision-appraisal: hazard facts through the gateway', () => {
  let fixture: PlatformFixture;
  let officer: GraphQLClient;
  let leader: GraphQLClient;
  let office: GraphQLClient;
  let otherCollege: GraphQLClient;
  const today = calendarDateOf(new Date());
  const from = `${today.slice(0, 7)}-01`;
  const to = calendarDateOf(new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)), 0, 12)));

  beforeAll(async () => {
    fixture = await startPlatformFixture(4480);
    [officer, leader, office, otherCollege] = await Promise.all(['xx.officer', 'xx.leader', 'safety.office', 'jd.officer'].map((name) => fixture.as(name)));
  }, 120_000);

  afterAll(async () => {
    await fixture?.stop();
  });

  const metric = (client: GraphQLClient, code: string, unit = fixture.unitIds['XDZY-XX']) => client.request(METRIC, { metric: code, unit, from, to, first: 200 });

  async function act(client: GraphQLClient, name: string, input: string, hazard: { id: string; version: number }, fields: Record<string, unknown> = {}) {
    return (await client.data(step(name, input), { input: { id: hazard.id, version: hazard.version, ...fields } }))[name].hazard;
  }

  it('counts a hazard rectified by its deadline in the college’s rectification rate and on-time rectification', async () => {
    const before = (await metric(office, 'RECTIFICATION_RATE')).data!.appraisalMetric;
    expect(before).toMatchObject({ metric: 'RECTIFICATION_RATE', name: '隐患整改率', kind: 'RATE' });

    const registered = await officer.data(step('registerHazard', 'RegisterHazardInput'), {
      input: { orgUnitId: fixture.unitIds['XDZY-XX'], title: '考核端到端：配电间门未上锁', description: '信息楼配电间门未上锁', category: 'ELECTRICAL', grade: 'GENERAL', placeText: '信息楼一层配电间', discoveredAt: new Date().toISOString() },
    });
    let hazard = registered.registerHazard.hazard;
    const leaderPersonId = (await leader.data('{ me { person { id } } }')).me.person.id;
    hazard = await act(officer, 'reportHazard', 'ReportHazardInput', hazard);
    hazard = await act(officer, 'submitRectificationPlan', 'SubmitRectificationPlanInput', hazard, { responsiblePersonId: leaderPersonId, measures: '加装门锁', deadline: today, contingencyPlan: '专人值守' });
    hazard = await act(officer, 'startRectification', 'StartRectificationInput', hazard);
    hazard = await act(officer, 'submitForAcceptance', 'SubmitForAcceptanceInput', hazard, { rectificationNote: '已加装门锁' });
    hazard = await act(office, 'acceptHazard', 'AcceptHazardInput', hazard, { passed: true, comment: '验收合格' });
    expect(hazard.status).toBe('ACCEPTED');

    const after = (await eventually(() => metric(office, 'RECTIFICATION_RATE'), (response) => response.data?.appraisalMetric.numerator === before.numerator + 1, 20_000, 300)).data!.appraisalMetric;
    expect(after.denominator).toBe((before.denominator ?? 0) + 1);
    expect(after.sources.rows).toContainEqual({ kind: 'HAZARD', id: hazard.id, label: expect.stringContaining('考核端到端：配电间门未上锁'), orgUnit: { id: fixture.unitIds['XDZY-XX'] }, counted: '已整改' });
    const onTime = (await metric(office, 'ON_TIME_RECTIFICATION')).data!.appraisalMetric;
    expect(onTime.sources.rows).toContainEqual(expect.objectContaining({ id: hazard.id, counted: '按期整改' }));
  });

  it('refuses another college’s unit', async () => {
    expect((await metric(otherCollege, 'RECTIFICATION_RATE')).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
