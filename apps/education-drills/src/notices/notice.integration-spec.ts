import { Role } from '@campus/auth';
import { NO_OUTBOX_SIGNAL } from '@campus/events';
import { createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { Workbook } from 'exceljs';
import express from 'express';
import { AddressInfo } from 'node:net';
import http from 'node:http';
import { ORG_PROJECTION_MODULE } from '@campus/org-directory';
import { PEOPLE_MODULE } from '../people/people.module';
import { buildEducationSchema } from '../service';
import { mountNoticeAckRoutes } from './notice-ack-http';
import { NoticeAckService } from './notice-ack.service';
import { NOTICES_MODULE } from './notices.module';

// Only this area's modules: the others are built beside it and are not this test's concern.
const MODULES = [NOTICES_MODULE, PEOPLE_MODULE, ORG_PROJECTION_MODULE];

const PATHS: Record<string, string> = {
  school: '/bureau/school/',
  collegea: '/bureau/school/collegea/',
  classa1: '/bureau/school/collegea/classa1/',
  collegeb: '/bureau/school/collegeb/',
  emptyunit: '/bureau/school/collegea/emptyunit/',
};
const NAMES: Record<string, string> = { school: '某学校', collegea: '信息学院', classa1: '软件2401班', collegeb: '机电学院', emptyunit: '空单位' };
const STUDENTS: [string, string, string, boolean][] = [
  ['stu1', '王小明', 'classa1', true],
  ['stu2', '李华', 'classa1', true],
  ['stu3', '欧阳娜娜', 'classa1', true],
  ['stu4', '赵四', 'collegea', true],
  ['stu5', '已退学', 'classa1', false],
  ['stub1', '机电学生', 'collegeb', true],
];

const officerA = viewerWith('officer-a', [[Role.UNIT_SAFETY_OFFICER, 'collegea', PATHS.collegea]]);
const teacherA1 = viewerWith('teacher-a1', [[Role.STAFF, 'classa1', PATHS.classa1]]);
const staffB = viewerWith('staff-b', [[Role.STAFF, 'collegeb', PATHS.collegeb]]);
const officerB = viewerWith('officer-b', [[Role.UNIT_SAFETY_OFFICER, 'collegeb', PATHS.collegeb]]);

const NOTICE = 'id title body deadline status templateId recipientCount sentAt closedAt version targetUnits { id }';
const CREATE = `mutation($input: CreateHomeSchoolNoticeInput!) { createHomeSchoolNotice(input: $input) { notice { ${NOTICE} } } }`;
const SEND = `mutation($input: SendHomeSchoolNoticeInput!) { sendHomeSchoolNotice(input: $input) { notice { ${NOTICE} } } }`;
const CLOSE = `mutation($input: CloseHomeSchoolNoticeInput!) { closeHomeSchoolNotice(input: $input) { notice { ${NOTICE} } } }`;
const SLIP = `mutation($input: RecordHomeSchoolNoticeSlipInput!) {
  recordHomeSchoolNoticeSlip(input: $input) { recipient { studentId studentName method acknowledgedAt orgUnit { id } } } }`;
const FOLLOW_UP = `query($id: ID!) { homeSchoolNotice(id: $id) {
  acknowledgement { recipients acknowledged rate units { orgUnit { id } recipients acknowledged byLink byPaper rate } }
  unacknowledged(first: 50) { totalCount edges { node { studentId studentName orgUnit { id } linkIssuedAt } } } } }`;
const LINKS = `query($noticeId: ID!, $reissue: Boolean) {
  homeSchoolNoticeLinksWorkbook(noticeId: $noticeId, reissue: $reissue, linkBase: "https://safety.example.edu.cn/") { filename base64 } }`;

async function linksOf(base64: string): Promise<Record<string, string | null>> {
  const workbook = new Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as never);
  const links: Record<string, string | null> = {};
  workbook.worksheets[0].eachRow((row, number) => {
    if (number > 3) links[String(row.getCell(1).value)] = (row.getCell(3).value as string | null) ?? null;
  });
  return links;
}

