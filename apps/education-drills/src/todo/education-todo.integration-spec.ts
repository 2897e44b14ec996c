import { Role, Viewer } from '@campus/auth';
import { NO_OUTBOX_SIGNAL } from '@campus/events';
import { calendarDateOf, TodoItem } from '@campus/graphql';
import { countStatements, createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { isSchoolDay } from '../health-checks/health-check-timing';
import { buildEducationSchema, EDUCATION_MODULES } from '../service';

const DAY_MS = 24 * 3600 * 1000;
const day = (offset: number) => calendarDateOf(new Date(Date.now() + offset * DAY_MS));
const TODAY = day(0);
const PATHS: Record<string, string> = { school: '/bureau/school/', collegea: '/bureau/school/collegea/', classa1: '/bureau/school/collegea/classa1/', collegeb: '/bureau/school/collegeb/' };
const KINDS: Record<string, string> = { school: 'SCHOOL', collegea: 'COLLEGE', classa1: 'CLASS', collegeb: 'COLLEGE' };
const PEOPLE = [['stu1', '王小明', 'STUDENT', 'classa1'], ['stu2', '李华', 'STUDENT', 'classa1'], ['teacher', '赵老师', 'STAFF', 'classa1']];

const counselorA = viewerWith('counselor-a', [[Role.COUNSELOR, 'collegea', PATHS.collegea]], 'p-counselor');
const counselorB = viewerWith('counselor-b', [[Role.COUNSELOR, 'collegeb', PATHS.collegeb]], 'p-counselor-b');
const teacher = viewerWith('teacher', [[Role.STAFF, 'classa1', PATHS.classa1]], 'teacher');
const officerA = viewerWith('officer-a', [[Role.UNIT_SAFETY_OFFICER, 'collegea', PATHS.collegea]], 'p-officer');

const SECTION = `query($r: [_Any!]!) { _entities(representations: $r) { ... on TodoList { personId educationItems {
  kind title detail objectType objectId orgUnitId deadline urgency } } } }`;
const ADD_KEY_STUDENT = 'mutation($input: AddKeyStudentInput!) { addKeyStudent(input: $input) { keyStudent { id } } }';
const PLAN = 'mutation($input: PlanDrillInput!) { planDrill(input: $input) { drill { id version } } }';
const HOLD = 'mutation($input: HoldDrillInput!) { holdDrill(input: $input) { drill { id version } } }';
const RECORD = 'mutation($input: RecordHealthCheckInput!) { recordHealthCheck(input: $input) { healthCheck { id } } }';

describe('TodoList.educationItems (integration)', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;
  const ids: Record<string, string> = {};

  async function itemsOf(viewer: Viewer, personId = viewer.personId as string): Promise<TodoItem[]> {
    return (await runner.data(viewer, SECTION, { r: [{ __typename: 'TodoList', personId }] }))._entities[0].educationItems;
  }
  const summary = (items: TodoItem[]) => items.map((item) => `${item.kind} ${Object.entries(ids).find(([, id]) => id === item.objectId)?.[0] ?? item.objectId}`);

  beforeAll(async () => {
    db = await createServiceTestDatabase('education_todo', EDUCATION_MODULES);
    for (const [id, path] of Object.entries(PATHS)) await db.dataSource.query('INSERT INTO org_unit_projection (id, path, name, kind) VALUES (?, ?, ?, ?)', [id, path, `单位${id}`, KINDS[id]]);
    for (const [id, name, kind, unit] of PEOPLE) {
      await db.dataSource.query('INSERT INTO person_projection (id, name, kind, org_unit_id, org_path, active) VALUES (?, ?, ?, ?, ?, 1)', [id, name, kind, unit, PATHS[unit]]);
    }
    runner = new SchemaRunner(await buildEducationSchema(db.dataSource, fixedOrgDirectory(PATHS), NO_OUTBOX_SIGNAL));
    const addKeyStudent = async (studentId: string, nextFollowUpDate: string) =>
      (await runner.data(counselorA, ADD_KEY_STUDENT, { input: { studentId, reasonCategory: 'FAMILY_HARDSHIP', description: '家庭困难', responsibleTeacherId: 'teacher', since: day(-30), nextFollowUpDate } }))
        .addKeyStudent.keyStudent.id;
    ids.overdue = await addKeyStudent('stu1', day(-3));
    ids.soon = await addKeyStudent('stu2', day(2));
    const planned = (await runner.data(officerA, PLAN, {
      input: { orgUnitId: 'collegea', title: '疏散演练', type: 'EVACUATION', scenario: '实训楼起火', placeText: '实训楼', expectedParticipants: 100, plannedDate: day(-1) },
    })).planDrill.drill;
    ids.drill = planned.id;
    const startedAt = new Date(Date.now() - 26 * 3600 * 1000).toISOString();
    const endedAt = new Date(Date.now() - 25 * 3600 * 1000).toISOString();
    await runner.data(officerA, HOLD, { input: { id: planned.id, version: planned.version, startedAt, endedAt, actualParticipants: 95, evacuationSeconds: 120 } });
    ids.classa1 = 'classa1';
  }, 60_000);

  afterAll(async () => {
    await db?.drop();
  });

  it('gives the responsible teacher their key students due soon and the class’s missing health checks, without student names', async () => {
    const items = await itemsOf(teacher);
    const expected = ['KEY_STUDENT_FOLLOW_UP overdue', ...(isSchoolDay(TODAY) ? ['HEALTH_CHECK_MISSING classa1'] : []), 'KEY_STUDENT_FOLLOW_UP soon'];
    expect(summary(items)).toEqual(expected);
    expect(items[0]).toMatchObject({ title: '重点关注学生待跟进', objectType: 'KeyStudent', deadline: day(-3), urgency: 'OVERDUE' });
    expect(JSON.stringify(items)).not.toContain('王小明');
    if (isSchoolDay(TODAY)) {
      expect(items[1]).toMatchObject({ title: '今日晨检、午检未填报：单位classa1', objectType: 'OrgUnit', deadline: TODAY, urgency: 'DUE_TODAY' });
      await runner.data(teacher, RECORD, { input: { orgUnitId: 'classa1', checkDate: TODAY, session: 'MORNING', figures: { enrolled: 40, present: 40, absentForIllness: 0, fever: 0 } } });
      expect((await itemsOf(teacher))[1].title).toBe('今日午检未填报：单位classa1');
    }
  });

  it('gives handlers in scope the overdue follow-ups and the drill to evaluate, and nothing elsewhere', async () => {
    expect(summary(await itemsOf(counselorA))).toEqual(['KEY_STUDENT_FOLLOW_UP overdue']);
    expect(summary(await itemsOf(officerA))).toEqual(['DRILL_EVALUATE drill']);
    expect(await itemsOf(counselorB)).toEqual([]);
  });

  it('answers nothing for another person’s key', async () => {
    expect(await itemsOf(counselorA, 'teacher')).toEqual([]);
  });

  it('costs five statements whatever the number of items', async () => {
    const { count, statements } = await countStatements(db.dataSource, () => itemsOf(teacher));
    expect({ count, statements }).toEqual({ count: isSchoolDay(TODAY) ? 5 : 4, statements: expect.any(Array) });
  });
});
