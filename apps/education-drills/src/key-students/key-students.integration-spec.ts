import { Role } from '@campus/auth';
import { NO_OUTBOX_SIGNAL } from '@campus/events';
import { createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { buildEducationSchema, EDUCATION_MODULES } from '../service';

const PATHS: Record<string, string> = {
  school: '/bureau/school/',
  collegea: '/bureau/school/collegea/',
  collegeb: '/bureau/school/collegeb/',
};
const PEOPLE: [string, string, string, string, boolean][] = [
  ['stua1', '王小明', 'STUDENT', 'collegea', true],
  ['stua2', '李华', 'STUDENT', 'collegea', true],
  ['stuaold', '已毕业学生', 'STUDENT', 'collegea', false],
  ['teachera', '孙丽', 'STAFF', 'collegea', true],
  ['stub1', '欧阳娜娜', 'STUDENT', 'collegeb', true],
];

const FIELDS = `id orgUnit { id } reasonCategory description responsibleTeacher { id name } since nextFollowUpDate followUpOverdue status
  releasedOn releaseReason version student { id name active } followUps { occurredOn performedBy content nextFollowUpDate }`;
const payload = (name: string, input: string) => `mutation($input: ${input}!) { ${name}(input: $input) { keyStudent { ${FIELDS} } } }`;
const ADD = payload('addKeyStudent', 'AddKeyStudentInput');
const FOLLOW_UP = payload('addKeyStudentFollowUp', 'AddKeyStudentFollowUpInput');
const RELEASE = payload('releaseKeyStudent', 'ReleaseKeyStudentInput');
const ENTRY = `query($id: ID!) { keyStudent(id: $id) { ${FIELDS} } }`;
const LIST = `query($filter: KeyStudentFilter) { keyStudents(first: 50, filter: $filter) { totalCount restrictedCount edges { node { id status student { name } } } } }`;
const DUE = `query($filter: KeyStudentFollowUpsDueFilter) { keyStudentFollowUpsDue(first: 50, filter: $filter) { totalCount restrictedCount edges { node { id nextFollowUpDate followUpOverdue } } } }`;

const counselorA = viewerWith('counselor-a', [[Role.COUNSELOR, 'collegea', PATHS.collegea]], 'teachera');
const counselorB = viewerWith('counselor-b', [[Role.COUNSELOR, 'collegeb', PATHS.collegeb]]);
const leaderA = viewerWith('leader-a', [[Role.UNIT_LEADER, 'collegea', PATHS.collegea]]);
const gridA = viewerWith('grid-a', [[Role.GRID_OFFICER, 'collegea', PATHS.collegea]]);
const staffA = viewerWith('staff-a', [[Role.STAFF, 'collegea', PATHS.collegea]]);

describe('education-drills: key students register (integration)', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;

  const add = async (overrides: Record<string, unknown> = {}, viewer = counselorA) => {
    const input = {
      studentId: 'stua1', reasonCategory: 'FAMILY_HARDSHIP', description: '父母离异，经济困难', responsibleTeacherId: 'teachera',
      since: '2026-09-01', nextFollowUpDate: '2026-10-10', ...overrides,
    };
    return (await runner.data(viewer, ADD, { input })).addKeyStudent.keyStudent;
  };
  const logOf = (recordId: string) =>
    db.dataSource.query("SELECT account_id, access_kind FROM risk_register_access_log WHERE register = 'KEY_STUDENT' AND record_id = ? ORDER BY id", [recordId]);

  beforeAll(async () => {
    db = await createServiceTestDatabase('key_students', EDUCATION_MODULES);
    for (const [id, path] of Object.entries(PATHS)) await db.dataSource.query('INSERT INTO org_unit_projection (id, path, name) VALUES (?, ?, ?)', [id, path, id]);
    for (const [id, name, kind, unit, active] of PEOPLE) {
      await db.dataSource.query('INSERT INTO person_projection (id, name, kind, org_unit_id, org_path, active) VALUES (?, ?, ?, ?, ?, ?)', [id, name, kind, unit, PATHS[unit], active]);
    }
    runner = new SchemaRunner(await buildEducationSchema(db.dataSource, fixedOrgDirectory(PATHS), NO_OUTBOX_SIGNAL, { now: () => new Date('2026-10-15T02:00:00Z') }));
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('follows a student with follow-ups due and overdue, then releases them with a reason, logging every read', async () => {
    const created = await add();
    expect(created).toMatchObject({
      status: 'ACTIVE', orgUnit: { id: 'collegea' }, responsibleTeacher: { id: 'teachera', name: '孙丽' }, followUpOverdue: true, version: 1,
      student: { id: 'stua1', name: '王小明', active: true }, followUps: [],
    });
    const second = await add({ studentId: 'stua2', reasonCategory: 'PSYCHOLOGICAL', nextFollowUpDate: '2026-10-18' }, leaderA);
    expect((await runner.data(counselorA, DUE)).keyStudentFollowUpsDue.edges.map((edge: any) => edge.node)).toEqual([
      { id: created.id, nextFollowUpDate: '2026-10-10', followUpOverdue: true },
    ]);
    const soon = (await runner.data(counselorA, DUE, { filter: { withinDays: 7 } })).keyStudentFollowUpsDue;
    expect(soon.edges.map((edge: any) => edge.node.id)).toEqual([created.id, second.id]);

    const duplicate = await runner.run(counselorA, ADD, { input: { studentId: 'stua1', reasonCategory: 'OTHER', description: '重复', responsibleTeacherId: 'teachera', since: '2026-10-01' } });
    expect(duplicate.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE' });

    const followed = (await runner.data(counselorA, FOLLOW_UP, {
      input: { id: created.id, version: 1, occurredOn: '2026-10-14', performedBy: '孙丽（班主任）', content: '家访，申请助学金', nextFollowUpDate: '2026-11-14' },
    })).addKeyStudentFollowUp.keyStudent;
    expect(followed).toMatchObject({ nextFollowUpDate: '2026-11-14', followUpOverdue: false, version: 2 });
    expect(followed.followUps).toEqual([{ occurredOn: '2026-10-14', performedBy: '孙丽（班主任）', content: '家访，申请助学金', nextFollowUpDate: '2026-11-14' }]);
    expect((await runner.data(counselorA, DUE)).keyStudentFollowUpsDue.totalCount).toBe(0);

    const stale = await runner.run(counselorA, RELEASE, { input: { id: created.id, version: 1, releasedOn: '2026-10-15', reason: '已获资助' } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    const noReason = await runner.run(counselorA, RELEASE, { input: { id: created.id, version: 2, releasedOn: '2026-10-15', reason: '' } });
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const released = (await runner.data(counselorA, RELEASE, { input: { id: created.id, version: 2, releasedOn: '2026-10-15', reason: '已获资助，情况稳定' } })).releaseKeyStudent.keyStudent;
    expect(released).toMatchObject({ status: 'RELEASED', releasedOn: '2026-10-15', releaseReason: '已获资助，情况稳定', nextFollowUpDate: null });
    for (const [query, input] of [
      [FOLLOW_UP, { id: created.id, version: 3, occurredOn: '2026-10-15', performedBy: '孙丽', content: '再次跟进' }],
      [RELEASE, { id: created.id, version: 3, releasedOn: '2026-10-15', reason: '再次解除' }],
    ] as const) {
      expect((await runner.run(counselorA, query, { input })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
    }
    // Released, the student may be followed again as a new entry.
    expect((await add({ since: '2026-10-15', nextFollowUpDate: null })).status).toBe('ACTIVE');
    expect((await runner.data(counselorA, ENTRY, { id: created.id })).keyStudent.status).toBe('RELEASED');
    expect((await logOf(created.id)).map((row: any) => row.access_kind)).toEqual(['WRITE', 'FOLLOW_UPS_DUE', 'FOLLOW_UPS_DUE', 'WRITE', 'WRITE', 'BY_ID']);
  });

  it('shows grid officers and staff only a count; another college and bad input are refused', async () => {
    const list = (await runner.data(counselorA, LIST, { filter: { status: ['ACTIVE'] } })).keyStudents;
    expect(list).toMatchObject({ totalCount: 2, restrictedCount: 0 });
    const id = list.edges[0].node.id;
    for (const viewer of [gridA, staffA]) {
      const refused = await runner.run(viewer, ENTRY, { id });
      expect(refused.data?.keyStudent ?? null).toBeNull();
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
      expect((await runner.data(viewer, LIST, { filter: { status: ['ACTIVE'] } })).keyStudents).toEqual({ totalCount: 0, restrictedCount: 2, edges: [] });
      expect((await runner.data(viewer, DUE, { filter: { withinDays: 30 } })).keyStudentFollowUpsDue).toMatchObject({ totalCount: 0, edges: [] });
      const add = await runner.run(viewer, ADD, { input: { studentId: 'stua1', reasonCategory: 'OTHER', description: '测试', responsibleTeacherId: 'teachera', since: '2026-10-01' } });
      expect(add.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect((await runner.run(counselorB, ENTRY, { id })).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect((await runner.data(counselorB, LIST)).keyStudents).toEqual({ totalCount: 0, restrictedCount: 0, edges: [] });
    const refusal = async (overrides: Record<string, unknown>, viewer = counselorA) =>
      (await runner.run(viewer, ADD, { input: { studentId: 'stua2', reasonCategory: 'OTHER', description: '测试', responsibleTeacherId: 'teachera', since: '2026-10-01', ...overrides } })).errors?.[0]
        .extensions;
    expect(await refusal({ studentId: 'teachera' })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await refusal({ responsibleTeacherId: 'stua1' })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await refusal({ studentId: 'stuaold' })).toMatchObject({ code: 'CONFLICT', reason: 'INACTIVE' });
    expect(await refusal({ studentId: 'stub1' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal({ since: '2026-10-20' })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await refusal({ studentId: 'stub1', responsibleTeacherId: 'teachera' }, counselorB)).toMatchObject({ code: 'NOT_FOUND' });
  });
});
