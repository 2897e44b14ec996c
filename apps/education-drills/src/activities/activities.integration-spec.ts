import { Role } from '@campus/auth';
import { runWithTraceId } from '@campus/logger';
import { createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { Workbook } from 'exceljs';
import { ORG_PROJECTION_MODULE } from '@campus/org-directory';
import { PersonCreated } from '@campus/events';
import { PEOPLE_MODULE, peopleProjectionHandlers } from '../people/people.module';
import { buildEducationSchema } from '../service';
import { ACTIVITIES_MODULE } from './activities.module';

const MODULES = [ACTIVITIES_MODULE, PEOPLE_MODULE, ORG_PROJECTION_MODULE];

const PATHS = {
  school: '/bureau/school/',
  collegea: '/bureau/school/collegea/',
  classa1: '/bureau/school/collegea/classa1/',
  collegeb: '/bureau/school/collegeb/',
};
const PEOPLE: [string, string, string, keyof typeof PATHS, boolean][] = [
  ['sa1', '李一', 'STUDENT', 'classa1', true],
  ['sa2', '李二', 'STUDENT', 'classa1', true],
  ['sa3', '李三', 'STUDENT', 'classa1', true],
  ['sa4', '李四', 'STUDENT', 'classa1', true],
  ['sa5', '李五', 'STUDENT', 'classa1', false],
  ['sa6', '王芳', 'STUDENT', 'classa1', true],
  ['sa7', '王芳', 'STUDENT', 'classa1', true],
  ['ta1', '张老师', 'STAFF', 'collegea', true],
  ['ca1', '赵师傅', 'CONTRACTOR', 'collegea', true],
  ['sb1', '钱一', 'STUDENT', 'collegeb', true],
];

const ACTIVITY_FIELDS = 'id title kind topics status checkInCode attendeeCount audienceKinds audienceUnits { id } orgUnit { id } version';
const CREATE = `mutation($input: CreateEducationActivityInput!) { createEducationActivity(input: $input) { educationActivity { ${ACTIVITY_FIELDS} } } }`;
const GET = `query($id: ID!) { educationActivity(id: $id) { ${ACTIVITY_FIELDS} attendees(first: 50) { totalCount edges { node { personId name method } } } } }`;
const CHECK_IN = 'mutation($code: String!) { checkInEducationActivity(input: { code: $code }) { activityId personId recordedAt } }';
const MARK = 'mutation($input: MarkEducationAttendanceInput!) { markEducationAttendance(input: $input) { recorded alreadyRecorded educationActivity { status attendeeCount } } }';
const IMPORT = `mutation($input: ImportEducationAttendanceInput!) { importEducationAttendance(input: $input) {
  imported totalRows recorded alreadyRecorded rejectedRows { row reasons } } }`;
const CANCEL = 'mutation($input: CancelEducationActivityInput!) { cancelEducationActivity(input: $input) { educationActivity { status cancelReason version } } }';
const UPDATE = 'mutation($input: UpdateEducationActivityInput!) { updateEducationActivity(input: $input) { educationActivity { title version } } }';
const COVERAGE = `query($r: [_Any!]!, $from: CalendarDate!, $to: CalendarDate!, $topic: EducationTopic, $kinds: [AudienceKind!]) {
  _entities(representations: $r) { ... on OrgUnit { id educationCoverage(from: $from, to: $to, topic: $topic, kinds: $kinds) {
    population covered rate notCovered(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name } } } } } } }`;

const officerA = viewerWith('officer-a', [[Role.UNIT_SAFETY_OFFICER, 'collegea', PATHS.collegea]], 'ta1');
const staffA = viewerWith('staff-a', [[Role.STAFF, 'collegea', PATHS.collegea]], 'ta1');
const officerB = viewerWith('officer-b', [[Role.UNIT_SAFETY_OFFICER, 'collegeb', PATHS.collegeb]], 'sb1');
const office = viewerWith('office', [[Role.SAFETY_OFFICE, 'school', PATHS.school]]);
/** Students sign in with accounts that hold no role at all. */
const student = (personId: string) => viewerWith(`account-${personId}`, [], personId);

async function sheet(rows: string[][]): Promise<string> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('签到表');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

describe('education-drills: safety education activities (integration)', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;
  let now = new Date('2026-11-10T02:00:00Z');

  async function createActivity(overrides: Record<string, unknown> = {}, viewer = officerA) {
    const input = {
      orgUnitId: 'collegea',
      title: '冬季消防安全专题讲座',
      kind: 'LECTURE',
      topics: ['FIRE'],
      audienceKinds: ['STUDENT', 'STAFF'],
      startsAt: '2026-11-10T01:30:00Z',
      endsAt: '2026-11-10T03:00:00Z',
      placeText: '图书馆报告厅',
      lecturer: '消防大队王教官',
      ...overrides,
    };
    return (await runner.data(viewer, CREATE, { input })).createEducationActivity.educationActivity;
  }

  beforeAll(async () => {
    db = await createServiceTestDatabase('activities', MODULES);
    for (const [id, path] of Object.entries(PATHS)) {
      await db.dataSource.query('INSERT INTO org_unit_projection (id, path, name, code) VALUES (?, ?, ?, ?)', [id, path, `单位${id}`, id.toUpperCase()]);
    }
    const [personCreated] = peopleProjectionHandlers();
    for (const [id, name, kind, unit, active] of PEOPLE) {
      const payload = { id, name, kind, orgUnitId: unit, orgPath: PATHS[unit], active };
      await db.dataSource.transaction((manager) => personCreated.handle(manager, { id: `created-${id}`, type: PersonCreated.type, version: 1, traceId: null, key: id, payload }));
    }
    const schema = await buildEducationSchema(db.dataSource, fixedOrgDirectory(PATHS), undefined, { now: () => now }, MODULES);
    runner = new SchemaRunner(schema);
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('lets organisers create activities for their unit and below, and everyone in scope read them', async () => {
    const activity = await createActivity({ audienceUnitIds: ['classa1'] });
    expect(activity).toMatchObject({ status: 'PLANNED', topics: ['FIRE'], audienceUnits: [{ id: 'classa1' }], orgUnit: { id: 'collegea' }, attendeeCount: 0 });
    expect(activity.checkInCode).toMatch(/^[A-Z2-9]{8}$/);
    const asStaff = (await runner.data(staffA, GET, { id: activity.id })).educationActivity;
    expect(asStaff).toMatchObject({ id: activity.id, checkInCode: null });

    const byStaff = await runner.run(staffA, CREATE, { input: { orgUnitId: 'collegea', title: '教职工组织', kind: 'LECTURE', topics: ['FIRE'], audienceKinds: ['STAFF'], startsAt: '2026-11-11T01:00:00Z', endsAt: '2026-11-11T02:00:00Z' } });
    expect(byStaff.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
    const otherCollege = await runner.run(officerB, GET, { id: activity.id });
    expect(otherCollege.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    const outsideAudience = await runner.run(office, CREATE, { input: { orgUnitId: 'collegea', title: '跨学院', kind: 'LECTURE', topics: ['FIRE'], audienceKinds: ['STAFF'], audienceUnitIds: ['collegeb'], startsAt: '2026-11-11T01:00:00Z', endsAt: '2026-11-11T02:00:00Z' } });
    expect(outsideAudience.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });
    const backwards = await runner.run(officerA, CREATE, { input: { orgUnitId: 'collegea', title: '倒序', kind: 'LECTURE', topics: ['FIRE'], audienceKinds: ['STAFF'], startsAt: '2026-11-11T02:00:00Z', endsAt: '2026-11-11T01:00:00Z' } });
    expect(backwards.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('checks a person in by code once, as themself, within the window and the audience', async () => {
    const activity = await createActivity();
    const checkedIn = (await runner.data(student('sa1'), CHECK_IN, { code: activity.checkInCode.toLowerCase() })).checkInEducationActivity;
    expect(checkedIn).toMatchObject({ activityId: activity.id, personId: 'sa1' });

    const again = await runner.run(student('sa1'), CHECK_IN, { code: activity.checkInCode });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE' });
    const outsider = await runner.run(student('sb1'), CHECK_IN, { code: activity.checkInCode });
    expect(outsider.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_IN_AUDIENCE' });
    const contractor = await runner.run(student('ca1'), CHECK_IN, { code: activity.checkInCode });
    expect(contractor.errors?.[0].extensions?.reason).toBe('NOT_IN_AUDIENCE');
    const noPerson = await runner.run(office, CHECK_IN, { code: activity.checkInCode });
    expect(noPerson.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NO_LINKED_PERSON' });
    const wrongCode = await runner.run(student('sa2'), CHECK_IN, { code: 'ZZZZ2222' });
    expect(wrongCode.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    now = new Date('2026-11-10T03:31:00Z');
    const late = await runner.run(student('sa2'), CHECK_IN, { code: activity.checkInCode });
    expect(late.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'CHECK_IN_CLOSED' });
    now = new Date('2026-11-10T00:59:00Z');
    const early = await runner.run(student('sa2'), CHECK_IN, { code: activity.checkInCode });
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_YET_DUE' });
    now = new Date('2026-11-10T02:00:00Z');

    const read = (await runner.data(officerA, GET, { id: activity.id })).educationActivity;
    expect(read).toMatchObject({ status: 'HELD', attendeeCount: 1, attendees: { totalCount: 1, edges: [{ node: { personId: 'sa1', name: '李一', method: 'CHECK_IN' } }] } });
    const events = await db.dataSource.query('SELECT event_type, payload FROM event_outbox WHERE aggregate_id = ? ORDER BY id', [activity.id]);
    expect(events.map((event: any) => event.event_type)).toEqual(['education.activity-held', 'education.attendance-recorded']);
    expect(JSON.parse(events[1].payload)).toMatchObject({ method: 'CHECK_IN', attendees: [{ personId: 'sa1', orgUnitId: 'classa1' }] });

    const cancel = await runner.run(officerA, CANCEL, { input: { id: activity.id, version: read.version, reason: '改期' } });
    expect(cancel.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
  });

  it('lets only one of two simultaneous check-ins of a person through, and moves attendance with the activity', async () => {
    const activity = await createActivity({ title: '交通安全讲座', topics: ['TRAFFIC'], startsAt: '2026-11-10T01:00:00Z', endsAt: '2026-11-10T02:30:00Z' });
    const both = await Promise.all([1, 2].map(() => runner.run(student('sa6'), CHECK_IN, { code: activity.checkInCode })));
    expect(both.filter((result) => !result.errors).length).toBe(1);
    expect(both.find((result) => result.errors)?.errors?.[0].extensions?.reason).toBe('DUPLICATE');

    const read = (await runner.data(officerA, GET, { id: activity.id })).educationActivity;
    await runner.data(officerA, UPDATE, { input: { id: activity.id, version: read.version, startsAt: '2026-10-10T01:00:00Z', endsAt: '2026-10-10T02:00:00Z' } });
    const [row] = await db.dataSource.query('SELECT held_at FROM education_attendance WHERE activity_id = ?', [activity.id]);
    expect(new Date(row.held_at).toISOString()).toBe('2026-10-10T01:00:00.000Z');
  });

  it('imports a sign-in sheet all or nothing, naming every rejected row', async () => {
    const activity = await createActivity({ title: '防电信诈骗案例警示', kind: 'CASE_WARNING', topics: ['TELECOM_FRAUD'] });
    const bad = await sheet([
      ['人员编号', '姓名', '单位代码'],
      ['sa2', '', ''],
      ['', '李三', 'CLASSA1'],
      ['nobody', '', ''],
      ['', '王芳', 'CLASSA1'],
      ['sb1', '', ''],
      ['sa5', '', ''],
      ['', '李三', 'CLASSA1'],
      ['sa2', '李贰', ''],
      ['', '李四', 'NOPE'],
    ]);
    const refused = (await runner.data(officerA, IMPORT, { input: { activityId: activity.id, contentBase64: bad } })).importEducationAttendance;
    expect(refused).toMatchObject({ imported: false, totalRows: 9, recorded: 0 });
    expect(refused.rejectedRows.map((problem: any) => problem.row)).toEqual([4, 5, 6, 7, 8, 9, 10]);
    expect(refused.rejectedRows[1].reasons[0]).toContain('请填写人员编号');
    expect(refused.rejectedRows[2].reasons[0]).toContain('不在本次活动的参加对象范围内');
    expect(refused.rejectedRows[3].reasons[0]).toContain('已停用');
    expect(refused.rejectedRows[4].reasons[0]).toContain('与第 3 行是同一人');
    expect((await runner.data(officerA, GET, { id: activity.id })).educationActivity).toMatchObject({ status: 'PLANNED', attendeeCount: 0 });

    const good = await sheet([['人员编号', '姓名', '单位代码'], ['sa2', '李二', ''], ['', '李三', 'CLASSA1'], ['ta1', '', '']]);
    const byStaff = await runner.run(staffA, IMPORT, { input: { activityId: activity.id, contentBase64: good } });
    expect(byStaff.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const dry = (await runner.data(officerA, IMPORT, { input: { activityId: activity.id, contentBase64: good, dryRun: true } })).importEducationAttendance;
    expect(dry).toMatchObject({ imported: false, rejectedRows: [] });
    const imported = (await runner.data(officerA, IMPORT, { input: { activityId: activity.id, contentBase64: good } })).importEducationAttendance;
    expect(imported).toMatchObject({ imported: true, totalRows: 3, recorded: 3, alreadyRecorded: 0, rejectedRows: [] });
    const twice = (await runner.data(officerA, IMPORT, { input: { activityId: activity.id, contentBase64: good } })).importEducationAttendance;
    expect(twice).toMatchObject({ imported: true, recorded: 0, alreadyRecorded: 3 });

    const noHeader = await runner.run(officerA, IMPORT, { input: { activityId: activity.id, contentBase64: await sheet([['学号', '班级'], ['1', '2']]) } });
    expect(noHeader.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(noHeader.errors?.[0].message).toContain('缺少列');
  });

  it('records the organiser’s marks, refusing people outside the audience, and cancels only what has no attendance', async () => {
    const activity = await createActivity({ title: '实验室安全实操', kind: 'HANDS_ON', topics: ['LAB_SAFETY', 'FIRE'], audienceKinds: ['STUDENT'] });
    const outside = await runner.run(officerA, MARK, { input: { activityId: activity.id, personIds: ['sa3', 'ta1'] } });
    expect(outside.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(outside.errors?.[0].message).toContain('张老师');
    const marked = (await runner.data(officerA, MARK, { input: { activityId: activity.id, personIds: ['sa3', 'sa4'] } })).markEducationAttendance;
    expect(marked).toMatchObject({ recorded: 2, alreadyRecorded: 0, educationActivity: { status: 'HELD', attendeeCount: 2 } });
    const byOtherCollege = await runner.run(officerB, MARK, { input: { activityId: activity.id, personIds: ['sa3'] } });
    expect(byOtherCollege.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const planned = await createActivity({ title: '改期的讲座', startsAt: '2026-12-01T01:00:00Z', endsAt: '2026-12-01T02:00:00Z' });
    const cancelled = (await runner.data(officerA, CANCEL, { input: { id: planned.id, version: planned.version, reason: '报告厅检修' } })).cancelEducationActivity.educationActivity;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelReason: '报告厅检修' });
    const edit = await runner.run(officerA, UPDATE, { input: { id: planned.id, version: cancelled.version, title: '再改' } });
    expect(edit.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
    const mark = await runner.run(officerA, MARK, { input: { activityId: planned.id, personIds: ['sa1'] } });
    expect(mark.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('computes coverage from attendance rows for many units in one statement, with who is not covered', async () => {
    // Attendance so far (2026-11-10): sa1 (FIRE), sa2, sa3, ta1 (TELECOM_FRAUD, sa2/sa3 again), sa3, sa4 (LAB_SAFETY+FIRE).
    const representations = ['collegea', 'classa1', 'collegeb', 'school'].map((id) => ({ __typename: 'OrgUnit', id }));
    const scope = { traceId: 'coverage', sqlStatements: 0 };
    const result = await runWithTraceId('coverage', () => runner.data(office, COVERAGE, { r: representations, from: '2026-11-01', to: '2026-11-30' }), scope);
    const [collegea, classa1, collegeb, school] = result._entities.map((entity: any) => entity.educationCoverage);
    // collegea: active sa1–sa4, sa6, sa7, ta1, ca1 = 8; covered sa1–sa4, ta1 = 5.
    expect(collegea).toMatchObject({ population: 8, covered: 5, rate: 5 / 8 });
    expect(classa1).toMatchObject({ population: 6, covered: 4 });
    expect(classa1.notCovered).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: false }, edges: [{ node: { name: '王芳' } }, { node: { name: '王芳' } }] });
    expect(collegeb).toMatchObject({ population: 1, covered: 0, rate: 0, notCovered: { totalCount: 1, edges: [{ node: { id: 'sb1' } }] } });
    expect(school).toMatchObject({ population: 9, covered: 5 });
    expect(scope.sqlStatements).toBe(2);

    const fire = (await runner.data(office, COVERAGE, { r: [representations[0]], from: '2026-11-01', to: '2026-11-30', topic: 'FIRE', kinds: ['STUDENT'] }))._entities[0].educationCoverage;
    expect(fire).toMatchObject({ population: 6, covered: 3 });
    const page = fire.notCovered;
    expect(page).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    // October holds only the traffic lecture moved there, which sa6 attended.
    const october = (await runner.data(office, COVERAGE, { r: [representations[0]], from: '2026-10-01', to: '2026-10-31' }))._entities[0].educationCoverage;
    expect(october).toMatchObject({ population: 8, covered: 1 });
    expect(october.notCovered.edges.map((edge: any) => edge.node.id)).not.toContain('sa6');

    const fromB = await runner.run(officerB, COVERAGE, { r: [representations[0]], from: '2026-11-01', to: '2026-11-30' });
    expect(fromB.data?._entities[0].educationCoverage).toBeNull();
    expect(fromB.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('writes the ledger and the coverage workbooks with Chinese headers', async () => {
    const ledger = (await runner.data(office, 'query { educationLedgerWorkbook(orgUnitId: "collegea", from: "2026-11-01", to: "2026-11-30") { filename base64 } }')).educationLedgerWorkbook;
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(ledger.base64, 'base64') as never);
    const activities = workbook.getWorksheet('安全教育台账')!;
    expect(activities.getRow(3).values).toEqual(expect.arrayContaining(['活动名称', '签到人数', '其中签到码']));
    expect(activities.rowCount).toBeGreaterThanOrEqual(6);
    const coverage = workbook.getWorksheet('覆盖情况')!;
    expect(coverage.getRow(4).values).toEqual(expect.arrayContaining(['全部主题', 8, 5, 3]));

    const perUnit = (await runner.data(office, 'query { educationCoverageWorkbook(orgUnitId: "school", from: "2026-11-01", to: "2026-11-30") { base64 } }')).educationCoverageWorkbook;
    const book = new Workbook();
    await book.xlsx.load(Buffer.from(perUnit.base64, 'base64') as never);
    const rows = book.getWorksheet('覆盖率')!.getSheetValues().slice(4).map((row: any) => row.slice(2, 6));
    expect(rows).toEqual([['SCHOOL', 9, 5, 4], ['COLLEGEA', 8, 5, 3], ['CLASSA1', 6, 4, 2], ['COLLEGEB', 1, 0, 1]]);
    const outsider = await runner.run(officerB, 'query { educationLedgerWorkbook(orgUnitId: "collegea", from: "2026-11-01", to: "2026-11-30") { base64 } }');
    expect(outsider.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('records a large attendance in events of at most 1,000 attendees each, and counts every attendee once', async () => {
    const ids = Array.from({ length: 2500 }, (_, n) => `bulk${String(n).padStart(4, '0')}`);
    await db.dataSource.query(
      `INSERT INTO person_projection (id, name, kind, org_unit_id, org_path, active) VALUES ${ids.map(() => "(?, '批量学生', 'STUDENT', 'collegeb', ?, TRUE)").join(', ')}`,
      ids.flatMap((id) => [id, PATHS.collegeb]),
    );
    const activity = await createActivity({ orgUnitId: 'collegeb', title: '全院防溺水教育', topics: ['DROWNING'], audienceKinds: ['STUDENT'] }, officerB);
    const marked = (await runner.data(officerB, MARK, { input: { activityId: activity.id, personIds: ids } })).markEducationAttendance;
    expect(marked).toMatchObject({ recorded: 2500, alreadyRecorded: 0, educationActivity: { attendeeCount: 2500 } });
    const events: { payload: string }[] = await db.dataSource.query("SELECT payload FROM event_outbox WHERE event_type = 'education.attendance-recorded' AND aggregate_id = ? ORDER BY id", [activity.id]);
    const attendees = events.map((event) => JSON.parse(event.payload).attendees.map((attendee: { personId: string }) => attendee.personId));
    expect(attendees.map((part) => part.length)).toEqual([1000, 1000, 500]);
    expect(attendees.flat().sort()).toEqual(ids);
  });

  it('changes an activity’s audience until attendance is recorded', async () => {
    const planned = await createActivity({ audienceUnitIds: ['collegea'], audienceKinds: ['STAFF'] });
    const AUDIENCE = 'mutation($input: UpdateEducationActivityInput!) { updateEducationActivity(input: $input) { educationActivity { audienceKinds audienceUnits { id } version } } }';
    const changed = (await runner.data(officerA, AUDIENCE, { input: { id: planned.id, version: planned.version, audienceUnitIds: ['classa1'], audienceKinds: ['STUDENT'] } }))
      .updateEducationActivity.educationActivity;
    expect(changed).toMatchObject({ audienceKinds: ['STUDENT'], audienceUnits: [{ id: 'classa1' }] });
    const outside = await runner.run(officerA, AUDIENCE, { input: { id: planned.id, version: changed.version, audienceUnitIds: ['collegeb'] } });
    expect(outside.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    await runner.data(officerA, MARK, { input: { activityId: planned.id, personIds: ['sa1'] } });
    const held = (await runner.data(officerA, GET, { id: planned.id })).educationActivity;
    const late = await runner.run(officerA, AUDIENCE, { input: { id: planned.id, version: held.version, audienceKinds: ['STUDENT', 'STAFF'] } });
    expect(late.errors?.[0]).toMatchObject({ message: expect.stringContaining('活动已有签到记录，不能修改参加对象'), extensions: { code: 'CONFLICT' } });
    const retitled = await runner.data(officerA, UPDATE, { input: { id: planned.id, version: held.version, title: '消防安全专题讲座（补）' } });
    expect(retitled.updateEducationActivity.educationActivity.title).toBe('消防安全专题讲座（补）');
  });
});
