import { calendarDateOf } from '@campus/graphql';
import { GraphQLClient, GraphQLResponse } from '@campus/testing';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

const HAZARD = 'id version status grade failedAcceptances voidReason';
const CHINESE = /[\u4e00-\u9fff]/;

const INPUT_TYPES = {
  reportHazard: 'ReportHazardInput',
  submitRectificationPlan: 'SubmitRectificationPlanInput',
  startRectification: 'StartRectificationInput',
  submitForAcceptance: 'SubmitForAcceptanceInput',
  acceptHazard: 'AcceptHazardInput',
  closeHazard: 'CloseHazardInput',
  archiveHazard: 'ArchiveHazardInput',
  fixOnTheSpot: 'FixOnTheSpotInput',
  voidHazard: 'VoidHazardInput',
  assessHazard: 'AssessHazardInput',
} as const;
type LoopMutation = keyof typeof INPUT_TYPES;

interface HazardState {
  id: string;
  version: number;
  status: string;
  grade: string;
  failedAcceptances: number;
  voidReason: string | null;
}

interface FileStep {
  seq: number;
  action: string;
  from: string | null;
  to: string;
  comment: string | null;
  at: string;
  actor: { name: string } | null;
}

const FILE = `query($id: ID!) { hazardFile(id: $id) {
  hazard { ${HAZARD} }
  plan { measures deadline contingencyPlan funds upwardReportNote reportedUpwardAt interimMeasures responsiblePerson { id } }
  steps { seq action from to comment at actor { name } }
  acceptance { action to actor { name } }
} }`;

