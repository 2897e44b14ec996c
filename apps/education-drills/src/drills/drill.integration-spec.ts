import { Role } from '@campus/auth';
import { ConsumedEvent, EventHandler, HazardRegistered, HazardStatusChanged } from '@campus/events';
import { createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { Workbook } from 'exceljs';
import { MysqlQueryRunner } from 'typeorm/driver/mysql/MysqlQueryRunner';
import { ORG_PROJECTION_MODULE } from '@campus/org-directory';
import { EMERGENCY_PLANS_MODULE } from '../emergency-plans/emergency-plans.module';
import { PEOPLE_MODULE } from '../people/people.module';
import { buildEducationSchema } from '../service';
import { DRILLS_MODULE } from './drills.module';
import { drillHazardHandlers } from './drill-hazards';

// The modules drills stand on (not the whole service: its other areas are tested on their own).
const MODULES = [EMERGENCY_PLANS_MODULE, DRILLS_MODULE, PEOPLE_MODULE, ORG_PROJECTION_MODULE];
const PATHS = { school: '/bureau/school/', collegea: '/bureau/school/collegea/', collegeb: '/bureau/school/collegeb/' };
const NOW = new Date('2026-11-20T08:00:00.000Z');
const DRILL_FIELDS = `id title type status version plannedDate expectedParticipants actualParticipants evacuationSeconds score strengths
  participatingUnits { id } emergencyPlan { id title }
  problems { seq description category grade owner { id } deadline improvementAction raisedAt hazard { id code status } }`;
const PLAN = `mutation($input: PlanDrillInput!) { planDrill(input: $input) { drill { ${DRILL_FIELDS} } } }`;
const HOLD = `mutation($input: HoldDrillInput!) { holdDrill(input: $input) { drill { ${DRILL_FIELDS} } } }`;
const EVALUATE = `mutation($input: EvaluateDrillInput!) { evaluateDrill(input: $input) { drill { ${DRILL_FIELDS} } } }`;
const RAISE = `mutation($input: RaiseDrillProblemInput!) { raiseDrillProblem(input: $input) { drill { problems { id seq raisedAt } } } }`;
const CANCEL = `mutation($input: CancelDrillInput!) { cancelDrill(input: $input) { drill { status version } } }`;
const DRILL = `query($id: ID!) { drill(id: $id) { ${DRILL_FIELDS} problems { id } } }`;
const GAPS = `query($unit: ID!, $date: CalendarDate, $kinds: [String!]) {
  drillGaps(orgUnitId: $unit, type: EVACUATION, date: $date, kinds: $kinds) { termLabel termStart termEnd unitsChecked unitsMissing { id } } }`;

const officerA = viewerWith('officer-a', [[Role.UNIT_SAFETY_OFFICER, 'collegea', PATHS.collegea]], 'evaluator-a');
const staffA = viewerWith('staff-a', [[Role.STAFF, 'collegea', PATHS.collegea]]);
const officerB = viewerWith('officer-b', [[Role.UNIT_SAFETY_OFFICER, 'collegeb', PATHS.collegeb]]);
const schoolOffice = viewerWith('school-office', [[Role.SAFETY_OFFICE, 'school', PATHS.school]]);

const problem = (overrides: Record<string, unknown> = {}) => ({
  description: '二楼东侧楼梯口疏散拥堵，应急照明不亮',
  category: 'FIRE',
  grade: 'GENERAL',
  ownerPersonId: 'owner-a',
  deadline: '2026-12-15',
  improvementAction: '更换应急照明，楼梯口安排疏导员',
  raiseAsHazard: true,
  ...overrides,
});

describe('education-drills: drills (integration)', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;
  const handlers = drillHazardHandlers();

  async function deliver(contract: typeof HazardRegistered | typeof HazardStatusChanged, payload: unknown) {
    const handler = handlers.find((candidate) => candidate.contract.type === contract.type) as EventHandler<unknown>;
    const event: ConsumedEvent<unknown> = { id: `e-${Math.random()}`, type: contract.type, version: 1, traceId: null, key: null, payload: contract.schema.parse(payload) };
    await db.dataSource.transaction((manager) => handler.handle(manager, event));
  }

  async function plan(viewer = officerA, overrides: Record<string, unknown> = {}) {
    const input = { orgUnitId: 'collegea', title: '秋季学期疏散演练', type: 'EVACUATION', scenario: '实训楼三楼配电间起火，浓烟进入楼道', placeText: '实训楼', expectedParticipants: 300, plannedDate: '2026-11-18', ...overrides };
    return (await runner.data(viewer, PLAN, { input })).planDrill.drill;
  }

  async function hold(drill: { id: string; version: number }, overrides: Record<string, unknown> = {}) {
    const input = { id: drill.id, version: drill.version, startedAt: '2026-11-18T02:00:00.000Z', endedAt: '2026-11-18T02:40:00.000Z', actualParticipants: 286, evacuationSeconds: 185, ...overrides };
    return (await runner.data(officerA, HOLD, { input })).holdDrill.drill;
  }

  const outbox = async (type: string, aggregateId: string) =>
    (await db.dataSource.query('SELECT payload FROM event_outbox WHERE event_type = ? AND aggregate_id = ? ORDER BY id', [type, aggregateId])).map((row: { payload: string }) => JSON.parse(row.payload));

  beforeAll(async () => {
    db = await createServiceTestDatabase('drills', MODULES);
    runner = new SchemaRunner(await buildEducationSchema(db.dataSource, fixedOrgDirectory(PATHS), undefined, { now: () => NOW }, MODULES));
    await db.dataSource.query(
      "INSERT INTO org_unit_projection (id, path, name, kind) VALUES ('school', ?, '学校', 'SCHOOL'), ('collegea', ?, '信息工程学院', 'COLLEGE'), ('collegeb', ?, '机电工程学院', 'COLLEGE')",
      [PATHS.school, PATHS.collegea, PATHS.collegeb],
    );
    await db.dataSource.query(
      "INSERT INTO person_projection (id, name, kind, org_unit_id, org_path, active) VALUES ('owner-a', '张伟', 'STAFF', 'collegea', ?, TRUE), ('gone-a', '王五', 'STAFF', 'collegea', ?, FALSE), ('owner-b', '刘洋', 'STAFF', 'collegeb', ?, TRUE)",
      [PATHS.collegea, PATHS.collegea, PATHS.collegeb],
    );
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('plans, holds and evaluates a drill, raising a problem as a hazard that then shows its state', async () => {
    const planned = await plan();
    expect(planned).toMatchObject({ status: 'PLANNED', participatingUnits: [{ id: 'collegea' }], problems: [], score: null, version: 1 });

    const held = await hold(planned);
    expect(held).toMatchObject({ status: 'HELD', actualParticipants: 286, evacuationSeconds: 185, version: 2 });
    expect(await outbox('drill.held', planned.id)).toEqual([
      expect.objectContaining({ id: planned.id, orgPath: PATHS.collegea, drillType: 'EVACUATION', participants: 286, evacuationSeconds: 185 }),
    ]);

    const evaluated = (
      await runner.data(officerA, EVALUATE, {
        input: { id: planned.id, version: held.version, score: 82, strengths: '各班按路线疏散，3 分钟内全部到达操场', problems: [problem(), problem({ description: '部分学生不熟悉集合点', category: 'OTHER', raiseAsHazard: false })] },
      })
    ).evaluateDrill.drill;
    expect(evaluated).toMatchObject({ status: 'EVALUATED', score: 82, version: 3 });
    expect(evaluated.problems).toMatchObject([
      { seq: 1, owner: { id: 'owner-a' }, deadline: '2026-12-15', raisedAt: NOW.toISOString(), hazard: null },
      { seq: 2, category: 'OTHER', raisedAt: null, hazard: null },
    ]);
    expect(await outbox('drill.evaluated', planned.id)).toEqual([expect.objectContaining({ score: 82, problems: 2, evaluatedAt: NOW.toISOString() })]);
    const { problems } = (await runner.data(officerA, DRILL, { id: planned.id })).drill;
    const [found] = await outbox('drill.problem-found', problems[0].id);
    expect(found).toMatchObject({ drillId: planned.id, drillTitle: '秋季学期疏散演练', orgUnitId: 'collegea', category: 'FIRE', grade: 'GENERAL', placeText: '实训楼', raisedByPersonId: 'evaluator-a' });
    expect(found.title).toBe('疏散演练发现问题：二楼东侧楼梯口疏散拥堵，应急照明不亮');

    const registered = { id: 'hazard-1', code: 'XDZY-YH-2026-0007', orgUnitId: 'collegea', orgPath: PATHS.collegea, category: 'FIRE', grade: 'GENERAL', source: 'DRILL', status: 'REGISTERED', version: 1, discoveredAt: NOW.toISOString(), registeredAt: NOW.toISOString() };
    await deliver(HazardRegistered, { ...registered, sourceRefType: 'DRILL_PROBLEM', sourceRefId: problems[0].id });
    await deliver(HazardRegistered, { ...registered, id: 'hazard-other', sourceRefType: 'INSPECTION', sourceRefId: problems[1].id });
    await deliver(HazardRegistered, { ...registered, id: 'hazard-old' }); // an event from before source references
    const changed = { id: 'hazard-1', orgUnitId: 'collegea', orgPath: PATHS.collegea, grade: 'GENERAL', changedAt: NOW.toISOString(), reason: null };
    await deliver(HazardStatusChanged, { ...changed, from: 'REPORTED', to: 'RECTIFYING', version: 3 });
    await deliver(HazardStatusChanged, { ...changed, from: 'REGISTERED', to: 'REPORTED', version: 2 }); // late: ignored
    const shown = (await runner.data(schoolOffice, DRILL, { id: planned.id })).drill.problems;
    expect(shown.map((row: { hazard: unknown }) => row.hazard)).toEqual([{ id: 'hazard-1', code: 'XDZY-YH-2026-0007', status: 'RECTIFYING' }, null]);
    // 即查即改 records its steps (… 整改中 → 待验收 → 已验收) under one version, in any order of arrival: the furthest step stands.
    await deliver(HazardStatusChanged, { ...changed, from: 'PENDING_ACCEPTANCE', to: 'ACCEPTED', version: 4 });
    await deliver(HazardStatusChanged, { ...changed, from: 'RECTIFYING', to: 'PENDING_ACCEPTANCE', version: 4 });
    const fixed = (await runner.data(schoolOffice, DRILL, { id: planned.id })).drill.problems;
    expect(fixed[0].hazard).toMatchObject({ id: 'hazard-1', status: 'ACCEPTED' });

    const raised = (await runner.data(officerA, RAISE, { input: { problemId: problems[1].id } })).raiseDrillProblem.drill;
    expect(raised.problems[1].raisedAt).toBe(NOW.toISOString());
    expect(await outbox('drill.problem-found', problems[1].id)).toHaveLength(1);
    const again = await runner.run(officerA, RAISE, { input: { problemId: problems[1].id } });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE' });
  });

  it('refuses other colleges, staff, steps out of order and bad records, changing nothing', async () => {
    const drill = await plan(officerA, { title: '拒绝用例演练' });
    expect((await runner.run(officerB, DRILL, { id: drill.id })).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    const early = await runner.run(officerA, EVALUATE, { input: { id: drill.id, version: drill.version, score: 90, strengths: '组织有序', problems: [] } });
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION', status: 'PLANNED' });
    expect(early.errors?.[0].message).toContain('演练尚未实施，不能评估');

    const badTimes = await runner.run(officerA, HOLD, { input: { id: drill.id, version: 1, startedAt: '2026-11-18T03:00:00.000Z', endedAt: '2026-11-18T02:00:00.000Z', actualParticipants: 10 } });
    expect(badTimes.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });
    expect(badTimes.errors?.[0].extensions?.fields.map((field: { field: string }) => field.field).sort()).toEqual(['endedAt', 'evacuationSeconds']);
    const future = await runner.run(officerA, HOLD, { input: { id: drill.id, version: 1, startedAt: '2026-11-20T09:00:00.000Z', endedAt: '2026-11-20T09:30:00.000Z', actualParticipants: 10, evacuationSeconds: 100 } });
    expect(future.errors?.[0].extensions?.fields).toEqual([{ field: 'endedAt', message: '结束时间不能晚于当前时间：演练结束后再记录' }]);
    const stale = await runner.run(officerA, HOLD, { input: { id: drill.id, version: 7, startedAt: '2026-11-18T02:00:00.000Z', endedAt: '2026-11-18T02:30:00.000Z', actualParticipants: 10, evacuationSeconds: 100 } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });

    const held = await hold(drill);
    const asStaff = await runner.run(staffA, EVALUATE, { input: { id: drill.id, version: held.version, score: 90, strengths: '组织有序', problems: [] } });
    expect(asStaff.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
    const badProblems = await runner.run(officerA, EVALUATE, {
      input: { id: drill.id, version: held.version, score: 70, strengths: '组织有序', problems: [problem({ ownerPersonId: 'owner-b' }), problem({ ownerPersonId: 'gone-a', deadline: '2026-11-19' })] },
    });
    expect(badProblems.errors?.[0].extensions?.fields.map((field: { field: string }) => field.field).sort()).toEqual([
      'problems[0].ownerPersonId',
      'problems[1].deadline',
      'problems[1].ownerPersonId',
    ]);
    const outOfRange = await runner.run(officerA, EVALUATE, { input: { id: drill.id, version: held.version, score: 101, strengths: '组织有序', problems: [] } });
    expect(outOfRange.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await runner.data(officerA, DRILL, { id: drill.id })).drill).toMatchObject({ status: 'HELD', score: null, problems: [], version: held.version });
    expect(await outbox('drill.evaluated', drill.id)).toEqual([]);

    const otherCollege = await runner.run(schoolOffice, PLAN, {
      input: { orgUnitId: 'collegea', participatingUnitIds: ['collegeb'], title: '跨学院演练', type: 'FIRE', scenario: '食堂起火', placeText: '食堂', expectedParticipants: 50, plannedDate: '2026-12-01' },
    });
    expect(otherCollege.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'OUTSIDE_RANGE' });
    const byStaff = await runner.run(staffA, PLAN, { input: { orgUnitId: 'collegea', title: '教职工的演练', type: 'FIRE', scenario: '食堂起火', placeText: '食堂', expectedParticipants: 50, plannedDate: '2026-12-01' } });
    expect(byStaff.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const toCancel = await plan(officerA, { title: '将取消的演练' });
    expect((await runner.data(officerA, CANCEL, { input: { id: toCancel.id, version: 1, reason: '遇大风天气' } })).cancelDrill.drill.status).toBe('CANCELLED');
    const holdCancelled = await runner.run(officerA, HOLD, { input: { id: toCancel.id, version: 2, startedAt: '2026-11-18T02:00:00.000Z', endedAt: '2026-11-18T02:30:00.000Z', actualParticipants: 10, evacuationSeconds: 60 } });
    expect(holdCancelled.errors?.[0].message).toContain('演练已取消，不能记录实施');
  });

  it('links drills to the plans they exercised, a retired plan refused', async () => {
    const createPlan = 'mutation($input: CreateEmergencyPlanInput!) { createEmergencyPlan(input: $input) { emergencyPlan { id version } } }';
    const schoolPlan = (await runner.data(schoolOffice, createPlan, { input: { orgUnitId: 'school', title: '学校火灾应急预案', type: 'SPECIAL', versionLabel: '2026版', reviewDate: '2027-09-01' } })).createEmergencyPlan.emergencyPlan;
    const bPlan = (await runner.data(officerB, createPlan, { input: { orgUnitId: 'collegeb', title: '学院B预案', type: 'SPECIAL', versionLabel: 'v1', reviewDate: '2027-09-01' } })).createEmergencyPlan.emergencyPlan;
    const linked = await plan(schoolOffice, { title: '检验学校预案的演练', emergencyPlanId: schoolPlan.id, participatingUnitIds: ['collegea', 'collegea'] });
    expect(linked).toMatchObject({ emergencyPlan: { id: schoolPlan.id, title: '学校火灾应急预案' }, participatingUnits: [{ id: 'collegea' }] });
    const update = `mutation($input: UpdateDrillInput!) { updateDrill(input: $input) { drill { version emergencyPlan { id } participatingUnits { id } } } }`;
    const moved = (await runner.data(schoolOffice, update, { input: { id: linked.id, version: linked.version, clearEmergencyPlan: true, participatingUnitIds: [] } })).updateDrill.drill;
    expect(moved).toEqual({ version: 2, emergencyPlan: null, participatingUnits: [{ id: 'collegea' }] });
    const relinked = (await runner.data(schoolOffice, update, { input: { id: linked.id, version: 2, emergencyPlanId: schoolPlan.id } })).updateDrill.drill;
    expect(relinked).toMatchObject({ version: 3, emergencyPlan: { id: schoolPlan.id } });
    const unitsOnly = (await runner.data(schoolOffice, update, { input: { id: linked.id, version: 3, participatingUnitIds: ['collegea'] } })).updateDrill.drill;
    expect(unitsOnly.version).toBe(4);
    const both = await runner.run(schoolOffice, update, { input: { id: linked.id, version: 4, emergencyPlanId: schoolPlan.id, clearEmergencyPlan: true } });
    expect(both.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const wrongUnit = await runner.run(schoolOffice, PLAN, { input: { orgUnitId: 'collegea', title: '错配预案', type: 'FIRE', scenario: '起火', placeText: '教学楼', expectedParticipants: 10, plannedDate: '2026-12-01', emergencyPlanId: bPlan.id } });
    expect(wrongUnit.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'OUTSIDE_RANGE' });
    await runner.data(officerB, 'mutation($input: UpdateEmergencyPlanInput!) { updateEmergencyPlan(input: $input) { emergencyPlan { status } } }', { input: { id: bPlan.id, version: bPlan.version, status: 'RETIRED' } });
    const retired = await runner.run(officerB, PLAN, { input: { orgUnitId: 'collegeb', title: '废止预案演练', type: 'FIRE', scenario: '起火', placeText: '教学楼', expectedParticipants: 10, plannedDate: '2026-12-01', emergencyPlanId: bPlan.id } });
    expect(retired.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'INACTIVE' });

    const plans = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on OrgUnit { id drills(first: 10) { totalCount edges { node { title } } } } } }`;
    const units = (await runner.data(officerA, plans, { r: [{ __typename: 'OrgUnit', id: 'collegea' }, { __typename: 'OrgUnit', id: 'collegeb' }] }))._entities;
    expect(units[0].drills.totalCount).toBe(4);
    expect(units[1].drills.totalCount).toBe(0);
    const planDrills = await runner.data(schoolOffice, 'query($id: ID!) { emergencyPlan(id: $id) { drills { title } } }', { id: schoolPlan.id });
    expect(planDrills.emergencyPlan.drills).toEqual([{ title: '检验学校预案的演练' }]);

    // Units, their drills, and the drills' plans, units and problems: one statement per kind for the whole request.
    const deep = `query($r: [_Any!]!) { _entities(representations: $r) { ... on OrgUnit { id drills(first: 10) { totalCount edges { node {
      participatingUnits { id } emergencyPlan { title drills { title } } problems { hazard { status } } } } } } } }`;
    const query = jest.spyOn(MysqlQueryRunner.prototype, 'query');
    try {
      const r = [{ __typename: 'OrgUnit', id: 'collegea' }, { __typename: 'OrgUnit', id: 'collegeb' }, { __typename: 'OrgUnit', id: 'school' }];
      const result = (await runner.data(schoolOffice, deep, { r }))._entities;
      expect(result.map((unit: any) => unit.drills.totalCount)).toEqual([4, 0, 0]);
      expect(query.mock.calls.length).toBe(5); // OrgUnit.drills, participatingUnits, emergencyPlan, EmergencyPlan.drills, problems
    } finally {
      query.mockRestore();
    }
  });

  it('lists units with no held evacuation drill this term, and writes the records workbook', async () => {
    const gaps = (await runner.data(schoolOffice, GAPS, { unit: 'school', kinds: ['COLLEGE'] })).drillGaps;
    expect(gaps).toEqual({ termLabel: '2026年秋季学期', termStart: '2026-08-01', termEnd: '2027-01-31', unitsChecked: 2, unitsMissing: [{ id: 'collegeb' }] });
    const lastSpring = (await runner.data(schoolOffice, GAPS, { unit: 'school', date: '2026-05-01' })).drillGaps;
    expect(lastSpring.unitsMissing.map((unit: { id: string }) => unit.id)).toEqual(['school', 'collegea', 'collegeb']);
    expect((await runner.run(officerB, GAPS, { unit: 'collegea' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const file = (await runner.data(schoolOffice, 'query { drillRecordsWorkbook(orgUnitId: "school", from: "2026-11-01") { filename base64 } }')).drillRecordsWorkbook;
    expect(file.filename).toBe('应急演练记录-2026-11-20.xlsx');
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as never);
    const records = workbook.getWorksheet('应急演练记录');
    expect(records?.getRow(3).getCell(3).value).toBe('演练名称');
    const titles = records?.getColumn(3).values.slice(4);
    expect(titles).toContain('秋季学期疏散演练');
    const problems = workbook.getWorksheet('发现问题及整改');
    expect(problems?.getRow(3).values).toEqual(expect.arrayContaining(['信息工程学院', '张伟', '一般', 'XDZY-YH-2026-0007', '已验收']));
  });
});
