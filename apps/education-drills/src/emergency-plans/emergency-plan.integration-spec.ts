import { Role } from '@campus/auth';
import { createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { graphql, GraphQLSchema } from 'graphql';
import { buildEducationSchema, EDUCATION_MODULES } from '../service';

const SCHOOL = 'school';
const UNIT_A = 'collegea';
const UNIT_B = 'collegeb';
const PATHS = {
  [SCHOOL]: '/bureau/school/',
  [UNIT_A]: '/bureau/school/collegea/',
  [UNIT_B]: '/bureau/school/collegeb/',
};

const PLAN_FIELDS = 'id title type scenario versionLabel status reviewDate approvedAt orgUnit { id } createdAt version';
const CREATE = `mutation($input: CreateEmergencyPlanInput!) { createEmergencyPlan(input: $input) { emergencyPlan { ${PLAN_FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateEmergencyPlanInput!) { updateEmergencyPlan(input: $input) { emergencyPlan { ${PLAN_FIELDS} } } }`;
const PLAN = `query($id: ID!) { emergencyPlan(id: $id) { ${PLAN_FIELDS} } }`;
const PLANS = `query($filter: EmergencyPlanFilter!) {
  emergencyPlans(first: 50, filter: $filter) { totalCount edges { node { title status reviewDate } } }
}`;

const officerA = viewerWith('officer-a', [[Role.UNIT_SAFETY_OFFICER, UNIT_A, PATHS[UNIT_A]]]);
const staffA = viewerWith('staff-a', [[Role.STAFF, UNIT_A, PATHS[UNIT_A]]]);
const officerB = viewerWith('officer-b', [[Role.UNIT_SAFETY_OFFICER, UNIT_B, PATHS[UNIT_B]]]);
const schoolOffice = viewerWith('school-office', [[Role.SAFETY_OFFICE, SCHOOL, PATHS[SCHOOL]]]);

describe('education-drills: emergency plans (integration)', () => {
  let db: TestDatabase;
  let schema: GraphQLSchema;
  let runner: SchemaRunner;

  async function createPlan(viewer = officerA, overrides: Record<string, unknown> = {}) {
    const input = { orgUnitId: UNIT_A, title: '实验室火灾现场处置方案', type: 'ON_SITE', versionLabel: '2026版', reviewDate: '2026-09-01', ...overrides };
    return (await runner.data(viewer, CREATE, { input })).createEmergencyPlan.emergencyPlan;
  }

  beforeAll(async () => {
    db = await createServiceTestDatabase('education', EDUCATION_MODULES);
    schema = await buildEducationSchema(db.dataSource, fixedOrgDirectory(PATHS));
    runner = new SchemaRunner(schema);
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('takes a plan from draft through approval to retirement', async () => {
    const draft = await createPlan(officerA, { scenario: '火灾' });
    expect(draft).toMatchObject({
      type: 'ON_SITE',
      scenario: '火灾',
      status: 'DRAFT',
      reviewDate: '2026-09-01',
      approvedAt: null,
      orgUnit: { id: UNIT_A },
      version: 1,
    });

    const before = Date.now();
    const approved = (await runner.data(officerA, UPDATE, { input: { id: draft.id, version: draft.version, status: 'APPROVED' } }))
      .updateEmergencyPlan.emergencyPlan;
    expect(approved).toMatchObject({ status: 'APPROVED', version: 2, reviewDate: '2026-09-01' });
    expect(new Date(approved.approvedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);

    const reread = (await runner.data(schoolOffice, PLAN, { id: draft.id })).emergencyPlan;
    expect(reread).toMatchObject({ status: 'APPROVED', approvedAt: approved.approvedAt, version: 2 });

    const backToDraft = await runner.run(officerA, UPDATE, { input: { id: draft.id, version: approved.version, status: 'DRAFT' } });
    expect(backToDraft.data).toBeNull();
    expect(backToDraft.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', status: 'APPROVED' });

    const retired = (await runner.data(officerA, UPDATE, { input: { id: draft.id, version: approved.version, status: 'RETIRED' } }))
      .updateEmergencyPlan.emergencyPlan;
    expect(retired).toMatchObject({ status: 'RETIRED', approvedAt: approved.approvedAt, version: 3 });

    const editRetired = await runner.run(officerA, UPDATE, { input: { id: draft.id, version: retired.version, title: '改名' } });
    expect(editRetired.errors?.[0].extensions?.code).toBe('CONFLICT');
    const [row] = await db.dataSource.query('SELECT status, title, version FROM emergency_plan WHERE id = ?', [draft.id]);
    expect(row).toEqual({ status: 'RETIRED', title: '实验室火灾现场处置方案', version: 3 });
  });

  it('rejects a stale version and keeps the stored plan', async () => {
    const plan = await createPlan();
    const edited = (await runner.data(officerA, UPDATE, { input: { id: plan.id, version: 1, versionLabel: '2026修订版' } }))
      .updateEmergencyPlan.emergencyPlan;
    expect(edited).toMatchObject({ versionLabel: '2026修订版', status: 'DRAFT', approvedAt: null, version: 2 });
    const stale = await runner.run(officerA, UPDATE, { input: { id: plan.id, version: 1, status: 'APPROVED' } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    expect((await runner.data(officerA, PLAN, { id: plan.id })).emergencyPlan).toMatchObject({ status: 'DRAFT', approvedAt: null });
  });

  it('rejects impossible calendar dates before anything is stored', async () => {
    const input = { orgUnitId: UNIT_A, title: '地震应急疏散预案', type: 'SPECIAL', versionLabel: '2026版', reviewDate: '2026-02-30' };
    // The CalendarDate scalar itself rejects the day with BAD_USER_INPUT (graphql-js, no formatting)...
    const raw = await graphql({ schema, source: CREATE, variableValues: { input }, contextValue: { viewer: officerA } });
    expect(raw.data).toBeUndefined();
    expect(raw.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(raw.errors?.[0].message).toContain('2026-02-30');

    // ...and through Apollo the request is refused before execution with the same code.
    const created = await runner.run(officerA, CREATE, { input });
    expect(created.data).toBeUndefined();
    expect(created.errors).toHaveLength(1);
    expect(created.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(created.errors?.[0].message).toContain('2026-02-30');

    const plan = await createPlan();
    const updated = await runner.run(officerA, UPDATE, { input: { id: plan.id, version: plan.version, reviewDate: '2026-13-01' } });
    expect(updated.data).toBeUndefined();
    expect(updated.errors).toHaveLength(1);
    expect(updated.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const [{ count }] = await db.dataSource.query("SELECT COUNT(*) AS count FROM emergency_plan WHERE title = '地震应急疏散预案'");
    expect(Number(count)).toBe(0);
    expect((await runner.data(officerA, PLAN, { id: plan.id })).emergencyPlan).toMatchObject({ reviewDate: '2026-09-01', version: 1 });
  });

  it('lets only plan editors of the unit create plans', async () => {
    const staff = await runner.run(staffA, CREATE, {
      input: { orgUnitId: UNIT_A, title: '教职工编制的预案', type: 'SPECIAL', versionLabel: 'v1', reviewDate: '2026-09-01' },
    });
    expect(staff.data).toBeNull();
    expect(staff.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const otherUnit = await runner.run(officerB, CREATE, {
      input: { orgUnitId: UNIT_A, title: '别的学院编制的预案', type: 'SPECIAL', versionLabel: 'v1', reviewDate: '2026-09-01' },
    });
    expect(otherUnit.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const [{ count }] = await db.dataSource.query("SELECT COUNT(*) AS count FROM emergency_plan WHERE title LIKE '%编制的预案'");
    expect(Number(count)).toBe(0);

    // The school's safety office edits plans anywhere in the school.
    const bySchool = await createPlan(schoolOffice, { orgUnitId: UNIT_B, title: '学院B食物中毒预案' });
    expect(bySchool).toMatchObject({ status: 'DRAFT', orgUnit: { id: UNIT_B } });
  });

  it('filters plans due for review by a calendar date, inclusive and within scope', async () => {
    await createPlan(officerA, { title: '预案-三月', reviewDate: '2027-03-01' });
    await createPlan(officerA, { title: '预案-六月', reviewDate: '2027-06-30', type: 'SPECIAL' });
    await createPlan(officerA, { title: '预案-年底', reviewDate: '2027-12-31' });
    await createPlan(officerB, { orgUnitId: UNIT_B, title: '预案-B-五月', reviewDate: '2027-05-01' });

    const dueFilter = (filter: Record<string, unknown>) => ({ ...filter, reviewDueBy: '2027-06-30' });
    const inA = (await runner.data(officerA, PLANS, { filter: dueFilter({}) })).emergencyPlans;
    const titlesInA = inA.edges.map((edge: any) => edge.node.title).filter((title: string) => title.startsWith('预案-'));
    expect(titlesInA.sort()).toEqual(['预案-三月', '预案-六月'].sort());
    expect(inA.edges.every((edge: any) => edge.node.reviewDate <= '2027-06-30')).toBe(true);

    const inSchool = (await runner.data(schoolOffice, PLANS, { filter: { reviewDueBy: '2027-06-30', type: ['ON_SITE'] } })).emergencyPlans;
    const dueInSchool = inSchool.edges.map((edge: any) => edge.node.title).filter((title: string) => title.startsWith('预案-'));
    expect(dueInSchool.sort()).toEqual(['预案-B-五月', '预案-三月'].sort());

    const beforeAll2027 = (await runner.data(schoolOffice, PLANS, { filter: { reviewDueBy: '2026-12-31', status: ['APPROVED'] } })).emergencyPlans;
    expect(beforeAll2027.totalCount).toBe(0);
    const all = (await runner.data(schoolOffice, PLANS, { filter: {} })).emergencyPlans;
    const due = (await runner.data(schoolOffice, PLANS, { filter: { reviewDueBy: '2027-12-31' } })).emergencyPlans;
    expect(due.totalCount).toBe(all.totalCount);

    const badFilter = await graphql({ schema, source: PLANS, variableValues: { filter: { reviewDueBy: '2027-02-29' } }, contextValue: { viewer: schoolOffice } });
    expect(badFilter.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('records the emergencies a plan covers and lists plans by them', async () => {
    const create = 'mutation($input: CreateEmergencyPlanInput!) { createEmergencyPlan(input: $input) { emergencyPlan { id version scenarioTypes } } }';
    const input = { orgUnitId: UNIT_B, title: '学院B综合应急预案', type: 'COMPREHENSIVE', versionLabel: '2026版', reviewDate: '2027-09-01' };
    const plan = (await runner.data(officerB, create, { input: { ...input, scenarioTypes: ['FIRE', 'EARTHQUAKE', 'FIRE'] } })).createEmergencyPlan.emergencyPlan;
    expect(plan.scenarioTypes).toEqual(['FIRE', 'EARTHQUAKE']);
    const bare = (await runner.data(officerB, create, { input: { ...input, title: '学院B未分类预案' } })).createEmergencyPlan.emergencyPlan;
    expect(bare.scenarioTypes).toEqual([]);

    const byScenario = (types: string[]) =>
      runner
        .data(officerB, 'query($filter: EmergencyPlanFilter!) { emergencyPlans(filter: $filter) { edges { node { title scenarioTypes } } } }', { filter: { scenarioTypes: types } })
        .then((data) => data.emergencyPlans.edges.map((edge: any) => edge.node.title));
    expect(await byScenario(['EARTHQUAKE', 'FLOOD'])).toEqual(['学院B综合应急预案']);
    expect(await byScenario(['FLOOD'])).toEqual([]);

    const update = 'mutation($input: UpdateEmergencyPlanInput!) { updateEmergencyPlan(input: $input) { emergencyPlan { scenarioTypes } } }';
    const updated = (await runner.data(officerB, update, { input: { id: plan.id, version: plan.version, scenarioTypes: ['FLOOD'] } })).updateEmergencyPlan.emergencyPlan;
    expect(updated.scenarioTypes).toEqual(['FLOOD']);
    expect(await byScenario(['FLOOD'])).toEqual(['学院B综合应急预案']);
  });
});
