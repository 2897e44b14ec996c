import { NO_OUTBOX_SIGNAL } from '@campus/events';
import { Role } from '@campus/auth';
import { DiskStore } from '@campus/files';
import { calendarDateOf } from '@campus/graphql';
import { createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { HAZARD_MODULES, buildHazardSchema } from '../service';
import { uploadTestEvidence } from '../evidence/evidence-testing';

const SCHOOL = 'school';
const UNIT_A = 'collegea';
const UNIT_B = 'collegeb';
const PATHS = {
  [SCHOOL]: '/bureau/school/',
  [UNIT_A]: '/bureau/school/collegea/',
  [UNIT_B]: '/bureau/school/collegeb/',
};

const STEP_FIELDS = 'seq action from to actorAccountId actor { id } comment evidence at';
const PLAN_FIELDS = 'responsiblePerson { id } measures deadline contingencyPlan funds upwardReportNote reportedUpwardAt interimMeasures';
const HAZARD_FIELDS = 'id status grade version failedAcceptances';
const REGISTER = `mutation($input: RegisterHazardInput!) { registerHazard(input: $input) { hazard { ${HAZARD_FIELDS} } } }`;
const VOID = `mutation($input: VoidHazardInput!) { voidHazard(input: $input) { hazard { ${HAZARD_FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateHazardInput!) { updateHazard(input: $input) { hazard { ${HAZARD_FIELDS} } } }`;
const mutation = (name: string, inputType: string) =>
  `mutation($input: ${inputType}!) { ${name}(input: $input) { hazard { ${HAZARD_FIELDS} } } }`;
const OPS = {
  reportHazard: mutation('reportHazard', 'ReportHazardInput'),
  submitRectificationPlan: mutation('submitRectificationPlan', 'SubmitRectificationPlanInput'),
  startRectification: mutation('startRectification', 'StartRectificationInput'),
  submitForAcceptance: mutation('submitForAcceptance', 'SubmitForAcceptanceInput'),
  acceptHazard: mutation('acceptHazard', 'AcceptHazardInput'),
  closeHazard: mutation('closeHazard', 'CloseHazardInput'),
  archiveHazard: mutation('archiveHazard', 'ArchiveHazardInput'),
  fixOnTheSpot: mutation('fixOnTheSpot', 'FixOnTheSpotInput'),
};
type Op = keyof typeof OPS;
const HAZARD_QUERY = `query($id: ID!) { hazard(id: $id) { ${HAZARD_FIELDS} plan { ${PLAN_FIELDS} } steps { ${STEP_FIELDS} } } }`;
const FILE_QUERY = `query($id: ID!) {
  hazardFile(id: $id) { hazard { ${HAZARD_FIELDS} } plan { ${PLAN_FIELDS} } steps { ${STEP_FIELDS} } acceptance { ${STEP_FIELDS} } }
}`;

const officerA = viewerWith('officer-a', [[Role.UNIT_SAFETY_OFFICER, UNIT_A, PATHS[UNIT_A]]], 'p-officer');
const leaderA = viewerWith('leader-a', [[Role.UNIT_LEADER, UNIT_A, PATHS[UNIT_A]]], 'p-leader');
const staffA = viewerWith('staff-a', [[Role.STAFF, UNIT_A, PATHS[UNIT_A]]], 'p-staff');
const counselorA = viewerWith('counselor-a', [[Role.COUNSELOR, UNIT_A, PATHS[UNIT_A]]], 'p-counselor');
const officerB = viewerWith('officer-b', [[Role.UNIT_SAFETY_OFFICER, UNIT_B, PATHS[UNIT_B]]], 'p-officer-b');
const schoolOffice = viewerWith('school-office', [[Role.SAFETY_OFFICE, SCHOOL, PATHS[SCHOOL]]], 'p-office');
const inspector = viewerWith('inspector', [[Role.INSPECTOR, SCHOOL, PATHS[SCHOOL]]], 'p-inspector');

function daysFromToday(days: number): string {
  return calendarDateOf(new Date(Date.now() + days * 86_400_000));
}

describe('hazard-tracking: the closed loop (integration)', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;
  let evidenceDir: string;

  async function register(title: string, grade = 'GENERAL', viewer = officerA): Promise<any> {
    const input = {
      orgUnitId: UNIT_A,
      title,
      description: `${title}：现场检查发现`,
      category: 'FIRE',
      grade,
      placeText: '实验楼三层',
      discoveredAt: new Date(Date.now() - 3600_000).toISOString(),
    };
    return (await runner.data(viewer, REGISTER, { input })).registerHazard.hazard;
  }

  async function step(viewer: any, op: Op, hazard: any, fields: Record<string, unknown> = {}): Promise<any> {
    return (await runner.data(viewer, OPS[op], { input: { id: hazard.id, version: hazard.version, ...fields } }))[op].hazard;
  }

  function attempt(viewer: any, op: Op, hazard: any, fields: Record<string, unknown> = {}) {
    return runner.run(viewer, OPS[op], { input: { id: hazard.id, version: hazard.version, ...fields } });
  }

  async function refusal(viewer: any, op: Op, hazard: any, fields: Record<string, unknown> = {}): Promise<{ code: string; message: string }> {
    const result = await attempt(viewer, op, hazard, fields);
    expect(result.data).toBeNull();
    return { code: result.errors?.[0].extensions?.code, message: result.errors?.[0].message ?? '' };
  }

  beforeAll(async () => {
    db = await createServiceTestDatabase('hazardloop', HAZARD_MODULES);
    runner = new SchemaRunner(await buildHazardSchema(db.dataSource, fixedOrgDirectory(PATHS), NO_OUTBOX_SIGNAL));
    evidenceDir = await mkdtemp(path.join(os.tmpdir(), 'hazardloop-evidence-'));
  });

  afterAll(async () => {
    await db?.drop();
    if (evidenceDir) await rm(evidenceDir, { recursive: true, force: true });
  });

  /** Uploads a photo (through the real evidence service) for a step to cite. */
  async function photo(hazard: any): Promise<string> {
    return (await uploadTestEvidence(db.dataSource, new DiskStore(evidenceDir), officerA, hazard.id)).id;
  }

  it('walks a general hazard through every state with its guards, a failed acceptance and a race', async () => {
    let hazard = await register('灭火器过期');
    expect(hazard).toMatchObject({ status: 'REGISTERED', version: 1, failedAcceptances: 0 });

    // Out of order: closing before acceptance, rectifying before the report.
    expect(await refusal(officerA, 'closeHazard', hazard)).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('尚未验收') });
    expect((await refusal(officerA, 'startRectification', hazard)).code).toBe('CONFLICT');

    // 报告: role, scope and version.
    expect((await refusal(counselorA, 'reportHazard', hazard)).code).toBe('FORBIDDEN');
    expect((await refusal(staffA, 'reportHazard', hazard)).code).toBe('FORBIDDEN');
    expect((await refusal(officerB, 'reportHazard', hazard)).code).toBe('NOT_FOUND');
    const reported = await step(officerA, 'reportHazard', hazard, { comment: '已报告安全保卫处' });
    expect(reported).toMatchObject({ status: 'REPORTED', version: 2 });
    const stale = await attempt(officerA, 'submitRectificationPlan', hazard, { measures: '旧版本' });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    hazard = reported;

    // 四落实: no plan, then an incomplete plan with a long deadline.
    expect(await refusal(officerA, 'startRectification', hazard)).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('整改方案（四落实）'),
    });
    hazard = await step(leaderA, 'submitRectificationPlan', hazard, {
      responsiblePersonId: 'p-leader',
      measures: '更换过期灭火器',
      deadline: daysFromToday(30),
    });
    expect(hazard).toMatchObject({ status: 'REPORTED', version: 3 });
    const incomplete = await refusal(officerA, 'startRectification', hazard);
    expect(incomplete.code).toBe('CONFLICT');
    expect(incomplete.message).toContain('应急预案');
    expect(incomplete.message).toContain('临时管控措施');
    expect(incomplete.message).not.toContain('整改措施');
    hazard = await step(leaderA, 'submitRectificationPlan', hazard, { contingencyPlan: '就近调配灭火器', interimMeasures: '每日巡查' });
    const badFunds = await attempt(leaderA, 'submitRectificationPlan', hazard, { funds: '-5' });
    expect(badFunds.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    hazard = await step(officerA, 'startRectification', hazard, { comment: '开始整改' });
    expect(hazard).toMatchObject({ status: 'RECTIFYING', version: 5 });
    expect((await refusal(leaderA, 'submitRectificationPlan', hazard, { measures: '改方案' })).code).toBe('CONFLICT');
    expect((await runner.run(officerA, UPDATE, { input: { id: hazard.id, version: hazard.version, title: '改标题' } })).errors?.[0].extensions?.code).toBe(
      'CONFLICT',
    );

    // 验收: the rectifier and the responsible person may not accept; a failed acceptance is counted.
    hazard = await step(officerA, 'submitForAcceptance', hazard, { rectificationNote: '已更换 3 具灭火器', evidence: [await photo(hazard)] });
    expect(hazard.status).toBe('PENDING_ACCEPTANCE');
    expect((await refusal(staffA, 'acceptHazard', hazard, { passed: true })).code).toBe('FORBIDDEN');
    expect(await refusal(officerA, 'acceptHazard', hazard, { passed: true })).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('整改人不能验收'),
    });
    expect(await refusal(leaderA, 'acceptHazard', hazard, { passed: true })).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('整改责任人不能验收'),
    });
    expect((await refusal(schoolOffice, 'closeHazard', hazard)).code).toBe('CONFLICT');
    const withoutOpinion = await attempt(schoolOffice, 'acceptHazard', hazard, { passed: false });
    expect(withoutOpinion.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'comment', message: expect.stringContaining('验收不通过须填写验收意见') }],
    });
    expect((await refusal(schoolOffice, 'acceptHazard', hazard, { passed: false, comment: '   ' })).code).toBe('BAD_USER_INPUT');
    hazard = await step(schoolOffice, 'acceptHazard', hazard, { passed: false, comment: '压力表指针不在绿区' });
    expect(hazard).toMatchObject({ status: 'RECTIFYING', failedAcceptances: 1 });
    const photos = [await photo(hazard), await photo(hazard)];
    hazard = await step(officerA, 'submitForAcceptance', hazard, { rectificationNote: '已再次更换', evidence: photos });

    // Two acceptances race with the same version: exactly one wins.
    const race = await Promise.all([
      attempt(schoolOffice, 'acceptHazard', hazard, { passed: true, comment: '复查合格' }),
      attempt(inspector, 'acceptHazard', hazard, { passed: true, comment: '督导复查合格' }),
    ]);
    const winners = race.filter((result) => !result.errors);
    expect(winners).toHaveLength(1);
    expect(race.find((result) => result.errors)?.errors?.[0].extensions?.code).toBe('CONFLICT');
    hazard = winners[0].data!.acceptHazard.hazard;
    expect(hazard).toMatchObject({ status: 'ACCEPTED', failedAcceptances: 1 });

    // 销号 and 存档.
    expect((await refusal(schoolOffice, 'archiveHazard', hazard)).code).toBe('CONFLICT');
    expect((await refusal(counselorA, 'closeHazard', hazard)).code).toBe('FORBIDDEN');
    hazard = await step(officerA, 'closeHazard', hazard, { comment: '销号' });
    expect(hazard.status).toBe('CLOSED');
    hazard = await step(schoolOffice, 'archiveHazard', hazard);
    expect(hazard).toMatchObject({ status: 'ARCHIVED', version: 11 });
    expect((await refusal(schoolOffice, 'reportHazard', hazard)).code).toBe('CONFLICT');

    // The timeline, on the hazard and in its file (一患一案一档).
    const read = (await runner.data(officerA, HAZARD_QUERY, { id: hazard.id })).hazard;
    const actions = [
      'REGISTER',
      'REPORT',
      'SUBMIT_PLAN',
      'SUBMIT_PLAN',
      'START_RECTIFICATION',
      'SUBMIT_FOR_ACCEPTANCE',
      'FAIL_ACCEPTANCE',
      'SUBMIT_FOR_ACCEPTANCE',
      'ACCEPT',
      'CLOSE',
      'ARCHIVE',
    ];
    expect(read.steps.map((s: any) => s.action)).toEqual(actions);
    expect(read.steps.map((s: any) => s.seq)).toEqual(actions.map((_, index) => index + 1));
    expect(read.steps[0]).toMatchObject({ from: null, to: 'REGISTERED', actorAccountId: 'officer-a', actor: { id: 'p-officer' } });
    expect(read.steps[6]).toMatchObject({ from: 'PENDING_ACCEPTANCE', to: 'RECTIFYING', comment: '压力表指针不在绿区', actor: { id: 'p-office' } });
    expect(read.steps[7].evidence).toEqual(photos);
    expect(read.plan).toMatchObject({
      responsiblePerson: { id: 'p-leader' },
      measures: '更换过期灭火器',
      deadline: daysFromToday(30),
      contingencyPlan: '就近调配灭火器',
      interimMeasures: '每日巡查',
      funds: null,
    });
    const file = (await runner.data(schoolOffice, FILE_QUERY, { id: hazard.id })).hazardFile;
    expect(file.hazard).toMatchObject({ id: hazard.id, status: 'ARCHIVED', failedAcceptances: 1 });
    expect(file.steps).toHaveLength(actions.length);
    expect(file.acceptance).toMatchObject({ action: 'ACCEPT', from: 'PENDING_ACCEPTANCE', to: 'ACCEPTED' });
    expect(file.plan.responsiblePerson).toEqual({ id: 'p-leader' });
    const outOfScope = await runner.run(officerB, FILE_QUERY, { id: hazard.id });
    expect(outOfScope.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    // The rows: one step per action, one status-changed event per change of status.
    const [{ steps }] = await db.dataSource.query('SELECT COUNT(*) AS steps FROM hazard_step WHERE hazard_id = ?', [hazard.id]);
    expect(Number(steps)).toBe(actions.length);
    const events = await db.dataSource.query(
      "SELECT payload FROM event_outbox WHERE aggregate_id = ? AND event_type = 'hazard.status-changed' ORDER BY id",
      [hazard.id],
    );
    expect(events.map((row: any) => JSON.parse(row.payload)).map((p: any) => `${p.from}>${p.to}`)).toEqual([
      'REGISTERED>REPORTED',
      'REPORTED>RECTIFYING',
      'RECTIFYING>PENDING_ACCEPTANCE',
      'PENDING_ACCEPTANCE>RECTIFYING',
      'RECTIFYING>PENDING_ACCEPTANCE',
      'PENDING_ACCEPTANCE>ACCEPTED',
      'ACCEPTED>CLOSED',
      'CLOSED>ARCHIVED',
    ]);
    expect(JSON.parse(events[3].payload)).toMatchObject({ reason: '压力表指针不在绿区', grade: 'GENERAL' });
  });

  it('requires funds and an upward report before a MAJOR hazard is rectified', async () => {
    let hazard = await register('教学楼外墙开裂', 'MAJOR');
    hazard = await step(officerA, 'reportHazard', hazard);
    hazard = await step(leaderA, 'submitRectificationPlan', hazard, {
      responsiblePersonId: 'p-leader',
      measures: '加固外墙',
      deadline: daysFromToday(5),
      contingencyPlan: '设置隔离区',
    });
    const refused = await refusal(officerA, 'startRectification', hazard);
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('整改资金');
    expect(refused.message).toContain('向上级报告');
    hazard = await step(leaderA, 'submitRectificationPlan', hazard, { funds: '85000.00' });
    expect((await refusal(officerA, 'startRectification', hazard)).message).not.toContain('整改资金');
    hazard = await step(leaderA, 'submitRectificationPlan', hazard, {
      upwardReportNote: '已书面报告县教体局',
      reportedUpwardAt: new Date(Date.now() - 60_000).toISOString(),
    });
    hazard = await step(officerA, 'startRectification', hazard);
    expect(hazard).toMatchObject({ status: 'RECTIFYING', grade: 'MAJOR' });
    const plan = (await runner.data(officerA, HAZARD_QUERY, { id: hazard.id })).hazard.plan;
    expect(plan).toMatchObject({ funds: '85000.00', upwardReportNote: '已书面报告县教体局' });
    expect((await refusal(officerA, 'fixOnTheSpot', await register('重大隐患即改', 'MAJOR'), { measures: '当场处理' })).code).toBe('CONFLICT');
  });

  it('fixes a trivial general hazard on the spot, recording every step with the same actor and comment', async () => {
    const hazard = await register('安全出口指示灯不亮');
    expect((await refusal(counselorA, 'fixOnTheSpot', hazard, { measures: '更换灯管' })).code).toBe('FORBIDDEN');
    const lamp = await photo(hazard);
    const fixed = await step(officerA, 'fixOnTheSpot', hazard, { measures: '当场更换灯管', evidence: [lamp] });
    expect(fixed).toMatchObject({ status: 'CLOSED', version: 2 });
    const { steps } = (await runner.data(officerA, HAZARD_QUERY, { id: hazard.id })).hazard;
    expect(steps.map((s: any) => [s.action, s.from, s.to])).toEqual([
      ['REGISTER', null, 'REGISTERED'],
      ['REPORT', 'REGISTERED', 'REPORTED'],
      ['START_RECTIFICATION', 'REPORTED', 'RECTIFYING'],
      ['SUBMIT_FOR_ACCEPTANCE', 'RECTIFYING', 'PENDING_ACCEPTANCE'],
      ['ACCEPT', 'PENDING_ACCEPTANCE', 'ACCEPTED'],
      ['CLOSE', 'ACCEPTED', 'CLOSED'],
    ]);
    for (const s of steps.slice(1)) {
      expect(s).toMatchObject({ actorAccountId: 'officer-a', comment: '当场更换灯管', evidence: [lamp] });
    }
    expect((await refusal(officerA, 'fixOnTheSpot', fixed, { measures: '再来一次' })).code).toBe('CONFLICT');
    const [{ events }] = await db.dataSource.query(
      "SELECT COUNT(*) AS events FROM event_outbox WHERE aggregate_id = ? AND event_type = 'hazard.status-changed'",
      [hazard.id],
    );
    expect(Number(events)).toBe(5);
  });

  it('records a step when a hazard is voided', async () => {
    const hazard = await register('重复登记的隐患');
    const voided = (await runner.data(officerA, VOID, { input: { id: hazard.id, version: hazard.version, reason: '与已登记隐患重复' } })).voidHazard
      .hazard;
    expect(voided.status).toBe('VOIDED');
    const { steps } = (await runner.data(officerA, HAZARD_QUERY, { id: hazard.id })).hazard;
    expect(steps.map((s: any) => [s.action, s.from, s.to, s.comment])).toEqual([
      ['REGISTER', null, 'REGISTERED', null],
      ['VOID', 'REGISTERED', 'VOIDED', '与已登记隐患重复'],
    ]);
    expect((await refusal(officerA, 'reportHazard', voided)).code).toBe('CONFLICT');
  });

  it('resolves plans and timelines for a whole ledger page, scoped to the viewer', async () => {
    const ledger = `query { hazards(first: 50) { totalCount edges { node { id status plan { measures } steps { seq action } } } } }`;
    const forA = (await runner.data(officerA, ledger)).hazards;
    expect(forA.totalCount).toBeGreaterThanOrEqual(5);
    for (const { node } of forA.edges) {
      expect(node.steps[0]).toEqual({ seq: 1, action: 'REGISTER' });
      expect(node.steps.map((s: any) => s.seq)).toEqual(node.steps.map((_: unknown, index: number) => index + 1));
    }
    expect(forA.edges.filter(({ node }: any) => node.plan).map(({ node }: any) => node.plan.measures).sort()).toEqual(['加固外墙', '更换过期灭火器']);
    expect((await runner.data(officerB, ledger)).hazards.totalCount).toBe(0);
  });

  it('records each event with the typed statuses and the version the change saved', async () => {
    const discovered = (
      await runner.data(staffA, `mutation($input: RegisterHazardInput!) { reportHazardDiscovery(input: $input) { hazard { ${HAZARD_FIELDS} } } }`, {
        input: { orgUnitId: UNIT_A, title: '随手拍：插线板冒烟', description: '巡查发现', category: 'ELECTRICAL', placeText: '走廊', discoveredAt: new Date().toISOString() },
      })
    ).reportHazardDiscovery.hazard;
    expect((await runner.run(counselorA, REGISTER, { input: { orgUnitId: UNIT_A, title: '越权登记', description: '不应成功', category: 'FIRE', placeText: '走廊', discoveredAt: new Date().toISOString() } })).errors?.[0].message).toContain('您无权在该单位登记隐患');
    const fixed = await step(officerA, 'fixOnTheSpot', discovered, { measures: '拔除插线板' });
    const payloads = (await db.dataSource.query('SELECT event_type, payload FROM event_outbox WHERE aggregate_id = ? ORDER BY id', [discovered.id])).map(
      (row: any) => [row.event_type, JSON.parse(row.payload)],
    );
    expect(payloads.map(([type, payload]: any) => [type, payload.status ?? `${payload.from}>${payload.to}`, payload.version])).toEqual([
      ['hazard.registered', 'DISCOVERED', 1],
      ['hazard.status-changed', 'DISCOVERED>REPORTED', fixed.version],
      ['hazard.status-changed', 'REPORTED>RECTIFYING', fixed.version],
      ['hazard.status-changed', 'RECTIFYING>PENDING_ACCEPTANCE', fixed.version],
      ['hazard.status-changed', 'PENDING_ACCEPTANCE>ACCEPTED', fixed.version],
      ['hazard.status-changed', 'ACCEPTED>CLOSED', fixed.version],
    ]);
    expect(fixed).toMatchObject({ status: 'CLOSED', version: 2 });
  });
});
