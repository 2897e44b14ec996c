import { calendarDateOf } from '@campus/graphql';
import { eventually, GraphQLClient } from '@campus/testing';
import { Workbook } from 'exceljs';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

const DAY_MS = 24 * 3600 * 1000;
const DRILL = `id status version problems { id description raisedAt hazard { id code status } }`;
const PLAN = `mutation($input: PlanDrillInput!) { planDrill(input: $input) { drill { ${DRILL} } } }`;
const HOLD = `mutation($input: HoldDrillInput!) { holdDrill(input: $input) { drill { ${DRILL} } } }`;
const EVALUATE = `mutation($input: EvaluateDrillInput!) { evaluateDrill(input: $input) { drill { ${DRILL} } } }`;
const READ = `query($id: ID!) { drill(id: $id) { ${DRILL} orgUnit { name } participatingUnits { name } } }`;

/** Emergency drills through the gateway: plan → hold → evaluate, a problem becoming a hazard whose state comes back; refusals; missing drills; the records download. */
describe('education-drills: emergency drills', () => {
  let fixture: PlatformFixture;
  let xxOfficer: GraphQLClient;
  const heldAt = new Date(Date.now() - 2 * DAY_MS);

  const planInput = (orgUnitId: string, title: string) => ({
    orgUnitId,
    title,
    type: 'FIRE',
    scenario: '机房 UPS 电池间冒烟起火，楼内人员疏散并使用灭火器扑救初期火灾',
    placeText: '信息楼',
    expectedParticipants: 120,
    plannedDate: calendarDateOf(heldAt),
  });
  const holdInput = (drill: { id: string; version: number }) => ({
    id: drill.id,
    version: drill.version,
    startedAt: heldAt.toISOString(),
    endedAt: new Date(heldAt.getTime() + 30 * 60_000).toISOString(),
    actualParticipants: 112,
    evacuationSeconds: 150,
  });

  beforeAll(async () => {
    fixture = await startPlatformFixture(4320);
    xxOfficer = await fixture.as('xx.officer');
  }, 120_000);

  afterAll(async () => {
    await fixture?.stop();
  });

  it('plans, holds and evaluates a drill; its problem becomes a hazard in hazard-tracking and shows the hazard’s state', async () => {
    const me = (await xxOfficer.data('{ me { person { id } } }')).me.person.id;
    const planned = (await xxOfficer.data(PLAN, { input: planInput(fixture.unitIds['XDZY-XX'], '机房消防演练') })).planDrill.drill;
    expect(planned.status).toBe('PLANNED');
    const held = (await xxOfficer.data(HOLD, { input: holdInput(planned) })).holdDrill.drill;
    expect(held.status).toBe('HELD');
    const evaluateInput = {
      id: held.id,
      version: held.version,
      score: 85,
      strengths: '报警、疏散、初期扑救衔接顺畅',
      problems: [
        {
          description: '机房门口灭火器压力不足，不能正常使用',
          category: 'FIRE',
          grade: 'GENERAL',
          ownerPersonId: me,
          deadline: calendarDateOf(new Date(Date.now() + 10 * DAY_MS)),
          improvementAction: '更换灭火器，纳入每月消防器材检查',
          raiseAsHazard: true,
        },
      ],
    };
    // The owner arrives here through responsibility-network's person events.
    const evaluated = await eventually(() => xxOfficer.request(EVALUATE, { input: evaluateInput }), (response) => !response.errors?.length, 15_000, 300);
    expect(evaluated.errors).toBeUndefined();
    const problemId = evaluated.data?.evaluateDrill.drill.problems[0].id;

    const ledger = () => xxOfficer.data('{ hazards(first: 50, filter: { source: [DRILL] }) { edges { node { id code status version sourceRef { type id } } } } }');
    const raised = await eventually(ledger, (data) => data.hazards.edges.some((edge: any) => edge.node.sourceRef?.id === problemId), 20_000);
    const hazard = raised.hazards.edges.map((edge: any) => edge.node).find((node: any) => node.sourceRef?.id === problemId);
    expect(hazard).toMatchObject({ status: 'REGISTERED', sourceRef: { type: 'DRILL_PROBLEM', id: problemId } });

    const shown = await eventually(() => xxOfficer.data(READ, { id: held.id }), (data) => data.drill.problems[0].hazard !== null, 20_000);
    expect(shown.drill).toMatchObject({ status: 'EVALUATED', orgUnit: { name: '信息工程学院' }, participatingUnits: [{ name: '信息工程学院' }] });
    expect(shown.drill.problems[0].hazard).toEqual({ id: hazard.id, code: hazard.code, status: 'REGISTERED' });

    await xxOfficer.data('mutation($input: ReportHazardInput!) { reportHazard(input: $input) { hazard { status } } }', { input: { id: hazard.id, version: hazard.version } });
    const followed = await eventually(() => xxOfficer.data(READ, { id: held.id }), (data) => data.drill.problems[0].hazard.status === 'REPORTED', 20_000);
    expect(followed.drill.problems[0].hazard.status).toBe('REPORTED');
  });

  it("refuses another college's drill, a staff member's evaluation and evaluating a drill not yet held", async () => {
    const planned = (await xxOfficer.data(PLAN, { input: planInput(fixture.unitIds['XDZY-XX'], '尚未实施的演练') })).planDrill.drill;
    const jdOfficer = await fixture.as('jd.officer');
    const hidden = await jdOfficer.request(READ, { id: planned.id });
    expect(hidden.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    const listed = await jdOfficer.data('{ drills(first: 50) { edges { node { id } } } }');
    expect(listed.drills.edges.map((edge: { node: { id: string } }) => edge.node.id)).not.toContain(planned.id);

    const early = await xxOfficer.request(EVALUATE, { input: { id: planned.id, version: planned.version, score: 90, strengths: '组织有序', problems: [] } });
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
    expect(early.errors?.[0].message).toContain('演练尚未实施，不能评估');

    const office = await fixture.as('safety.office');
    const hq = (await office.data(PLAN, { input: { ...planInput(fixture.unitIds['XDZY-HQ'], '后勤食堂消防演练'), placeText: '第一食堂' } })).planDrill.drill;
    const hqHeld = (await office.data(HOLD, { input: holdInput(hq) })).holdDrill.drill;
    const staff = await fixture.as('staff');
    const byStaff = await staff.request(EVALUATE, { input: { id: hqHeld.id, version: hqHeld.version, score: 90, strengths: '组织有序', problems: [] } });
    expect(byStaff.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
    expect((await staff.data(READ, { id: hqHeld.id })).drill.status).toBe('HELD');
  });

  it('lists the colleges with no evacuation drill held this term, and downloads the drill records', async () => {
    const office = await fixture.as('safety.office');
    const gaps = (
      await office.data('query($id: ID!) { drillGaps(orgUnitId: $id, kinds: ["COLLEGE"]) { termLabel unitsChecked unitsMissing { name } } }', { id: fixture.unitIds.XDZY })
    ).drillGaps;
    expect(gaps.unitsChecked).toBe(4);
    // The demo's 信息工程学院 held its evacuation drill; 机电工程学院's is only planned.
    expect(gaps.unitsMissing.map((unit: { name: string }) => unit.name).sort()).toEqual(['护理学院', '机电工程学院', '经济管理学院'].sort());

    const url = fixture.platform.gatewayUrl.replace(/\/graphql$/, '/exports/drill-records');
    const response = await fetch(`${url}?orgUnitId=${fixture.unitIds.XDZY}`, { headers: { authorization: `Bearer ${office.token}` } });
    expect(response.status).toBe(200);
    expect(decodeURIComponent(response.headers.get('content-disposition') ?? '')).toContain('应急演练记录-');
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const titles = workbook.getWorksheet('应急演练记录')?.getColumn(3).values ?? [];
    expect(titles).toEqual(expect.arrayContaining(['演练名称', '信息工程学院秋季学期应急疏散演练', '机房消防演练', '后勤食堂消防演练']));

    const jdOfficer = await fixture.as('jd.officer');
    const refused = await fetch(`${url}?orgUnitId=${fixture.unitIds.XDZY}`, { headers: { authorization: `Bearer ${jdOfficer.token}` } });
    expect(refused.status).toBe(404);
  });
});