describe('education-drills: home-school notices (integration)', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;
  let server: http.Server;
  let base: string;
  const now = new Date('2026-12-20T02:00:00Z');

  const ack = (token: string, method = 'POST') => fetch(`${base}/notices/ack/${token}`, { method }).then(async (r) => ({ status: r.status, body: await r.json() }));
  const tokenOf = (link: string | null) => String(link).split('/notices/ack/')[1];

  async function sentNotice(overrides: Record<string, unknown> = {}) {
    const input = { orgUnitId: 'collegea', templateId: 'builtin-holiday', deadline: '2027-01-10', targetUnitIds: ['collegea'], ...overrides };
    const draft = (await runner.data(officerA, CREATE, { input })).createHomeSchoolNotice.notice;
    const preview = await runner.data(officerA, 'query($id: ID!) { homeSchoolNotice(id: $id) { expectedRecipientCount } }', { id: draft.id });
    expect(preview.homeSchoolNotice.expectedRecipientCount).toBe(4);
    return (await runner.data(officerA, SEND, { input: { id: draft.id, version: draft.version } })).sendHomeSchoolNotice.notice;
  }

  beforeAll(async () => {
    db = await createServiceTestDatabase('notices', MODULES);
    for (const [id, path] of Object.entries(PATHS)) await db.dataSource.query('INSERT INTO org_unit_projection (id, path, name) VALUES (?, ?, ?)', [id, path, NAMES[id]]);
    for (const [id, name, unit, active] of STUDENTS) {
      await db.dataSource.query('INSERT INTO person_projection (id, name, kind, org_unit_id, org_path, active) VALUES (?, ?, ?, ?, ?, ?)', [id, name, 'STUDENT', unit, PATHS[unit], active]);
    }
    await db.dataSource.query("INSERT INTO person_projection VALUES ('teacher1', '班主任', 'STAFF', 'classa1', ?, TRUE)", [PATHS.classa1]);
    const settings = { now: () => now };
    runner = new SchemaRunner(await buildEducationSchema(db.dataSource, fixedOrgDirectory(PATHS), NO_OUTBOX_SIGNAL, settings, MODULES));
    const app = express();
    mountNoticeAckRoutes(app, new NoticeAckService(db.dataSource, NO_OUTBOX_SIGNAL, settings));
    server = app.listen(0);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server?.closeAllConnections();
    server?.close();
    await db?.drop();
  });

  it('sends a notice from a built-in template to the active students of the units, guardians acknowledge once by link', async () => {
    const templates = (await runner.data(officerA, '{ homeSchoolNoticeTemplates { id title builtIn } }')).homeSchoolNoticeTemplates;
    expect(templates.map((t: any) => t.title)).toEqual(expect.arrayContaining(['寒暑假安全告知书', '防溺水安全告知书', '交通安全告知书', '防范电信网络诈骗告知书']));

    const notice = await sentNotice();
    expect(notice).toMatchObject({ title: '寒暑假安全告知书', status: 'SENT', templateId: 'builtin-holiday', recipientCount: 4, targetUnits: [{ id: 'collegea' }] });
    const sentEvents = await db.dataSource.query("SELECT aggregate_id, payload FROM event_outbox WHERE event_type = 'notice.sent'");
    expect(sentEvents).toHaveLength(1);
    expect(sentEvents[0].aggregate_id).toBe(notice.id);
    expect(JSON.parse(sentEvents[0].payload)).toEqual({
      noticeId: notice.id,
      orgUnitId: 'collegea',
      orgPath: PATHS.collegea,
      title: '寒暑假安全告知书',
      deadline: '2027-01-10',
      sentAt: now.toISOString(),
      units: [
        { orgUnitId: 'collegea', orgPath: PATHS.collegea, recipients: 1 },
        { orgUnitId: 'classa1', orgPath: PATHS.classa1, recipients: 3 },
      ],
    });
    expect(sentEvents[0].payload).not.toMatch(/王|李华|欧阳|赵四/);
    const again = await runner.run(officerA, SEND, { input: { id: notice.id, version: notice.version } });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });

    const sheet = (await runner.data(officerA, LINKS, { noticeId: notice.id })).homeSchoolNoticeLinksWorkbook;
    expect(sheet.filename).toBe('家长确认链接-寒暑假安全告知书.xlsx');
    const links = await linksOf(sheet.base64);
    expect(Object.keys(links).sort()).toEqual(['李华', '欧阳娜娜', '王小明', '赵四'].sort());
    expect(links['王小明']).toMatch(/^https:\/\/safety\.example\.edu\.cn\/notices\/ack\/[A-Za-z0-9_-]{43}$/);
    const stored = await db.dataSource.query('SELECT token_hash FROM home_school_notice_recipient WHERE notice_id = ?', [notice.id]);
    expect(stored.every((row: any) => row.token_hash && !Object.values(links).some((link) => String(link).includes(row.token_hash)))).toBe(true);

    const token = tokenOf(links['王小明']);
    const page = await ack(token, 'GET');
    expect(page).toMatchObject({ status: 200, body: { title: '寒暑假安全告知书', deadline: '2027-01-10', school: '信息学院', unit: '软件2401班', student: '王**', acknowledgedAt: null } });
    expect(JSON.stringify(page.body)).not.toContain('王小明');
    expect(await ack(token)).toMatchObject({ status: 200, body: { acknowledged: true } });
    expect(await ack(token)).toMatchObject({ status: 409, body: { code: 'CONFLICT', reason: 'DUPLICATE' } });
    expect((await ack('A'.repeat(43))).body).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    expect((await ack('not-a-token')).status).toBe(404);

    const [event] = await db.dataSource.query("SELECT payload FROM event_outbox WHERE event_type = 'notice.acknowledged'");
    const payload = JSON.parse(event.payload);
    expect(payload).toMatchObject({ noticeId: notice.id, orgUnitId: 'classa1', method: 'LINK' });
    expect(event.payload).not.toContain('王');

    // A later download issues links only to those without one; reissue replaces them and the old ones stop working.
    const later = await linksOf((await runner.data(officerA, LINKS, { noticeId: notice.id })).homeSchoolNoticeLinksWorkbook.base64);
    expect(Object.values(later).every((link) => link === null)).toBe(true);
    const reissued = await linksOf((await runner.data(officerA, LINKS, { noticeId: notice.id, reissue: true })).homeSchoolNoticeLinksWorkbook.base64);
    expect(reissued['王小明']).toBeNull();
    expect((await ack(tokenOf(links['李华']))).status).toBe(404);
    expect((await ack(tokenOf(reissued['李华']))).status).toBe(200);
  });

  it('lets the class teacher record paper slips, counts rates per class and lists the unacknowledged for managers', async () => {
    const notice = await sentNotice({ templateId: 'builtin-drowning', targetUnitIds: ['classa1', 'collegea'] });
    expect(notice.recipientCount).toBe(4);
    const slip = (await runner.data(teacherA1, SLIP, { input: { noticeId: notice.id, studentId: 'stu2' } })).recordHomeSchoolNoticeSlip.recipient;
    expect(slip).toMatchObject({ studentId: 'stu2', studentName: '李华', method: 'PAPER', orgUnit: { id: 'classa1' } });

    const twice = await runner.run(teacherA1, SLIP, { input: { noticeId: notice.id, studentId: 'stu2' } });
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE' });
    const otherUnit = await runner.run(staffB, SLIP, { input: { noticeId: notice.id, studentId: 'stu3' } });
    expect(otherUnit.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    const notInClass = await runner.run(teacherA1, SLIP, { input: { noticeId: notice.id, studentId: 'stu4' } });
    expect(notInClass.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    const inactive = await runner.run(officerA, SLIP, { input: { noticeId: notice.id, studentId: 'stu5' } });
    expect(inactive.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    await runner.data(officerA, SLIP, { input: { noticeId: notice.id, studentId: 'stu4' } });

    const followUp = (await runner.data(officerA, FOLLOW_UP, { id: notice.id })).homeSchoolNotice;
    expect(followUp.acknowledgement).toEqual({
      recipients: 4,
      acknowledged: 2,
      rate: 0.5,
      units: [
        { orgUnit: { id: 'classa1' }, recipients: 3, acknowledged: 1, byLink: 0, byPaper: 1, rate: 0.3333 },
        { orgUnit: { id: 'collegea' }, recipients: 1, acknowledged: 1, byLink: 0, byPaper: 1, rate: 1 },
      ],
    });
    expect(followUp.unacknowledged.edges.map((e: any) => e.node.studentName).sort()).toEqual(['欧阳娜娜', '王小明'].sort());
    // The class teacher reads no names here (the roster is the managers'), and another college does not see the notice.
    const asTeacher = await runner.run(teacherA1, FOLLOW_UP, { id: notice.id });
    expect(asTeacher.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const asOtherCollege = await runner.run(officerB, FOLLOW_UP, { id: notice.id });
    expect(asOtherCollege.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const otherLinks = await runner.run(officerB, LINKS, { noticeId: notice.id });
    expect(otherLinks.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const links = await linksOf((await runner.data(officerA, LINKS, { noticeId: notice.id })).homeSchoolNoticeLinksWorkbook.base64);
    const closed = (await runner.data(officerA, CLOSE, { input: { id: notice.id, version: notice.version + 0 } })).closeHomeSchoolNotice.notice;
    expect(closed).toMatchObject({ status: 'CLOSED' });
    expect((await ack(tokenOf(links['王小明']))).status).toBe(404);
    const slipAfterClose = await runner.run(teacherA1, SLIP, { input: { noticeId: notice.id, studentId: 'stu1' } });
    expect(slipAfterClose.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
  });

  it('refuses notices outside the issuing unit, past deadlines, staff issuers and units without students', async () => {
    const base = { orgUnitId: 'collegea', templateId: 'builtin-traffic', deadline: '2027-01-10', targetUnitIds: ['collegea'] };
    const outside = await runner.run(officerA, CREATE, { input: { ...base, orgUnitId: 'classa1', targetUnitIds: ['collegea'] } });
    expect(outside.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'OUTSIDE_RANGE' });
    const otherCollege = await runner.run(officerA, CREATE, { input: { ...base, targetUnitIds: ['collegeb'] } });
    expect(otherCollege.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const past = await runner.run(officerA, CREATE, { input: { ...base, deadline: '2026-12-19' } });
    expect(past.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const byStaff = await runner.run(teacherA1, CREATE, { input: { ...base, orgUnitId: 'classa1', targetUnitIds: ['classa1'] } });
    expect(byStaff.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
    const noTemplate = await runner.run(officerA, CREATE, { input: { ...base, templateId: null } });
    expect(noTemplate.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const draft = (await runner.data(officerA, CREATE, { input: { ...base, targetUnitIds: ['emptyunit'] } })).createHomeSchoolNotice.notice;
    const counts = await runner.data(officerA, 'query($id: ID!) { homeSchoolNotice(id: $id) { expectedRecipientCount } }', { id: draft.id });
    expect(counts.homeSchoolNotice.expectedRecipientCount).toBe(0);
    const empty = await runner.run(officerA, SEND, { input: { id: draft.id, version: draft.version } });
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'INCOMPLETE' });
    const [row] = await db.dataSource.query('SELECT status FROM home_school_notice WHERE id = ?', [draft.id]);
    expect(row.status).toBe('DRAFT');

    const own = await runner.data(officerA, `mutation { createHomeSchoolNoticeTemplate(input: { orgUnitId: "collegea", title: "实习安全告知书", body: "尊敬的家长：学生即将赴企业顶岗实习，请配合学校做好安全教育。" }) { template { id builtIn } } }`);
    const fromOwn = (await runner.data(officerA, CREATE, { input: { ...base, templateId: own.createHomeSchoolNoticeTemplate.template.id } })).createHomeSchoolNotice.notice;
    expect(fromOwn).toMatchObject({ title: '实习安全告知书', status: 'DRAFT' });
    const ownByOther = await runner.run(officerB, CREATE, { input: { ...base, orgUnitId: 'collegeb', targetUnitIds: ['collegeb'], templateId: own.createHomeSchoolNoticeTemplate.template.id } });
    expect(ownByOther.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
