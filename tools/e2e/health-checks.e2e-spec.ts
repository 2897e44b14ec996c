import { calendarDateOf, SCHOOL_UTC_OFFSET_MS } from '@campus/graphql';
import { GraphQLClient } from '@campus/testing';
import { Workbook } from 'exceljs';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

const DAY_MS = 24 * 3600 * 1000;
const COMPLETION = `query($id: ID!, $from: CalendarDate!, $to: CalendarDate!) { healthCheckCompletion(orgUnitId: $id, from: $from, to: $to) {
  rows { orgUnit { id } unitName unitKind classes expected onTime late backfilled missing }
  missingSlots { orgUnit { id } checkDate session } } }`;
const CHECKS = `query($filter: HealthCheckFilter!) { healthChecks(filter: $filter, first: 50) { totalCount edges { node {
  id checkDate session timeliness recordedByName version revisions { reason previous { present } } } } } }`;
const RECORD = 'mutation($input: RecordHealthCheckInput!) { recordHealthCheck(input: $input) { healthCheck { id version timeliness } } }';
const CORRECT = 'mutation($input: CorrectHealthCheckInput!) { correctHealthCheck(input: $input) { healthCheck { id version figures { present absent } } } }';
const ABSENCES = `query($filter: IllnessAbsenceFilter) { illnessAbsences(filter: $filter, first: 20) { totalCount edges { node {
  status overdue infectiousSuspected diagnosis returnedOn student { name } } } } }`;

/** The school days before today, the latest first (as the demo counts them). */
function pastSchoolDays(count: number): string[] {
  const days: string[] = [];
  for (let back = 1; days.length < count; back += 1) {
    const day = calendarDateOf(new Date(Date.now() - back * DAY_MS));
    if (![0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay())) days.push(day);
  }
  return days;
}

