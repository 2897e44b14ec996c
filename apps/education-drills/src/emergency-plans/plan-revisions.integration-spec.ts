import { Role } from '@campus/auth';
import { createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { MysqlQueryRunner } from 'typeorm/driver/mysql/MysqlQueryRunner';
import { buildEducationSchema, EDUCATION_MODULES } from '../service';
import { addMonths } from './emergency-plan.entity';

const PATHS = {
  school: '/bureau/school/',
  collegea: '/bureau/school/collegea/',
  collegeb: '/bureau/school/collegeb/',
};

const REVISION = 'number versionLabel approvedBy { id } approvedByAccountId approvedAt changeNote';
const PLAN_FIELDS = `id status versionLabel approvedAt reviewCycleMonths nextReviewDue version currentRevision { ${REVISION} } revisions { ${REVISION} }`;
const CREATE = `mutation($input: CreateEmergencyPlanInput!) { createEmergencyPlan(input: $input) { emergencyPlan { ${PLAN_FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateEmergencyPlanInput!) { updateEmergencyPlan(input: $input) { emergencyPlan { ${PLAN_FIELDS} } } }`;
const PLAN = `query($id: ID!) { emergencyPlan(id: $id) { ${PLAN_FIELDS} } }`;
const DUE = `query($unit: ID!, $within: Int) { emergencyPlansDueForReview(orgUnitId: $unit, within: $within) { id title nextReviewDue } }`;

const officerA = viewerWith('officer-a', [[Role.UNIT_SAFETY_OFFICER, 'collegea', PATHS.collegea]], 'person-officer-a');
const officerB = viewerWith('officer-b', [[Role.UNIT_SAFETY_OFFICER, 'collegeb', PATHS.collegeb]]);
const schoolOffice = viewerWith('school-office', [[Role.SAFETY_OFFICE, 'school', PATHS.school]]);

describe('education-drills: emergency plan revisions and review cycle (integration)', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;
  let now = new Date('2026-03-10T02:00:00Z');

  async function createPlan(viewer = officerA, overrides: Record<string, unknown> = {}) {
    const input = { orgUnitId: 'collegea', title: '消防应急预案', type: 'SPECIAL', versionLabel: '2026版', reviewDate: '2026-09-01', ...overrides };
    return (await runner.data(viewer, CREATE, { input })).createEmergencyPlan.emergencyPlan;
  }

  async function approve(plan: { id: string; version: number }, extra: Record<string, unknown> = {}, viewer = officerA) {
    return (await runner.data(viewer, UPDATE, { input: { id: plan.id, version: plan.version, status: 'APPROVED', ...extra } })).updateEmergencyPlan
      .emergencyPlan;
  }

  beforeAll(async () => {
    db = await createServiceTestDatabase('education_revisions', EDUCATION_MODULES);
    const schema = await buildEducationSchema(db.dataSource, fixedOrgDirectory(PATHS), undefined, { now: () => now });
    runner = new SchemaRunner(schema);
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('adds calendar months, clamped to the month end', () => {
    expect(addMonths('2026-03-10', 12)).toBe('2027-03-10');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-12-15', 3)).toBe('2028-03-15');
  });

  it('records a revision on each approval, with approver, date and a change note required after the first', async () => {
    now = new Date('2026-03-10T02:00:00Z');
    const draft = await createPlan();
    expect(draft).toMatchObject({ reviewCycleMonths: 12, nextReviewDue: null, revisions: [], currentRevision: null });

    const first = await approve(draft);
    const revision1 = {
      number: 1,
      versionLabel: '2026版',
      approvedBy: { id: 'person-officer-a' },
      approvedByAccountId: 'officer-a',
      approvedAt: '2026-03-10T02:00:00.000Z',
      changeNote: null,
    };
    expect(first).toMatchObject({ status: 'APPROVED', nextReviewDue: '2027-03-10', revisions: [revision1], currentRevision: revision1 });

    now = new Date('2026-06-01T03:00:00Z');
    const noNote = await runner.run(officerA, UPDATE, { input: { id: draft.id, version: first.version, status: 'APPROVED', versionLabel: '2026修订版' } });
    expect(noNote.data).toBeNull();
    expect(noNote.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(noNote.errors?.[0].message).toContain('修订说明');
    expect((await runner.data(officerA, PLAN, { id: draft.id })).emergencyPlan).toMatchObject({ versionLabel: '2026版', version: first.version });

    const second = await approve(first, { versionLabel: '2026修订版', changeNote: '调整疏散路线', reviewCycleMonths: 6 });
    const revision2 = { number: 2, versionLabel: '2026修订版', approvedAt: '2026-06-01T03:00:00.000Z', changeNote: '调整疏散路线' };
    expect(second).toMatchObject({ reviewCycleMonths: 6, nextReviewDue: '2026-12-01', currentRevision: revision2 });
    expect(second.revisions).toEqual([revision1, expect.objectContaining(revision2)]);

    const [{ count }] = await db.dataSource.query('SELECT COUNT(*) AS count FROM emergency_plan_revision WHERE plan_id = ?', [draft.id]);
    expect(Number(count)).toBe(2);

    // Retiring records nothing; the revisions stay.
    const retired = (await runner.data(officerA, UPDATE, { input: { id: draft.id, version: second.version, status: 'RETIRED' } })).updateEmergencyPlan
      .emergencyPlan;
    expect(retired.revisions).toHaveLength(2);
  });

  it('reads the revisions of many plans in one statement', async () => {
    now = new Date('2026-03-10T02:00:00Z');
    for (const title of ['甲预案', '乙预案', '丙预案']) await approve(await createPlan(officerA, { title }));
    const plans = `query { emergencyPlans(first: 50) { edges { node { title revisions { number } currentRevision { number } } } } }`;
    const query = jest.spyOn(MysqlQueryRunner.prototype, 'query');
    try {
      const nodes = (await runner.data(schoolOffice, plans)).emergencyPlans.edges.map((edge: { node: { title: string } }) => edge.node);
      expect(nodes.filter((node: { title: string }) => ['甲预案', '乙预案', '丙预案'].includes(node.title))).toEqual([
        { title: '丙预案', revisions: [{ number: 1 }], currentRevision: { number: 1 } },
        { title: '乙预案', revisions: [{ number: 1 }], currentRevision: { number: 1 } },
        { title: '甲预案', revisions: [{ number: 1 }], currentRevision: { number: 1 } },
      ]);
      const revisionStatements = query.mock.calls.filter(([sql]) => String(sql).includes('emergency_plan_revision'));
      expect(revisionStatements).toHaveLength(1);
    } finally {
      query.mockRestore();
    }
  });

  it('lists the approved plans in scope whose review is due or overdue', async () => {
    now = new Date('2025-01-15T02:00:00Z');
    const overdue = await approve(await createPlan(officerA, { title: '防汛预案（逾期）' }));
    now = new Date('2025-05-20T02:00:00Z');
    const soon = await approve(await createPlan(officerA, { title: '食物中毒预案（将到期）' }));
    const later = await approve(await createPlan(officerA, { title: '地震预案（未到期）', reviewCycleMonths: 24 }));
    await createPlan(officerA, { title: '草案不列入' });
    await approve(await createPlan(officerB, { orgUnitId: 'collegeb', title: '别的学院的预案' }), {}, officerB);

    now = new Date('2026-05-01T02:00:00Z');
    const due = (await runner.data(officerA, DUE, { unit: 'collegea', within: 30 })).emergencyPlansDueForReview;
    expect(due).toEqual([
      { id: overdue.id, title: '防汛预案（逾期）', nextReviewDue: '2026-01-15' },
      { id: soon.id, title: '食物中毒预案（将到期）', nextReviewDue: '2026-05-20' },
    ]);
    expect(later.nextReviewDue).toBe('2027-05-20');

    const schoolWide = (await runner.data(schoolOffice, DUE, { unit: 'school', within: 30 })).emergencyPlansDueForReview;
    expect(schoolWide.map((plan: { title: string }) => plan.title)).toContain('别的学院的预案');

    const otherCollege = await runner.run(officerB, DUE, { unit: 'collegea' });
    expect(otherCollege.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
