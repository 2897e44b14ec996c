import { GraphQLClient } from '@campus/testing';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

const HAZARD = 'id version status failedAcceptances';
const step = (name: string, input: string) =>
  `mutation($input: ${input}!) { ${name}(input: $input) { hazard { ${HAZARD} } } }`;

/** A hazard of 信息工程学院 through the closed loop (排查→登记→报告→治理→验收→销号→存档), through the gateway. */
describe('the hazard closed loop', () => {
  let fixture: PlatformFixture;
  let officer: GraphQLClient;
  let office: GraphQLClient;
  let hazard: { id: string; version: number; status: string; failedAcceptances: number };

  async function act(client: GraphQLClient, name: string, input: string, fields: Record<string, unknown> = {}) {
    const data = await client.data(step(name, input), { input: { id: hazard.id, version: hazard.version, ...fields } });
    hazard = data[name].hazard;
    return hazard;
  }

  beforeAll(async () => {
    fixture = await startPlatformFixture(4150);
    officer = await fixture.as('xx.officer');
    office = await fixture.as('safety.office');
    const registered = await officer.data(
      `mutation($input: RegisterHazardInput!) { registerHazard(input: $input) { hazard { ${HAZARD} } } }`,
      {
        input: {
          orgUnitId: fixture.unitIds['XDZY-XX'],
          title: '301机房灭火器过期',
          description: '两具干粉灭火器压力不足且已过检验期',
          category: 'FIRE',
          placeText: '信息楼301机房',
          discoveredAt: new Date().toISOString(),
        },
      },
    );
    hazard = registered.registerHazard.hazard;
  });

  afterAll(async () => {
    await fixture?.stop();
  });

  it('walks every state, refusing what the rules forbid along the way', async () => {
    const leader = await (await fixture.as('xx.leader')).data('{ me { person { id } } }');
    expect((await act(officer, 'reportHazard', 'ReportHazardInput', { comment: '上报学院' })).status).toBe('REPORTED');

    const early = await officer.request(step('startRectification', 'StartRectificationInput'), { input: { id: hazard.id, version: hazard.version } });
    expect(early.errors?.[0].extensions?.code).toBe('CONFLICT'); // no 四落实 plan yet

    const deadline = new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    await act(officer, 'submitRectificationPlan', 'SubmitRectificationPlanInput', {
      responsiblePersonId: leader.me.person.id,
      measures: '更换灭火器并建立月检记录',
      deadline,
      contingencyPlan: '更换前在机房门口临时增配两具灭火器',
    });
    expect((await act(officer, 'startRectification', 'StartRectificationInput')).status).toBe('RECTIFYING');
    expect((await act(officer, 'submitForAcceptance', 'SubmitForAcceptanceInput', { rectificationNote: '已更换' })).status).toBe('PENDING_ACCEPTANCE');

    const selfAccept = await officer.request(step('acceptHazard', 'AcceptHazardInput'), { input: { id: hazard.id, version: hazard.version, passed: true } });
    expect(selfAccept.errors?.[0].extensions?.code).toBe('CONFLICT'); // the rectifier may not accept their own work

    expect(await act(office, 'acceptHazard', 'AcceptHazardInput', { passed: false, comment: '缺少检验标签' })).toMatchObject({
      status: 'RECTIFYING',
      failedAcceptances: 1,
    });
    await act(officer, 'submitForAcceptance', 'SubmitForAcceptanceInput', { rectificationNote: '已补贴检验标签' });
    expect((await act(office, 'acceptHazard', 'AcceptHazardInput', { passed: true })).status).toBe('ACCEPTED');
    expect((await act(office, 'closeHazard', 'CloseHazardInput', { comment: '销号' })).status).toBe('CLOSED');
    expect((await act(office, 'archiveHazard', 'ArchiveHazardInput')).status).toBe('ARCHIVED');

    const file = await office.data('query($id: ID!) { hazardFile(id: $id) { plan { measures } steps { action to actor { name } } acceptance { to } } }', { id: hazard.id });
    expect(file.hazardFile.steps.map((s: any) => s.to)).toEqual([
      'REGISTERED', 'REPORTED', 'REPORTED', 'RECTIFYING', 'PENDING_ACCEPTANCE', 'RECTIFYING', 'PENDING_ACCEPTANCE', 'ACCEPTED', 'CLOSED', 'ARCHIVED',
    ]);
    expect(file.hazardFile.acceptance.to).toBe('ACCEPTED');
    expect(file.hazardFile.plan.measures).toBe('更换灭火器并建立月检记录');

    const stale = await office.request(step('archiveHazard', 'ArchiveHazardInput'), { input: { id: hazard.id, version: hazard.version - 1 } });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
  });
});
