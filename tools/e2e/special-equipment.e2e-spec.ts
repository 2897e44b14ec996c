import { calendarDateOf } from '@campus/graphql';
import { GraphQLClient } from '@campus/testing';
import { Workbook } from 'exceljs';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

const DAY_MS = 24 * 3600 * 1000;
const day = (offset: number) => calendarDateOf(new Date(Date.now() + offset * DAY_MS));
const FIELDS = 'id name status version hazardId inspectionOverdue retirement { reason approverAccountId }';
const REGISTER = `mutation($input: RegisterSpecialEquipmentInput!) { registerSpecialEquipment(input: $input) { specialEquipment { ${FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateSpecialEquipmentInput!) { updateSpecialEquipment(input: $input) { specialEquipment { ${FIELDS} } } }`;
const RETIRE = `mutation($input: RetireSpecialEquipmentInput!) { retireSpecialEquipment(input: $input) { specialEquipment { ${FIELDS} } } }`;
const RAISE = `mutation($input: RaiseSpecialEquipmentHazardInput!) { raiseSpecialEquipmentHazard(input: $input) { specialEquipment { ${FIELDS} } } }`;
const ONE = 'query($id: ID!) { specialEquipment(id: $id) { id name orgUnit { name } } }';
const DUE = 'query($unit: ID) { specialEquipmentInspectionsDue(orgUnitId: $unit) { edges { node { name inspectionOverdue } } } }';
const CERTS = 'query { expiringOperatorCertificates { edges { node { holderName expired } } } }';
const HAZARD = 'query($id: ID!) { hazard(id: $id) { category status orgUnit { name } sourceRef { type id } } }';

function equipment(orgUnitId: string, registrationNo: string, extra: Record<string, unknown> = {}) {
  return { orgUnitId, kind: 'PRESSURE_VESSEL', name: '实训空压机储气罐', registrationNo, placeText: '机电实训楼空压机房', nextInspectionDue: day(-3), ...extra };
}

/** Issue 17, part 6: the special-equipment register through the gateway, on the demo campus. */
describe('special equipment register through the gateway', () => {
  let fixture: PlatformFixture;
  let office: GraphQLClient; // safety.office: 学校安全保卫处 (现代职业学院)
  let jd: GraphQLClient; // jd.officer: 机电工程学院安全员
  let units: Record<string, string>;

  beforeAll(async () => {
    fixture = await startPlatformFixture(4900);
    [office, jd] = await Promise.all(['safety.office', 'jd.officer'].map((name) => fixture.as(name)));
    units = fixture.unitIds;
  }, 120_000);

  afterAll(async () => {
    await fixture?.stop();
  });

  it('shows the demo register: the overdue 5吨行车 and the crane operator certificate running out', async () => {
    const due = await office.data(DUE, { unit: units.XDZY });
    expect(due.specialEquipmentInspectionsDue.edges.map((edge: any) => edge.node)).toEqual([
      { name: '5吨行车', inspectionOverdue: true },
      { name: '1号燃气热水锅炉', inspectionOverdue: false },
    ]);
    expect((await office.data(CERTS)).expiringOperatorCertificates.edges.map((edge: any) => edge.node)).toEqual([{ holderName: '刘洋', expired: false }]);
  });

  it('refuses a grid officer and staff registering equipment', async () => {
    const grid = await fixture.as('grid.officer');
    const byGrid = await grid.request(REGISTER, { input: equipment(units['XDZY-XX'], 'E2E-GRID') });
    expect(byGrid.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const staff = await fixture.as('staff');
    const byStaff = await staff.request(REGISTER, { input: equipment(units['XDZY-HQ'], 'E2E-STAFF') });
    expect(byStaff.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('answers NOT_FOUND for another school’s equipment', async () => {
    const bureau = await fixture.as('bureau.admin');
    const foreign = (await bureau.data(REGISTER, { input: equipment(units.YZ, 'E2E-YZ-1', { name: '食堂蒸饭柜' }) })).registerSpecialEquipment.specialEquipment;
    const read = await office.request(ONE, { id: foreign.id });
    expect(read.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const edit = await office.request(UPDATE, { input: { id: foreign.id, version: foreign.version, name: '改名' } });
    expect(edit.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses a stale version, and any edit after 销号', async () => {
    const registered = (await jd.data(REGISTER, { input: equipment(units['XDZY-JD'], 'E2E-JD-1') })).registerSpecialEquipment.specialEquipment;
    const updated = (await jd.data(UPDATE, { input: { id: registered.id, version: registered.version, model: 'C-0.6/8' } })).updateSpecialEquipment.specialEquipment;
    const stale = await jd.request(UPDATE, { input: { id: registered.id, version: registered.version, model: 'C-1.0/8' } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    const retired = (await jd.data(RETIRE, { input: { id: registered.id, version: updated.version, reason: '储气罐腐蚀，报废处理' } })).retireSpecialEquipment.specialEquipment;
    expect(retired).toMatchObject({ status: 'RETIRED', retirement: { reason: '储气罐腐蚀，报废处理' } });
    const edit = await jd.request(UPDATE, { input: { id: registered.id, version: retired.version, name: '改名' } });
    expect(edit.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'INACTIVE' });
  });

  it('raises a hazard from an overdue inspection once while it is open', async () => {
    const registered = (await jd.data(REGISTER, { input: equipment(units['XDZY-JD'], 'E2E-JD-2') })).registerSpecialEquipment.specialEquipment;
    const raised = (await jd.data(RAISE, { input: { id: registered.id, version: registered.version } })).raiseSpecialEquipmentHazard.specialEquipment;
    expect(raised.hazardId).toEqual(expect.any(String));
    const hazard = await office.data(HAZARD, { id: raised.hazardId });
    expect(hazard.hazard).toEqual({ category: 'SPECIAL_EQUIPMENT', status: 'REGISTERED', orgUnit: { name: '机电工程学院' }, sourceRef: { type: 'SPECIAL_EQUIPMENT', id: registered.id } });
    const again = await jd.request(RAISE, { input: { id: registered.id, version: raised.version } });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE' });
  });

  it('downloads the register as an xlsx whose first sheet has the rows', async () => {
    const filter = encodeURIComponent(JSON.stringify({ orgUnitId: units.XDZY, kinds: ['LIFTING_MACHINERY', 'BOILER', 'ELEVATOR'] }));
    const base = fixture.platform.gatewayUrl.replace(/\/graphql$/, '');
    const response = await fetch(`${base}/exports/special-equipment?filter=${filter}`, { headers: { authorization: `Bearer ${office.token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new Workbook();
    await workbook.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('特种设备台账');
    expect(sheet.getRow(2).values).toEqual(expect.arrayContaining(['使用单位', '设备种类', '使用登记证编号', '下次检验日期', '检验是否逾期']));
    const names = [3, 4, 5].map((row) => sheet.getRow(row).getCell(3).value).sort();
    expect(names).toEqual(['1号燃气热水锅炉', '5吨行车', '图书馆1号客梯']);
    const crane = [3, 4, 5].map((row) => sheet.getRow(row)).find((row) => row.getCell(3).value === '5吨行车');
    expect([crane?.getCell(1).value, crane?.getCell(2).value, crane?.getCell(13).value]).toEqual(['机电工程学院', '起重机械', '是']);
    const refused = await fetch(`${base}/exports/special-equipment?filter=${encodeURIComponent(JSON.stringify({ orgUnitId: units.YZ }))}`, {
      headers: { authorization: `Bearer ${jd.token}` },
    });
    expect(refused.status).toBe(404);
  });
});
