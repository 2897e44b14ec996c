import { calendarDateOf } from '@campus/graphql';
import { GraphQLClient } from '@campus/testing';
import { Workbook } from 'exceljs';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

const DAY_MS = 24 * 3600 * 1000;
const CREATE = `mutation($input: CreateEducationActivityInput!) { createEducationActivity(input: $input) {
  educationActivity { id status checkInCode version } } }`;
const CHECK_IN = 'mutation($code: String!) { checkInEducationActivity(input: { code: $code }) { activityId personId } }';
const ACTIVITY = `query($id: ID!) { educationActivity(id: $id) { title status checkInCode attendeeCount
  attendees(first: 10) { edges { node { personId name method } } } } }`;
const IMPORT = `mutation($input: ImportEducationAttendanceInput!) { importEducationAttendance(input: $input) {
  imported recorded rejectedRows { row reasons } } }`;
const COVERAGE = `query($id: ID!, $from: CalendarDate!, $to: CalendarDate!, $kinds: [AudienceKind!]) { orgUnit(id: $id) { name
  educationCoverage(from: $from, to: $to, kinds: $kinds) { population covered rate notCovered(first: 100) { totalCount edges { node { name } } } } } }`;

async function sheet(rows: string[][]): Promise<string> {
  const workbook = new Workbook();
  const signIn = workbook.addWorksheet('签到表');
  rows.forEach((row) => signIn.addRow(row));
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

describe('safety education activities through the gateway', () => {
  let fixture: PlatformFixture;
  let office: GraphQLClient;
  let xxOfficer: GraphQLClient;
  let jdOfficer: GraphQLClient;
  let gridOfficer: GraphQLClient;
  const today = calendarDateOf(new Date());
  const weekAgo = calendarDateOf(new Date(Date.now() - 10 * DAY_MS));
  const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

  beforeAll(async () => {
    fixture = await startPlatformFixture(4300);
    [office, xxOfficer, jdOfficer, gridOfficer] = await Promise.all(['safety.office', 'xx.officer', 'jd.officer', 'grid.officer'].map((name) => fixture.as(name)));
  }, 120_000);

  afterAll(async () => {
    await fixture?.stop();
  });

  const create = async (client: GraphQLClient, input: Record<string, unknown>) =>
    (await client.data(CREATE, { input: { kind: 'LECTURE', topics: ['FIRE'], audienceKinds: ['STAFF'], ...input } })).createEducationActivity.educationActivity;

  // Other demo areas add students too (e.g. the notices' class): coverage is asserted from the demo's attendance, not head counts.
  const xxCoverage = async () =>
    (await office.data(COVERAGE, { id: fixture.unitIds['XDZY-XX'], from: weekAgo, to: today, kinds: ['STUDENT'] })).orgUnit.educationCoverage;
  const namesOf = (coverage: any) => coverage.notCovered.edges.map(({ node }: any) => node.name);

  it('shows the demo college’s coverage from attendance, with whom to catch up', async () => {
    const coverage = await xxCoverage();
    expect(coverage.covered).toBe(7);
    expect(coverage.population).toBeGreaterThanOrEqual(8);
    expect(coverage.rate).toBeCloseTo(7 / coverage.population);
    expect(coverage.notCovered.totalCount).toBe(coverage.population - 7);
    expect(namesOf(coverage)).toContain('黄诗琪');
    expect(namesOf(coverage)).not.toContain('王子涵');
    const colleges = await office.data(`query($from: CalendarDate!, $to: CalendarDate!) { orgUnits(filter: { kind: COLLEGE }) { edges { node { code
      educationCoverage(from: $from, to: $to, kinds: [STUDENT]) { population covered } } } } }`, { from: weekAgo, to: today });
    const byCode = Object.fromEntries(colleges.orgUnits.edges.map(({ node }: any) => [node.code, node.educationCoverage]));
    expect(byCode['XDZY-XX'].covered).toBe(7);
    expect(byCode['XDZY-JD']).toMatchObject({ covered: 2 });
    expect(byCode['XDZY-JD'].population).toBeGreaterThanOrEqual(4);
    expect(byCode['XDZY-HL'].covered).toBe(0);
  });

  it('checks a signed-in person in by code, once, as themself, only within the window and the audience', async () => {
    const open = await create(xxOfficer, { orgUnitId: fixture.unitIds['XDZY-XX'], title: '教职工消防器材实操培训', startsAt: inMinutes(-10), endsAt: inMinutes(50) });
    expect(open.checkInCode).toMatch(/^[A-Z2-9]{8}$/);
    const me = (await gridOfficer.data('{ me { person { id } } }')).me.person.id;
    const checkedIn = (await gridOfficer.data(CHECK_IN, { code: open.checkInCode })).checkInEducationActivity;
    expect(checkedIn).toEqual({ activityId: open.id, personId: me });

    // The input has no person field: whoever submits the code checks in themself, never somebody else.
    const forSomeoneElse = await gridOfficer.request('mutation($code: String!, $p: ID!) { checkInEducationActivity(input: { code: $code, personId: $p }) { personId } }', { code: open.checkInCode, p: me });
    expect(forSomeoneElse.data ?? null).toBeNull();
    expect(['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']).toContain(forSomeoneElse.errors?.[0].extensions?.code);
    const again = await gridOfficer.request(CHECK_IN, { code: open.checkInCode });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE' });
    const notInAudience = await (await fixture.as('staff')).request(CHECK_IN, { code: open.checkInCode });
    expect(notInAudience.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_IN_AUDIENCE' });

    const past = await create(xxOfficer, { orgUnitId: fixture.unitIds['XDZY-XX'], title: '上周的消防讲座', startsAt: inMinutes(-26 * 60), endsAt: inMinutes(-25 * 60) });
    const late = await gridOfficer.request(CHECK_IN, { code: past.checkInCode });
    expect(late.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'CHECK_IN_CLOSED' });

    const read = (await xxOfficer.data(ACTIVITY, { id: open.id })).educationActivity;
    expect(read).toMatchObject({ status: 'HELD', attendeeCount: 1, attendees: { edges: [{ node: { personId: me, name: '陈静', method: 'CHECK_IN' } }] } });
    expect((await gridOfficer.data(ACTIVITY, { id: open.id })).educationActivity.checkInCode).toBeNull();

    const otherCollege = await jdOfficer.request(ACTIVITY, { id: open.id });
    expect(otherCollege.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    const markElsewhere = await jdOfficer.request('mutation($input: MarkEducationAttendanceInput!) { markEducationAttendance(input: $input) { recorded } }', { input: { activityId: open.id, personIds: [me] } });
    expect(markElsewhere.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('imports a sign-in sheet all or nothing and counts it in coverage', async () => {
    const meeting = await create(xxOfficer, { orgUnitId: fixture.unitIds['XDZY-XX'], title: '补课：消防安全主题班会', kind: 'CLASS_MEETING', audienceKinds: ['STUDENT'], startsAt: inMinutes(-120), endsAt: inMinutes(-60) });
    const refused = (await xxOfficer.data(IMPORT, { input: { activityId: meeting.id, contentBase64: await sheet([['姓名', '单位代码'], ['黄诗琪', 'XDZY-XX'], ['周俊杰', 'XDZY-XX']]) } })).importEducationAttendance;
    expect(refused).toMatchObject({ imported: false, recorded: 0, rejectedRows: [{ row: 3 }] });
    const imported = (await xxOfficer.data(IMPORT, { input: { activityId: meeting.id, contentBase64: await sheet([['姓名', '单位代码'], ['黄诗琪', 'XDZY-XX']]) } })).importEducationAttendance;
    expect(imported).toMatchObject({ imported: true, recorded: 1, rejectedRows: [] });
    const coverage = await xxCoverage();
    expect(coverage.covered).toBe(8);
    expect(namesOf(coverage)).not.toContain('黄诗琪');
  });

  it('downloads the ledger and the coverage table, and refuses another college’s ledger', async () => {
    const base = fixture.platform.gatewayUrl.replace(/\/graphql$/, '');
    const get = (client: GraphQLClient, name: string, query: string) => fetch(`${base}/exports/${name}?${query}`, { headers: { authorization: `Bearer ${client.token}` } });
    const period = `from=${weekAgo}&to=${today}`;
    const ledger = await get(xxOfficer, 'education-ledger', `orgUnitId=${fixture.unitIds['XDZY-XX']}&${period}`);
    expect(ledger.status).toBe(200);
    expect(decodeURIComponent(ledger.headers.get('content-disposition') ?? '')).toContain('安全教育台账');
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(await ledger.arrayBuffer()) as never);
    const titles = workbook.getWorksheet('安全教育台账')!.getColumn(2).values;
    expect(titles).toEqual(expect.arrayContaining(['活动名称', '冬季消防安全专题讲座', '教职工消防器材实操培训', '补课：消防安全主题班会']));
    expect(workbook.getWorksheet('覆盖情况')!.getRow(3).values).toEqual(expect.arrayContaining(['主题', '覆盖率']));

    const coverage = await get(office, 'education-coverage', `orgUnitId=${fixture.unitIds.XDZY}&${period}&kinds=${encodeURIComponent('["STUDENT"]')}`);
    expect(coverage.status).toBe(200);
    const book = new Workbook();
    await book.xlsx.load(Buffer.from(await coverage.arrayBuffer()) as never);
    const rows = book.getWorksheet('覆盖率')!.getSheetValues().slice(4).map((row: any) => [row[2], row[3], row[4]]);
    const xx = await xxCoverage();
    expect(rows).toEqual(expect.arrayContaining([['XDZY-XX', xx.population, 8]]));
    expect(rows.find((row: any[]) => row[0] === 'XDZY')?.[2]).toBe(10);

    const elsewhere = await get(jdOfficer, 'education-ledger', `orgUnitId=${fixture.unitIds['XDZY-XX']}&${period}`);
    expect(elsewhere.status).toBe(404);
    expect(await elsewhere.json()).toMatchObject({ code: 'NOT_FOUND' });
  });
});