/** The calendar day (Asia/Shanghai, as the service counts) `days` from today. */
function dayFromToday(days: number): string {
  const [year, month, day] = calendarDateOf(new Date()).split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Hazards of 信息工程学院 through the closed loop (排查→登记→报告→治理→验收→销号→存档), through the gateway. */
describe('the hazard closed loop', () => {
  let fixture: PlatformFixture;
  let officer: GraphQLClient; // xx.officer, 张伟: 信息工程学院安全员
  let leader: GraphQLClient; // xx.leader, 李明: 信息工程学院院长 (the responsible person of the plans below)
  let office: GraphQLClient; // safety.office, 王建国: the school's safety office
  let inspector: GraphQLClient; // inspector, 赵刚: the bureau's supervision group
  let gridOfficer: GraphQLClient; // grid.officer, 陈静: 信息工程学院网格安全员
  let otherCollege: GraphQLClient; // jd.officer, 刘洋: 机电工程学院安全员
  let bureau: GraphQLClient; // bureau.admin: sees every unit's people (the inspector belongs to the bureau)
  let leaderPersonId: string;

  function attempt(client: GraphQLClient, mutation: LoopMutation, hazard: HazardState, fields: Record<string, unknown> = {}): Promise<GraphQLResponse> {
    return client.request(`mutation($input: ${INPUT_TYPES[mutation]}!) { ${mutation}(input: $input) { hazard { ${HAZARD} } } }`, {
      input: { id: hazard.id, version: hazard.version, ...fields },
    });
  }

  /** The mutation succeeds; returns the hazard after it. */
  async function act(client: GraphQLClient, mutation: LoopMutation, hazard: HazardState, fields: Record<string, unknown> = {}): Promise<HazardState> {
    const response = await attempt(client, mutation, hazard, fields);
    expect(response.errors).toBeUndefined();
    return response.data?.[mutation].hazard;
  }

  async function current(hazard: HazardState): Promise<HazardState> {
    return (await office.data(`query($id: ID!) { hazard(id: $id) { ${HAZARD} } }`, { id: hazard.id })).hazard;
  }

  /** The mutation is refused with the code and a Chinese message containing `message`, and changes nothing. */
  async function refused(
    client: GraphQLClient,
    mutation: LoopMutation,
    hazard: HazardState,
    fields: Record<string, unknown>,
    code: 'CONFLICT' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT',
    message: string,
  ): Promise<void> {
    const before = await current(hazard);
    const response = await attempt(client, mutation, hazard, fields);
    expect(response.data?.[mutation] ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions?.code).toBe(code);
    expect(response.errors?.[0]?.message).toMatch(CHINESE);
    expect(response.errors?.[0]?.message).toContain(message);
    expect(await current(hazard)).toEqual(before);
  }

  async function register(client: GraphQLClient, title: string, grade: 'GENERAL' | 'MAJOR' = 'GENERAL'): Promise<HazardState> {
    const data = await client.data(`mutation($input: RegisterHazardInput!) { registerHazard(input: $input) { hazard { ${HAZARD} } } }`, {
      input: {
        orgUnitId: fixture.unitIds['XDZY-XX'],
        title,
        description: '现场检查发现，需登记整改',
        category: 'FIRE',
        grade,
        placeText: '信息楼301机房',
        discoveredAt: new Date().toISOString(),
      },
    });
    return data.registerHazard.hazard;
  }

  async function file(client: GraphQLClient, hazard: HazardState) {
    return (await client.data(FILE, { id: hazard.id })).hazardFile;
  }

  const completePlan = () => ({
    responsiblePersonId: leaderPersonId,
    measures: '更换灭火器并建立月检记录',
    deadline: dayFromToday(7), // exactly at the horizon (RECTIFICATION_HORIZON_DAYS, 7 by default): no interim measures needed
    contingencyPlan: '更换前在机房门口临时增配两具灭火器',
  });

  beforeAll(async () => {
    fixture = await startPlatformFixture(4150);
    [officer, leader, office, inspector, gridOfficer, otherCollege, bureau] = await Promise.all(
      ['xx.officer', 'xx.leader', 'safety.office', 'inspector', 'grid.officer', 'jd.officer', 'bureau.admin'].map((username) => fixture.as(username)),
    );
    leaderPersonId = (await leader.data('{ me { person { id } } }')).me.person.id;
  });

  afterAll(async () => {
    await fixture?.stop();
  });

  it('walks a general hazard through every state, refusing what the rules forbid along the way', async () => {
    let hazard = await register(officer, '301机房灭火器过期');
    expect(hazard).toMatchObject({ status: 'REGISTERED', version: expect.any(Number), failedAcceptances: 0 });

    await refused(gridOfficer, 'reportHazard', hazard, {}, 'FORBIDDEN', '您无权'); // a grid officer may register, not report
    hazard = await act(officer, 'reportHazard', hazard, { comment: '上报学院' });
    expect(hazard.status).toBe('REPORTED');
    const earlySteps: FileStep[] = (await file(office, hazard)).steps;

    // 四落实 before rectification: nothing, then a partial plan, is refused with what is missing.
    await refused(officer, 'startRectification', hazard, {}, 'CONFLICT', '整改方案不完整，不能开始治理，缺少：整改方案（四落实）');
    hazard = await act(officer, 'submitRectificationPlan', hazard, { measures: '更换灭火器' });
    await refused(officer, 'startRectification', hazard, {}, 'CONFLICT', '缺少：整改责任人、整改时限、应急预案');
    await refused(officer, 'submitForAcceptance', hazard, { rectificationNote: '已更换' }, 'CONFLICT', '只有治理中的隐患可以申请验收');
    const beforePlan = hazard;
    hazard = await act(officer, 'submitRectificationPlan', hazard, completePlan());
    await refused(officer, 'startRectification', beforePlan, {}, 'CONFLICT', '隐患已被他人修改，请刷新后重试'); // stale version
    hazard = await act(officer, 'startRectification', hazard);
    expect(hazard.status).toBe('RECTIFYING');

    await refused(officer, 'submitRectificationPlan', hazard, { measures: '改为更换全部灭火器' }, 'CONFLICT', '隐患已进入治理，不能再修改整改方案');
    await refused(office, 'voidHazard', hazard, { reason: '误报' }, 'CONFLICT', '只有发现或登记状态的隐患可以作废');
    await refused(office, 'closeHazard', hazard, {}, 'CONFLICT', '隐患尚未验收通过，不能销号');

    hazard = await act(officer, 'submitForAcceptance', hazard, { rectificationNote: '已更换两具灭火器' });
    expect(hazard.status).toBe('PENDING_ACCEPTANCE');
    await refused(office, 'closeHazard', hazard, {}, 'CONFLICT', '隐患尚未验收通过，不能销号');
    await refused(officer, 'acceptHazard', hazard, { passed: true }, 'CONFLICT', '整改人不能验收自己的整改');
    await refused(leader, 'acceptHazard', hazard, { passed: true }, 'CONFLICT', '整改责任人不能验收本隐患');
    await refused(gridOfficer, 'acceptHazard', hazard, { passed: true }, 'FORBIDDEN', '您无权');

    // A failed acceptance returns it to rectification and is counted.
    hazard = await act(inspector, 'acceptHazard', hazard, { passed: false, comment: '缺少检验标签' });
    expect(hazard).toMatchObject({ status: 'RECTIFYING', failedAcceptances: 1 });
    hazard = await act(officer, 'submitForAcceptance', hazard, { rectificationNote: '已补贴检验标签' });
    hazard = await act(office, 'acceptHazard', hazard, { passed: true, comment: '验收合格' });
    expect(hazard).toMatchObject({ status: 'ACCEPTED', failedAcceptances: 1 });

    await refused(office, 'archiveHazard', hazard, {}, 'CONFLICT', '只有已销号的隐患可以备案存档');
    await refused(inspector, 'closeHazard', hazard, {}, 'FORBIDDEN', '您无权'); // the inspector accepts, the unit closes
    hazard = await act(office, 'closeHazard', hazard, { comment: '销号' });
    expect(hazard.status).toBe('CLOSED');
    hazard = await act(office, 'archiveHazard', hazard, { comment: '归档' });
    expect(hazard.status).toBe('ARCHIVED');
    await refused(office, 'archiveHazard', { ...hazard, version: hazard.version - 1 }, {}, 'CONFLICT', '隐患已被他人修改');

    // 一患一案一档: facts, plan, the whole timeline (refusals left no trace), the last acceptance.
    const record = await file(bureau, hazard);
    expect(record.hazard).toEqual(hazard);
    const { responsiblePersonId, ...planFacts } = completePlan();
    expect(record.plan).toMatchObject({ ...planFacts, responsiblePerson: { id: responsiblePersonId } });
    expect(record.steps.map((step: FileStep) => [step.seq, step.action, step.from, step.to, step.actor?.name])).toEqual([
      [1, 'REGISTER', null, 'REGISTERED', '张伟'],
      [2, 'REPORT', 'REGISTERED', 'REPORTED', '张伟'],
      [3, 'SUBMIT_PLAN', 'REPORTED', 'REPORTED', '张伟'],
      [4, 'SUBMIT_PLAN', 'REPORTED', 'REPORTED', '张伟'],
      [5, 'START_RECTIFICATION', 'REPORTED', 'RECTIFYING', '张伟'],
      [6, 'SUBMIT_FOR_ACCEPTANCE', 'RECTIFYING', 'PENDING_ACCEPTANCE', '张伟'],
      [7, 'FAIL_ACCEPTANCE', 'PENDING_ACCEPTANCE', 'RECTIFYING', '赵刚'],
      [8, 'SUBMIT_FOR_ACCEPTANCE', 'RECTIFYING', 'PENDING_ACCEPTANCE', '张伟'],
      [9, 'ACCEPT', 'PENDING_ACCEPTANCE', 'ACCEPTED', '王建国'],
      [10, 'CLOSE', 'ACCEPTED', 'CLOSED', '王建国'],
      [11, 'ARCHIVE', 'CLOSED', 'ARCHIVED', '王建国'],
    ]);
    expect(record.steps.map((step: FileStep) => step.comment)).toEqual([
      null,
      '上报学院',
      null,
      null,
      null,
      '已更换两具灭火器',
      '缺少检验标签',
      '已补贴检验标签',
      '验收合格',
      '销号',
      '归档',
    ]);
    const times = record.steps.map((step: FileStep) => Date.parse(step.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(record.steps.slice(0, earlySteps.length)).toEqual(earlySteps); // append-only: earlier steps are unchanged
    expect(record.acceptance).toEqual({ action: 'ACCEPT', to: 'ACCEPTED', actor: { name: '王建国' } });
  });

  it('a major hazard needs funds and an upward report, and a far deadline needs interim measures, before rectification', async () => {
    let hazard = await register(officer, '机房消防主机故障', 'MAJOR');
    await refused(officer, 'fixOnTheSpot', hazard, { measures: '重启主机' }, 'CONFLICT', '重大隐患不能即查即改');
    hazard = await act(officer, 'reportHazard', hazard);
    hazard = await act(officer, 'submitRectificationPlan', hazard, completePlan());
    await refused(officer, 'startRectification', hazard, {}, 'CONFLICT', '缺少：整改资金（重大隐患）、向上级报告（重大隐患）');

    hazard = await act(officer, 'submitRectificationPlan', hazard, { funds: '12000.50' });
    await refused(officer, 'startRectification', hazard, {}, 'CONFLICT', '缺少：向上级报告（重大隐患）');

    const reportedUpwardAt = new Date().toISOString();
    hazard = await act(officer, 'submitRectificationPlan', hazard, {
      upwardReportNote: '已书面报告学校安全保卫处',
      reportedUpwardAt,
      deadline: dayFromToday(30),
    });
    await refused(officer, 'startRectification', hazard, {}, 'CONFLICT', '缺少：临时管控措施（整改时限超过 7 天）');

    hazard = await act(officer, 'submitRectificationPlan', hazard, { interimMeasures: '主机修复前安排专人24小时值守' });
    hazard = await act(officer, 'startRectification', hazard);
    expect(hazard).toMatchObject({ status: 'RECTIFYING', grade: 'MAJOR' });
    expect((await file(office, hazard)).plan).toMatchObject({
      funds: expect.stringMatching(/^12000\.50?$/),
      upwardReportNote: '已书面报告学校安全保卫处',
      reportedUpwardAt,
      deadline: dayFromToday(30),
      interimMeasures: '主机修复前安排专人24小时值守',
    });
  });

  it('排查(发现): a grid officer reports a discovery; only the unit managers assess it into the ledger', async () => {
    const data = await gridOfficer.data(`mutation($input: RegisterHazardInput!) { reportHazardDiscovery(input: $input) { hazard { ${HAZARD} } } }`, {
      input: { orgUnitId: fixture.unitIds['XDZY-XX'], title: '随手拍：走廊插线板冒烟', description: '巡查时发现', category: 'OTHER', placeText: '信息楼二层走廊', discoveredAt: new Date().toISOString() },
    });
    const discovered: HazardState = data.reportHazardDiscovery.hazard;
    expect(discovered.status).toBe('DISCOVERED');
    await refused(gridOfficer, 'assessHazard', discovered, {}, 'FORBIDDEN', '无权');
    await refused(officer, 'reportHazard', discovered, {}, 'CONFLICT', '只有已登记的隐患可以报告');
    const assessed = await act(officer, 'assessHazard', discovered, { category: 'ELECTRICAL', grade: 'GENERAL', comment: '确认为用电隐患' });
    expect(assessed).toMatchObject({ status: 'REGISTERED', grade: 'GENERAL' });
    await refused(officer, 'assessHazard', assessed, {}, 'CONFLICT', '只有发现上报');
    const steps = (await file(office, assessed)).steps;
    expect(steps.map((step: FileStep) => [step.action, step.from, step.to])).toEqual([
      ['DISCOVER', null, 'DISCOVERED'],
      ['ASSESS', 'DISCOVERED', 'REGISTERED'],
    ]);
    const { hazard } = await office.data('query($id: ID!) { hazard(id: $id) { category } }', { id: assessed.id });
    expect(hazard.category).toBe('ELECTRICAL');
  });

  it('voids only from the first states, with a reason', async () => {
    let duplicate = await register(officer, '配电箱未上锁（重复登记）');
    await refused(office, 'voidHazard', duplicate, { reason: '' }, 'BAD_USER_INPUT', '作废原因');
    await refused(gridOfficer, 'voidHazard', duplicate, { reason: '重复登记' }, 'FORBIDDEN', '您无权');
    duplicate = await act(officer, 'voidHazard', duplicate, { reason: '与机房配电箱隐患重复登记' });
    expect(duplicate).toMatchObject({ status: 'VOIDED', voidReason: '与机房配电箱隐患重复登记' });
    await refused(office, 'voidHazard', duplicate, { reason: '再次作废' }, 'CONFLICT', '只有发现或登记状态的隐患可以作废');
    await refused(officer, 'reportHazard', duplicate, {}, 'CONFLICT', '只有已登记的隐患可以报告');
    expect((await file(office, duplicate)).steps.map((step: FileStep) => [step.action, step.from, step.to, step.comment])).toEqual([
      ['REGISTER', null, 'REGISTERED', null],
      ['VOID', 'REGISTERED', 'VOIDED', '与机房配电箱隐患重复登记'],
    ]);

    const reported = await act(officer, 'reportHazard', await register(officer, '机房空调漏水'));
    await refused(office, 'voidHazard', reported, { reason: '误报' }, 'CONFLICT', '只有发现或登记状态的隐患可以作废');
  });

  it("another college's officer can neither see nor touch 信息工程学院's hazard", async () => {
    const hazard = await register(officer, '机房插线板串接');
    const notFound = '隐患不存在或不在您的管辖范围内';
    await refused(otherCollege, 'reportHazard', hazard, {}, 'NOT_FOUND', notFound);
    await refused(otherCollege, 'voidHazard', hazard, { reason: '误报' }, 'NOT_FOUND', notFound);
    await refused(otherCollege, 'fixOnTheSpot', hazard, { measures: '拆除' }, 'NOT_FOUND', notFound);

    const read = await otherCollege.request('query($id: ID!) { hazard(id: $id) { id } }', { id: hazard.id });
    expect(read.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(read.data?.hazard ?? null).toBeNull();
    const fileRead = await otherCollege.request(FILE, { id: hazard.id });
    expect(fileRead.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    const ledger = await otherCollege.data('{ hazards(first: 100) { edges { node { id } } } }');
    expect(ledger.hazards.edges.map((edge: { node: { id: string } }) => edge.node.id)).not.toContain(hazard.id);

    const registerThere = await otherCollege.request('mutation($input: RegisterHazardInput!) { registerHazard(input: $input) { hazard { id } } }', {
      input: {
        orgUnitId: fixture.unitIds['XDZY-XX'],
        title: '越权登记',
        description: '不应成功',
        category: 'FIRE',
        placeText: '信息楼',
        discoveredAt: new Date().toISOString(),
      },
    });
    expect(registerThere.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(registerThere.errors?.[0]?.message).toContain('单位不存在或不在您的管辖范围内');
  });

  it('two transitions with the same version: exactly one wins, the other gets CONFLICT', async () => {
    const same = await register(officer, '机房门禁失灵');
    const twice = await Promise.all([attempt(officer, 'reportHazard', same), attempt(office, 'reportHazard', same)]);
    expect(twice.filter((response) => !response.errors).map((response) => response.data?.reportHazard.hazard.status)).toEqual(['REPORTED']);
    const lost = twice.filter((response) => response.errors);
    expect(lost).toHaveLength(1);
    expect(lost[0].errors?.[0]).toMatchObject({ message: expect.stringContaining('隐患已被他人修改'), extensions: { code: 'CONFLICT' } });
    expect((await file(office, same)).steps.map((step: FileStep) => step.action)).toEqual(['REGISTER', 'REPORT']);

    const different = await register(officer, '机房应急灯不亮');
    const raced = await Promise.all([attempt(officer, 'reportHazard', different), attempt(office, 'voidHazard', different, { reason: '误报' })]);
    expect(raced.filter((response) => !response.errors)).toHaveLength(1);
    expect(raced.filter((response) => response.errors).map((response) => response.errors?.[0]?.extensions?.code)).toEqual(['CONFLICT']);
    const after = await current(different);
    expect(['REPORTED', 'VOIDED']).toContain(after.status);
    expect((await file(office, different)).steps).toHaveLength(2);
  });

  it('即查即改: a grid officer fixes a trivial general hazard on the spot, every step recorded', async () => {
    let hazard = await register(gridOfficer, '走廊灭火器被遮挡');
    hazard = await act(gridOfficer, 'fixOnTheSpot', hazard, { measures: '当场移开遮挡物' });
    expect(hazard.status).toBe('CLOSED');
    const record = await file(office, hazard);
    expect(record.steps.map((step: FileStep) => [step.action, step.from, step.to, step.actor?.name, step.comment])).toEqual([
      ['REGISTER', null, 'REGISTERED', '陈静', null],
      ['REPORT', 'REGISTERED', 'REPORTED', '陈静', '当场移开遮挡物'],
      ['START_RECTIFICATION', 'REPORTED', 'RECTIFYING', '陈静', '当场移开遮挡物'],
      ['SUBMIT_FOR_ACCEPTANCE', 'RECTIFYING', 'PENDING_ACCEPTANCE', '陈静', '当场移开遮挡物'],
      ['ACCEPT', 'PENDING_ACCEPTANCE', 'ACCEPTED', '陈静', '当场移开遮挡物'],
      ['CLOSE', 'ACCEPTED', 'CLOSED', '陈静', '当场移开遮挡物'],
    ]);
    expect(record.acceptance).toMatchObject({ action: 'ACCEPT', actor: { name: '陈静' } });
    hazard = await act(office, 'archiveHazard', hazard);
    expect(hazard.status).toBe('ARCHIVED');

    const reported = await act(officer, 'reportHazard', await register(officer, '机房地面线缆裸露'));
    await refused(gridOfficer, 'fixOnTheSpot', reported, { measures: '当场整理' }, 'CONFLICT', '只有发现或登记状态的隐患可以即查即改');
  });
});