/** 晨午晚检 and 因病缺课追踪 through the gateway on the demo campus (issue 17, part 12). */
describe('health checks and illness absences', () => {
  let fixture: PlatformFixture;
  let teacher: GraphQLClient;
  let office: GraphQLClient;
  let xxOfficer: GraphQLClient;
  let jy: string;
  let rj: string;
  const today = calendarDateOf(new Date());
  const from = calendarDateOf(new Date(Date.now() - 10 * DAY_MS));
  const [yesterday, twoDaysAgo, threeDaysAgo] = pastSchoolDays(3);

  beforeAll(async () => {
    fixture = await startPlatformFixture(4950);
    [teacher, office, xxOfficer] = await Promise.all(['xx.banzhuren', 'safety.office', 'xx.officer'].map((name) => fixture.as(name)));
    [jy, rj] = [fixture.unitIds['XDZY-XX-JY2401'], fixture.unitIds['XDZY-XX-RJ2401']];
  }, 120_000);

  afterAll(async () => {
    await fixture?.stop();
  });

  it('shows back-filled, late and missing checks per class and college to the school, and the class teacher their class', async () => {
    const completion = (await office.data(COMPLETION, { id: fixture.unitIds['XDZY-XX'], from, to: today })).healthCheckCompletion;
    const byUnit = Object.fromEntries(completion.rows.map((row: any) => [row.orgUnit.id, row]));
    expect(completion.rows[0]).toMatchObject({ orgUnit: { id: fixture.unitIds['XDZY-XX'] }, unitKind: 'COLLEGE', classes: 2 });
    expect(byUnit[jy]).toMatchObject({ unitName: '计算机应用2401班', unitKind: 'CLASS', classes: 1, backfilled: 5 });
    expect(byUnit[rj]).toMatchObject({ unitName: '软件技术2401班', backfilled: 1 });
    const todaysMorning = ![0, 6].includes(new Date(`${today}T00:00:00Z`).getUTCDay()) ? 1 : 0;
    expect(byUnit[jy].onTime + byUnit[jy].late).toBe(todaysMorning);
    // Today's morning check was entered as the demo loaded: late after 09:00 in Shanghai.
    const shanghaiMinutes = (((Date.now() + SCHOOL_UTC_OFFSET_MS) % DAY_MS) / 60_000) | 0;
    if (todaysMorning && shanghaiMinutes > 9 * 60 + 5) expect(byUnit[jy].late).toBe(1);
    expect(completion.missingSlots).toEqual(expect.arrayContaining([{ orgUnit: { id: jy }, checkDate: threeDaysAgo, session: 'NOON' }]));
    expect(byUnit[jy].missing).toBeGreaterThanOrEqual(1);
    expect(byUnit[jy].expected).toBe(byUnit[jy].onTime + byUnit[jy].late + byUnit[jy].backfilled + byUnit[jy].missing);

    const own = await teacher.data(CHECKS, { filter: { orgUnitId: jy, from, to: today } });
    const backFilled = own.healthChecks.edges.map((edge: any) => edge.node).filter((node: any) => node.timeliness === 'BACKFILLED');
    expect(backFilled).toHaveLength(5);
    expect(backFilled.every((node: any) => node.recordedByName === '冯晓燕')).toBe(true);
    expect(backFilled.find((node: any) => node.checkDate === yesterday && node.session === 'MORNING')).toMatchObject({
      version: 2,
      revisions: [{ reason: '早读后补到一名迟到学生，实到人数更正', previous: { present: 3 } }],
    });
    expect((await teacher.request(COMPLETION, { id: fixture.unitIds['XDZY-XX'], from, to: today })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses a recorder out of scope, a wrong role, inconsistent figures and a stale correction', async () => {
    const input = { orgUnitId: jy, checkDate: twoDaysAgo, session: 'NOON', figures: { enrolled: 3, present: 3, absentForIllness: 0 } };
    const outside = await (await fixture.as('jd.officer')).request(RECORD, { input });
    expect(outside.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const grid = await (await fixture.as('grid.officer')).request(RECORD, { input });
    expect(grid.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
    const tooMany = await xxOfficer.request(RECORD, { input: { ...input, orgUnitId: rj, figures: { enrolled: 2, present: 3, absentForIllness: 0 } } });
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });
    expect(tooMany.errors?.[0].extensions?.fields).toEqual([{ field: 'figures.present', message: '实到人数（3）不能多于应到人数（2）' }]);

    const recorded = (await xxOfficer.data(RECORD, { input: { ...input, orgUnitId: rj, figures: { enrolled: 2, present: 2, absentForIllness: 0 } } })).recordHealthCheck.healthCheck;
    expect(recorded).toMatchObject({ version: 1, timeliness: 'BACKFILLED' });
    const correction = { id: recorded.id, version: 1, reason: '一名学生病假', figures: { enrolled: 2, present: 1, absentForIllness: 1, fever: 1 } };
    expect((await xxOfficer.data(CORRECT, { input: correction })).correctHealthCheck.healthCheck).toMatchObject({ version: 2, figures: { present: 1, absent: 1 } });
    const stale = await office.request(CORRECT, { input: { ...correction, reason: '另一人同时更正' } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
  });

  it('lists illness absences to the class and college, the overdue one without a cause, and hides them from other roles', async () => {
    const own = (await teacher.data(ABSENCES)).illnessAbsences;
    expect(own.edges.map((edge: any) => edge.node)).toEqual([
      { status: 'RETURNED', overdue: false, infectiousSuspected: true, diagnosis: '甲型流感（县人民医院）', returnedOn: today, student: { name: '黄子轩' } },
    ]);
    const overdue = (await xxOfficer.data(ABSENCES, { filter: { overdue: true } })).illnessAbsences;
    expect(overdue.edges.map((edge: any) => edge.node)).toEqual([
      { status: 'OPEN', overdue: true, infectiousSuspected: false, diagnosis: null, returnedOn: null, student: { name: '罗浩然' } },
    ]);
    expect((await (await fixture.as('grid.officer')).data(ABSENCES)).illnessAbsences.totalCount).toBe(0);
    expect((await (await fixture.as('jd.officer')).data(ABSENCES)).illnessAbsences.totalCount).toBe(0);
    expect((await office.data(ABSENCES, { filter: { infectiousSuspected: true } })).illnessAbsences.totalCount).toBe(1);
  });

  it('downloads the completion workbook with Chinese sheets, and refuses it out of scope', async () => {
    const base = fixture.platform.gatewayUrl.replace(/\/graphql$/, '');
    const get = (client: GraphQLClient, query: string) =>
      fetch(`${base}/exports/health-check-completion?${query}`, { headers: { authorization: `Bearer ${client.token}` } });
    const response = await get(office, `orgUnitId=${fixture.unitIds.XDZY}&from=${from}&to=${today}`);
    expect(response.status).toBe(200);
    expect(decodeURIComponent(response.headers.get('content-disposition') ?? '')).toContain('晨午晚检完成情况');
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const summary = workbook.getWorksheet('完成情况')!;
    expect(summary.getRow(3).values).toEqual([undefined, '单位', '单位类型', '班级数', '应检次数', '按时', '迟报', '补填', '漏填', '按时率', '填报率']);
    const classRow = summary.getSheetValues().find((row: any) => row?.[1] === '计算机应用2401班') as any[];
    expect(classRow.slice(1, 4)).toEqual(['计算机应用2401班', '班级', 1]);
    expect(classRow[7]).toBe(5);
    const missing = workbook.getWorksheet('漏填明细')!.getSheetValues().slice(3).map((row: any) => [row[1], row[2], row[3]]);
    expect(missing).toEqual(expect.arrayContaining([['计算机应用2401班', threeDaysAgo, '午检']]));
    const irregular = workbook.getWorksheet('迟报和补填明细')!.getSheetValues().slice(3).map((row: any) => [row[1], row[2], row[3], row[4]]);
    expect(irregular).toEqual(expect.arrayContaining([['计算机应用2401班', yesterday, '晨检', '补填']]));

    const refused = await get(await fixture.as('jd.officer'), `orgUnitId=${fixture.unitIds['XDZY-XX']}&from=${from}&to=${today}`);
    expect(refused.status).toBe(404);
    expect(await refused.json()).toMatchObject({ code: 'NOT_FOUND' });
  });
});
