import { GraphQLClient } from '@campus/testing';
import ExcelJS from 'exceljs';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

/** The responsibility network's workflows through the gateway, on the demo campus. */
describe('responsibility network', () => {
  let fixture: PlatformFixture;
  let office: GraphQLClient;
  let units: Record<string, string>;

  beforeAll(async () => {
    fixture = await startPlatformFixture(4140);
    office = await fixture.as('safety.office');
    units = fixture.unitIds;
  });

  afterAll(async () => {
    await fixture?.stop();
  });

  it('imports a roster from CSV, and refuses an Excel workbook with bad rows as a whole', async () => {
    const header = '姓名,类别,单位代码,工号/学号,职务,手机号';
    const good = `${header}\n赵一,学生,XDZY-XX,2026001,,\n钱二,教职工,XDZY-JD,T2026002,实训教师,13912345678\n`;
    const mutation = 'mutation($input: ImportRosterInput!) { importRoster(input: $input) { imported created rejectedRows { row reasons } } }';
    const ok = await office.data(mutation, { input: { format: 'CSV', contentBase64: Buffer.from(good).toString('base64') } });
    expect(ok.importRoster).toEqual({ imported: true, created: 2, rejectedRows: [] });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('花名册');
    sheet.addRows([header.split(','), ['孙三', '学生', 'XDZY-XX', '2026003', '', ''], ['李四', '学生', 'YZ', '2026004', '', '']]);
    const bad = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const refused = await office.data(mutation, { input: { format: 'XLSX', contentBase64: bad } });
    expect(refused.importRoster).toEqual({
      imported: false,
      created: 0,
      rejectedRows: [{ row: 3, reasons: ['单位代码"YZ"不存在或不在您的管辖范围内'] }],
    });
    const people = await office.data('query($id: ID!) { orgUnit(id: $id) { people(filter: { nameContains: "孙三" }) { totalCount } } }', {
      id: units['XDZY-XX'],
    });
    expect(people.orgUnit.people.totalCount).toBe(0);
  });

  it('publishes the grid roster as a list and an Excel download, and shows what no grid covers', async () => {
    const roster = await office.data('query($id: ID!) { gridRoster(orgUnitId: $id) { gridName level role personName phone } }', { id: units.XDZY });
    expect(roster.gridRoster).toEqual(
      expect.arrayContaining([
        { gridName: '信息工程学院网格', level: 2, role: 'SAFETY_OFFICER', personName: '陈静', phone: '13909310005' },
        { gridName: '现代职业学院校园网格', level: 1, role: 'LEADER', personName: '王建国', phone: '13909310001' },
      ]),
    );
    const download = await fetch(`${fixture.platform.gatewayUrl.replace('/graphql', '')}/exports/grid-roster?orgUnitId=${units.XDZY}`, {
      headers: { authorization: `Bearer ${office.token}` },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain('attachment');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await download.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const cells = workbook.worksheets[0].getSheetValues().flat().map(String);
    expect(cells).toEqual(expect.arrayContaining(['网格', '级别', '职责', '姓名', '联系电话', '陈静']));
    const anonymous = await fetch(`${fixture.platform.gatewayUrl.replace('/graphql', '')}/exports/grid-roster?orgUnitId=${units.XDZY}`);
    expect(anonymous.status).toBe(401);

    const coverage = await office.data('query($id: ID!) { gridCoverage(orgUnitId: $id) { uncoveredKeyPlaces { name } } }', { id: units.XDZY });
    expect(coverage.gridCoverage.uncoveredKeyPlaces.map((place: any) => place.name).sort()).toEqual(['危化品仓库', '学生公寓5号楼'].sort());
  });

  it('shows which colleges have not signed, and refuses signing someone else’s letter', async () => {
    const year = new Date().getFullYear();
    const coverage = await office.data(
      'query($id: ID!, $year: Int!) { letterSigningCoverage(issuerUnitId: $id, year: $year) { units { orgUnit { code } status letterId } totals { units signed unsigned } } }',
      { id: units.XDZY, year },
    );
    const byCode = Object.fromEntries(coverage.letterSigningCoverage.units.map((unit: any) => [unit.orgUnit.code, unit]));
    expect(byCode['XDZY-XX'].status).toBe('SIGNED');
    expect(byCode['XDZY-JD'].status).toBe('ISSUED');
    expect(byCode['XDZY-HL'].status).toBe('NOT_ISSUED');
    expect(coverage.letterSigningCoverage.totals.signed).toBe(1);

    const letter = await office.data('query($id: ID!) { responsibilityLetter(id: $id) { id version } }', { id: byCode['XDZY-JD'].letterId });
    const forged = await office.request('mutation($input: SignResponsibilityLetterInput!) { signResponsibilityLetter(input: $input) { responsibilityLetter { status } } }', {
      input: letter.responsibilityLetter,
    });
    expect(forged.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // The college's safety officer is not its first responsible person; its dean (UNIT_LEADER) signs.
    const sign = 'mutation($input: SignResponsibilityLetterInput!) { signResponsibilityLetter(input: $input) { responsibilityLetter { status signedBy { name } } } }';
    const byOfficer = await (await fixture.as('jd.officer')).request(sign, { input: letter.responsibilityLetter });
    expect(byOfficer.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_THE_NAMED_PERSON' });
    const signed = await (await fixture.as('jd.leader')).data(sign, { input: letter.responsibilityLetter });
    expect(signed.signResponsibilityLetter.responsibilityLetter).toEqual({ status: 'SIGNED', signedBy: { name: '高志远' } });
  });

  it('refuses granting outside one’s scope and a bureau role from a school', async () => {
    const accounts = await office.data('{ me { id } }');
    const outside = await office.request('mutation($input: GrantRoleInput!) { grantRole(input: $input) { grant { id } } }', {
      input: { accountId: accounts.me.id, role: 'STAFF', orgUnitId: units.YZ },
    });
    expect(outside.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const xxLeader = await (await fixture.as('xx.leader')).data('{ me { id } }');
    const tooHigh = await office.request('mutation($input: GrantRoleInput!) { grantRole(input: $input) { grant { id } } }', {
      input: { accountId: xxLeader.me.id, role: 'BUREAU_ADMIN', orgUnitId: units.XDZY },
    });
    expect(tooHigh.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('knows who is on duty now and which shifts are unstaffed', async () => {
    const now = await office.data('query($id: ID!) { onDutyNow(orgUnitId: $id) { shift { name } leader { name } officers { name } } }', { id: units.XDZY });
    expect(['白班', '夜班']).toContain(now.onDutyNow.shift.name);
    expect(now.onDutyNow.leader.name).toMatch(/马建华|李明/);
    const rosters = await office.data('query($id: ID!) { dutyRosters(filter: { orgUnitId: $id }) { edges { node { id } } } }', { id: units.XDZY });
    const gaps = await office.data('query($id: ID!) { dutyGaps(rosterId: $id) { date shiftName missing } }', { id: rosters.dutyRosters.edges[0].node.id });
    expect(gaps.dutyGaps).toHaveLength(4); // the last two days, day and night
    expect(gaps.dutyGaps[0].missing.sort()).toEqual(['LEADER', 'OFFICER']);
  });

  it('shows my open responsibilities on me: grid roles, posts, letters to sign, duty shifts', async () => {
    const query = '{ me { openResponsibilities { gridRoles { role } posts { title } lettersToSign { title } dutyShifts { shiftName asLeader } } } }';
    const leader = (await (await fixture.as('xx.leader')).data(query)).me.openResponsibilities;
    expect(leader.gridRoles).toEqual([{ role: 'LEADER' }]);
    expect(leader.lettersToSign).toEqual([]);
    expect(leader.dutyShifts.length).toBeGreaterThan(0);
    expect(leader.dutyShifts.every((shift: any) => shift.shiftName === '夜班' && shift.asLeader)).toBe(true);
    const staff = (await (await fixture.as('staff')).data(query)).me.openResponsibilities;
    expect(staff.posts).toEqual([{ title: '第一学生食堂负责人' }]);
    expect(staff.dutyShifts.every((shift: any) => !shift.asLeader)).toBe(true);
  });

  it('lists a holder’s duty list (一岗双责) and the leading group', async () => {
    const officer = await fixture.as('xx.officer');
    const me = await officer.data('{ me { person { id } } }');
    const duties = await officer.data('query($id: ID!) { dutyListOf(personId: $id) { title kind duties { content } } }', { id: me.me.person.id });
    expect(duties.dutyListOf[0]).toMatchObject({ title: '信息楼实验室主任', kind: 'LAB_DIRECTOR' });
    expect(duties.dutyListOf[0].duties.length).toBeGreaterThanOrEqual(4);
    const groups = await office.data('query($id: ID!) { workGroups(filter: { orgUnitId: $id, kind: LEADING_GROUP }) { edges { node { name members { role person { name } } } } } }', {
      id: units.XDZY,
    });
    expect(groups.workGroups.edges[0].node.members).toEqual(
      expect.arrayContaining([{ role: 'LEADER', person: { name: '马建华' } }, { role: 'OFFICE_DIRECTOR', person: { name: '王建国' } }]),
    );
  });
});
