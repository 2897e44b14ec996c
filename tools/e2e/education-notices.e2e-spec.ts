import { GraphQLClient } from '@campus/testing';
import { Workbook } from 'exceljs';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

const NOTICE = 'id title status recipientCount version';
const FOLLOW_UP = `query($id: ID!) { homeSchoolNotice(id: $id) {
  acknowledgement { recipients acknowledged rate units { orgUnit { id name } recipients acknowledged byLink byPaper } }
  unacknowledged(first: 50) { totalCount edges { node { studentId studentName } } } } }`;
const SLIP = 'mutation($input: RecordHomeSchoolNoticeSlipInput!) { recordHomeSchoolNoticeSlip(input: $input) { recipient { studentName method } } }';

/** The rows of the notice-links sheet (after the title, subtitle and header rows): student name and link. */
async function linksOf(content: ArrayBuffer): Promise<{ name: string; link: string | null }[]> {
  const workbook = new Workbook();
  await workbook.xlsx.load(content);
  const rows: { name: string; link: string | null }[] = [];
  workbook.worksheets[0].eachRow((row, number) => {
    if (number > 3) rows.push({ name: String(row.getCell(1).value), link: (row.getCell(3).value as string | null) ?? null });
  });
  return rows;
}

/** 家校告知 through the gateway: xx.officer (信息工程学院) notifies the guardians of the college's students (six, from the demo). */
describe('home-school notices through the gateway', () => {
  let fixture: PlatformFixture;
  let gatewayBase: string;
  let officer: GraphQLClient; // xx.officer: 信息工程学院安全员
  let otherCollege: GraphQLClient; // jd.officer: 机电工程学院安全员
  let staffElsewhere: GraphQLClient; // staff: 后勤管理处职工

  const guardian = (link: string, method: 'GET' | 'POST') =>
    fetch(new URL(link, gatewayBase), { method }).then(async (response) => ({ status: response.status, body: (await response.json()) as any }));

  function download(client: GraphQLClient, query: string): Promise<Response> {
    return fetch(new URL(`/exports/notice-links?${query}`, gatewayBase), { headers: { authorization: `Bearer ${client.token}` } });
  }

  beforeAll(async () => {
    fixture = await startPlatformFixture(4380);
    gatewayBase = new URL('/', fixture.platform.gatewayUrl).href;
    [officer, otherCollege, staffElsewhere] = await Promise.all(['xx.officer', 'jd.officer', 'staff'].map((name) => fixture.as(name)));
  }, 120_000);

  afterAll(async () => {
    await fixture?.stop();
  });

  it('creates a notice from a template, sends it, and counts link and paper acknowledgements per class', async () => {
    const unitId = fixture.unitIds['XDZY-XX'];
    const demo = await officer.data('{ homeSchoolNotices(first: 10) { edges { node { id title acknowledgement { recipients acknowledged } } } } }');
    expect(demo.homeSchoolNotices.edges.map((e: any) => e.node)).toContainEqual(
      expect.objectContaining({ title: '2027年寒假安全告知书', acknowledgement: expect.objectContaining({ acknowledged: 3 }) }),
    );

    const created = await officer.data(`mutation($input: CreateHomeSchoolNoticeInput!) { createHomeSchoolNotice(input: $input) { notice { ${NOTICE} } } }`, {
      input: { orgUnitId: unitId, templateId: 'builtin-drowning', deadline: '2099-07-01', targetUnitIds: [unitId] },
    });
    const draft = created.createHomeSchoolNotice.notice;
    expect(draft).toMatchObject({ title: '防溺水安全告知书', status: 'DRAFT' });
    const sent = (await officer.data(`mutation($input: SendHomeSchoolNoticeInput!) { sendHomeSchoolNotice(input: $input) { notice { ${NOTICE} } } }`, {
      input: { id: draft.id, version: draft.version },
    })).sendHomeSchoolNotice.notice;
    // Other demo areas add students to the college too: the recipients are whoever is enrolled at sending time.
    expect(sent.status).toBe('SENT');
    expect(sent.recipientCount).toBeGreaterThanOrEqual(6);
    const students = sent.recipientCount;

    const sheet = await download(officer, `noticeId=${sent.id}&linkBase=${encodeURIComponent(gatewayBase)}`);
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get('content-disposition')).toContain(encodeURIComponent('家长确认链接'));
    const links = await linksOf(await sheet.arrayBuffer());
    expect(links.filter((row) => row.link)).toHaveLength(students);
    const link = String(links.find((row) => row.name === '王小明')?.link);
    expect(link.startsWith(gatewayBase)).toBe(true);

    // A guardian, with no account: reads the notice, acknowledges once; a second use and an unknown link are refused.
    const page = await guardian(link, 'GET');
    expect(page).toMatchObject({ status: 200, body: { title: '防溺水安全告知书', student: '王**', unit: '信息工程学院' } });
    expect(await guardian(link, 'POST')).toMatchObject({ status: 200, body: { acknowledged: true } });
    const again = await guardian(link, 'POST');
    expect(again).toMatchObject({ status: 409, body: { code: 'CONFLICT', reason: 'DUPLICATE' } });
    expect(again.body.message).toContain('无需重复确认');
    expect(await guardian(`/notices/ack/${'x'.repeat(43)}`, 'POST')).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });

    // The class teacher's paper slip, then the rates and whom to follow up.
    const pending = (await officer.data(FOLLOW_UP, { id: sent.id })).homeSchoolNotice.unacknowledged;
    expect(pending.totalCount).toBe(students - 1);
    const lihua = pending.edges.find((e: any) => e.node.studentName === '李华').node;
    expect((await officer.data(SLIP, { input: { noticeId: sent.id, studentId: lihua.studentId } })).recordHomeSchoolNoticeSlip.recipient).toEqual({ studentName: '李华', method: 'PAPER' });

    const followUp = (await officer.data(FOLLOW_UP, { id: sent.id })).homeSchoolNotice;
    expect(followUp.acknowledgement).toMatchObject({ recipients: students, acknowledged: 2 });
    expect(followUp.acknowledgement.rate).toBeCloseTo(2 / students, 3);
    expect(followUp.acknowledgement.units).toContainEqual(
      expect.objectContaining({ orgUnit: { id: unitId, name: '信息工程学院' }, acknowledged: 2, byLink: 1, byPaper: 1 }),
    );
    expect(followUp.unacknowledged.edges.map((e: any) => e.node.studentName)).not.toEqual(expect.arrayContaining(['王小明', '李华']));
    expect(followUp.unacknowledged.totalCount).toBe(students - 2);

    // Refusals: another college, a staff member of another unit, and a second paper slip.
    const foreign = await otherCollege.request(FOLLOW_UP, { id: sent.id });
    expect(foreign.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    const foreignSheet = await download(otherCollege, `noticeId=${sent.id}`);
    expect(foreignSheet.status).toBe(404);
    const pendingStudent = followUp.unacknowledged.edges[0].node.studentId;
    const byStaff = await staffElsewhere.request(SLIP, { input: { noticeId: sent.id, studentId: pendingStudent } });
    expect(byStaff.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    const secondSlip = await officer.request(SLIP, { input: { noticeId: sent.id, studentId: lihua.studentId } });
    expect(secondSlip.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE' });
    const unauthenticated = await fetch(new URL(`/exports/notice-links?noticeId=${sent.id}`, gatewayBase));
    expect(unauthenticated.status).toBe(401);
    expect((await officer.data(FOLLOW_UP, { id: sent.id })).homeSchoolNotice.acknowledgement.acknowledged).toBe(2);
  });
});
