import { eventually, GraphQLClient } from '@campus/testing';
import { Workbook } from 'exceljs';
import type { EducationDemoContext } from './demo-education';

const STUDENTS = ['王小明', '李华', '张思远', '马晓东', '陈子豪', '杨梦琪'];

/** The links issued in a notice-links sheet (column 3 of the rows after the title, subtitle and header rows). */
async function issuedLinks(base64: string): Promise<string[]> {
  const workbook = new Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as never);
  const links: string[] = [];
  workbook.worksheets[0].eachRow((row, number) => {
    const link = row.getCell(3).value;
    if (number > 3 && typeof link === 'string') links.push(link);
  });
  return links;
}

/**
 * 家校告知: six students of 信息工程学院, a 寒假安全 notice from the built-in template sent to their guardians,
 * two acknowledged by link and one paper slip recorded by the college's safety officer.
 */
export async function seedDemoNotices({ clients, unitIds, log }: EducationDemoContext): Promise<void> {
  const office = clients['safety.office'];
  const officer = clients['xx.officer'];
  for (const [index, name] of STUDENTS.entries()) {
    await office.data('mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }', {
      input: { orgUnitId: unitIds['XDZY-XX'], kind: 'STUDENT', name, employeeNo: `2024${String(index + 1).padStart(4, '0')}` },
    });
  }
  const draft = await officer.data<{ createHomeSchoolNotice: { notice: { id: string; version: number } } }>(
    'mutation($input: CreateHomeSchoolNoticeInput!) { createHomeSchoolNotice(input: $input) { notice { id version } } }',
    {
      input: {
        orgUnitId: unitIds['XDZY-XX'],
        templateId: 'builtin-holiday',
        title: '2027年寒假安全告知书',
        deadline: nextJanuaryDeadline(),
        targetUnitIds: [unitIds['XDZY-XX']],
      },
    },
  );
  const notice = draft.createHomeSchoolNotice.notice;
  // The students reach education-drills by event: send once all of them are there.
  await eventually(
    () => officer.data<{ homeSchoolNotice: { expectedRecipientCount: number } }>('query($id: ID!) { homeSchoolNotice(id: $id) { expectedRecipientCount } }', { id: notice.id }),
    (data) => data.homeSchoolNotice.expectedRecipientCount >= STUDENTS.length,
  );
  await officer.data('mutation($input: SendHomeSchoolNoticeInput!) { sendHomeSchoolNotice(input: $input) { notice { id } } }', {
    input: { id: notice.id, version: notice.version },
  });
  const sheet = await officer.data<{ homeSchoolNoticeLinksWorkbook: { base64: string } }>(
    'query($id: ID!) { homeSchoolNoticeLinksWorkbook(noticeId: $id) { base64 } }',
    { id: notice.id },
  );
  // Whoever is enrolled when it is sent (other demo areas add students too): two guardians by link, one paper slip.
  const links = await issuedLinks(sheet.homeSchoolNoticeLinksWorkbook.base64);
  for (const link of links.slice(0, 2)) await acknowledgeByLink(officer, link);
  const pending = await officer.data<{ homeSchoolNotice: { unacknowledged: { edges: { node: { studentId: string } }[] } } }>(
    'query($id: ID!) { homeSchoolNotice(id: $id) { unacknowledged(first: 1) { edges { node { studentId } } } } }',
    { id: notice.id },
  );
  await officer.data('mutation($input: RecordHomeSchoolNoticeSlipInput!) { recordHomeSchoolNoticeSlip(input: $input) { recipient { id } } }', {
    input: { noticeId: notice.id, studentId: pending.homeSchoolNotice.unacknowledged.edges[0].node.studentId },
  });
  log(`demo: a winter-holiday notice to ${links.length} students' guardians of 信息工程学院, 3 acknowledged`);
}

/** The links are relative to the gateway (no linkBase): a guardian's POST, without any token. */
async function acknowledgeByLink(client: GraphQLClient, link: string): Promise<void> {
  const response = await fetch(new URL(link, client.url), { method: 'POST' });
  if (!response.ok) throw new Error(`demo notice acknowledgement answered ${response.status}: ${await response.text()}`);
}

/** 10 January of the coming winter holiday, in the future whenever the demo is loaded. */
function nextJanuaryDeadline(): string {
  const today = new Date();
  const year = today.getUTCMonth() === 0 && today.getUTCDate() < 10 ? today.getUTCFullYear() : today.getUTCFullYear() + 1;
  return `${year}-01-10`;
}
