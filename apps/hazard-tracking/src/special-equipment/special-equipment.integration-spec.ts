import { Role } from '@campus/auth';
import { NO_OUTBOX_SIGNAL } from '@campus/events';
import { calendarDateOf, exceljs } from '@campus/graphql';
import { createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { buildHazardSchema, HAZARD_MODULES } from '../service';

const PATHS = { school: '/bureau/school/', jd: '/bureau/school/jd/', hq: '/bureau/school/hq/', other: '/bureau/other/' };
const FIELDS = `id kind name registrationNo status nextInspectionDue inspectionOverdue lastInspectionResult hazardId version placeText place { id }
  retirement { on reason approverAccountId } certificates { holderName certificateNo expiresOn expired }
  inspections { inspectedOn result reportNo nextDueOn }`;
const payload = (name: string, input: string) =>
  `mutation($input: ${input}!) { ${name}(input: $input) { specialEquipment { ${FIELDS} } } }`;
const REGISTER = payload('registerSpecialEquipment', 'RegisterSpecialEquipmentInput');
const UPDATE = payload('updateSpecialEquipment', 'UpdateSpecialEquipmentInput');
const INSPECT = payload('recordSpecialEquipmentInspection', 'RecordEquipmentInspectionInput');
const SUSPEND = payload('suspendSpecialEquipment', 'SuspendSpecialEquipmentInput');
const RESUME = payload('resumeSpecialEquipment', 'ResumeSpecialEquipmentInput');
const RETIRE = payload('retireSpecialEquipment', 'RetireSpecialEquipmentInput');
const RAISE = payload('raiseSpecialEquipmentHazard', 'RaiseSpecialEquipmentHazardInput');
const REGISTER_LIST = 'query($filter: SpecialEquipmentFilter) { specialEquipmentRegister(filter: $filter) { totalCount edges { node { name } } } }';
const DUE = 'query($unit: ID, $days: Int) { specialEquipmentInspectionsDue(orgUnitId: $unit, withinDays: $days) { totalCount edges { node { name inspectionOverdue } } } }';
const CERTS = 'query($days: Int) { expiringOperatorCertificates(withinDays: $days) { totalCount edges { node { holderName equipmentId expired } } } }';
const WORKBOOK = 'query($filter: SpecialEquipmentFilter) { specialEquipmentWorkbook(filter: $filter) { filename contentType base64 } }';

const officerJd = viewerWith('officer-jd', [[Role.UNIT_SAFETY_OFFICER, 'jd', PATHS.jd]], 'person-jd');
const gridJd = viewerWith('grid-jd', [[Role.GRID_OFFICER, 'jd', PATHS.jd]]);
const staffJd = viewerWith('staff-jd', [[Role.STAFF, 'jd', PATHS.jd]]);
const school = viewerWith('school', [[Role.SAFETY_OFFICE, 'school', PATHS.school]]);
const other = viewerWith('other', [[Role.SAFETY_OFFICE, 'other', PATHS.other]]);
const day = (offset: number) => calendarDateOf(new Date(Date.now() + offset * 24 * 3600 * 1000));
const names = (connection: any) => connection.edges.map((edge: any) => edge.node.name);
const crane = {
  orgUnitId: 'jd',
  kind: 'LIFTING_MACHINERY',
  name: '5吨行车',
  model: 'LD5-16.5',
  registrationNo: '起17鄂A0001(24)',
  manufacturer: '河南卫华重型机械',
  commissionedOn: '2019-09-01',
  placeId: 'place-workshop',
  nextInspectionDue: day(-10),
  certificates: [
    { holderName: '王师傅', certificateNo: 'Q2-001', expiresOn: day(20) },
    { holderName: '李师傅', certificateNo: 'Q2-002', expiresOn: day(400) },
  ],
};

describe('special equipment register (特种设备台账)', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;
  let craneId: string;
  let boilerId: string;

  beforeAll(async () => {
    db = await createServiceTestDatabase('speq', HAZARD_MODULES);
    runner = new SchemaRunner(await buildHazardSchema(db.dataSource, fixedOrgDirectory(PATHS), NO_OUTBOX_SIGNAL));
    await db.dataSource.query(
      `INSERT INTO org_unit_projection (id, path, name, code, kind) VALUES ('school', '/bureau/school/', '现代职业学院', 'XDZY', 'SCHOOL'),
         ('jd', '/bureau/school/jd/', '机电工程学院', 'JD', 'COLLEGE'), ('hq', '/bureau/school/hq/', '后勤管理处', 'HQ', 'DEPARTMENT')`,
    );
    await db.dataSource.query(`INSERT INTO place_projection (id, name, org_unit_id, org_path, active) VALUES ('place-workshop', '机电实训车间', 'jd', '/bureau/school/jd/', 1)`);
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('registers equipment with certificates; refuses staff, grid officers, other units and a duplicate registration number', async () => {
    const registered = (await runner.data(officerJd, REGISTER, { input: crane })).registerSpecialEquipment.specialEquipment;
    craneId = registered.id;
    expect(registered).toMatchObject({
      status: 'IN_SERVICE',
      placeText: '机电实训车间',
      place: { id: 'place-workshop' },
      inspectionOverdue: true,
      certificates: [{ holderName: '王师傅', expired: false }, { holderName: '李师傅' }],
    });
    const boiler = { orgUnitId: 'hq', kind: 'BOILER', name: '燃气热水锅炉', registrationNo: '锅11鄂A0002', placeText: '锅炉房', nextInspectionDue: day(200) };
    boilerId = (await runner.data(school, REGISTER, { input: boiler })).registerSpecialEquipment.specialEquipment.id;
    for (const viewer of [staffJd, gridJd]) {
      expect((await runner.run(viewer, REGISTER, { input: { ...crane, registrationNo: 'X-1' } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await runner.run(officerJd, REGISTER, { input: { ...boiler, registrationNo: 'X-2' } })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const duplicate = await runner.run(school, REGISTER, { input: crane });
    expect(duplicate.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE' });
    const future = await runner.run(school, REGISTER, { input: { ...crane, registrationNo: 'X-3', commissionedOn: day(5) } });
    expect(future.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('reads in scope only: another school gets NOT_FOUND and an empty register', async () => {
    expect((await runner.data(staffJd, 'query($id: ID!) { specialEquipment(id: $id) { name } }', { id: craneId })).specialEquipment.name).toBe('5吨行车');
    const foreign = await runner.run(other, 'query($id: ID!) { specialEquipment(id: $id) { name } }', { id: craneId });
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await runner.data(other, REGISTER_LIST, {})).specialEquipmentRegister.totalCount).toBe(0);
    expect(names((await runner.data(officerJd, REGISTER_LIST, {})).specialEquipmentRegister)).toEqual(['5吨行车']);
  });

  it('filters the register and lists inspections due and expiring certificates', async () => {
    const list = async (filter: object) => names((await runner.data(school, REGISTER_LIST, { filter })).specialEquipmentRegister).sort();
    expect(await list({})).toEqual(['5吨行车', '燃气热水锅炉']);
    expect(await list({ orgUnitId: 'hq' })).toEqual(['燃气热水锅炉']);
    expect(await list({ kinds: ['BOILER'] })).toEqual(['燃气热水锅炉']);
    expect(await list({ inspectionOverdue: true })).toEqual(['5吨行车']);
    expect(await list({ inspectionDueWithinDays: 365 })).toEqual(['5吨行车', '燃气热水锅炉']);
    const due = (await runner.data(school, DUE, {})).specialEquipmentInspectionsDue;
    expect(due.edges.map((edge: any) => edge.node)).toEqual([{ name: '5吨行车', inspectionOverdue: true }]);
    const certs = (await runner.data(school, CERTS, { days: 30 })).expiringOperatorCertificates;
    expect(certs.edges.map((edge: any) => edge.node)).toEqual([{ holderName: '王师傅', equipmentId: craneId, expired: false }]);
    expect((await runner.data(other, CERTS, { days: 1000 })).expiringOperatorCertificates.totalCount).toBe(0);
  });

  it('raises a hazard from the overdue inspection once while it is open', async () => {
    const { version } = (await runner.data(school, 'query($id: ID!) { specialEquipment(id: $id) { version } }', { id: craneId })).specialEquipment;
    const byGrid = await runner.run(gridJd, RAISE, { input: { id: craneId, version } });
    expect(byGrid.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const raised = (await runner.data(officerJd, RAISE, { input: { id: craneId, version, grade: 'MAJOR' } })).raiseSpecialEquipmentHazard.specialEquipment;
    expect(raised.hazardId).toEqual(expect.any(String));
    const hazard = await runner.data(school, 'query($id: ID!) { hazard(id: $id) { title category grade status placeText sourceRef { type id } orgUnit { id } } }', {
      id: raised.hazardId,
    });
    expect(hazard.hazard).toEqual({
      title: '5吨行车定期检验逾期',
      category: 'SPECIAL_EQUIPMENT',
      grade: 'MAJOR',
      status: 'REGISTERED',
      placeText: '机电实训车间',
      sourceRef: { type: 'SPECIAL_EQUIPMENT', id: craneId },
      orgUnit: { id: 'jd' },
    });
    const again = await runner.run(officerJd, RAISE, { input: { id: craneId, version: raised.version } });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE' });
    const boiler = (await runner.data(school, 'query($id: ID!) { specialEquipment(id: $id) { version } }', { id: boilerId })).specialEquipment;
    const notDue = await runner.run(school, RAISE, { input: { id: boilerId, version: boiler.version } });
    expect(notDue.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_YET_DUE' });
  });

  it('records an inspection, suspends, resumes, updates with optimistic locking', async () => {
    let current = (await runner.data(school, 'query($id: ID!) { specialEquipment(id: $id) { version } }', { id: craneId })).specialEquipment;
    const inspection = { id: craneId, version: current.version, inspectedOn: day(0), inspectingBody: '市特种设备检验所', result: 'PASS', reportNo: 'JY-2026-77' };
    expect((await runner.run(officerJd, INSPECT, { input: inspection })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    current = (await runner.data(officerJd, INSPECT, { input: { ...inspection, nextDueOn: day(365) } })).recordSpecialEquipmentInspection.specialEquipment;
    expect(current).toMatchObject({ nextInspectionDue: day(365), inspectionOverdue: false, lastInspectionResult: 'PASS', inspections: [{ reportNo: 'JY-2026-77' }] });
    current = (await runner.data(officerJd, SUSPEND, { input: { id: craneId, version: current.version, reason: '钢丝绳更换' } })).suspendSpecialEquipment.specialEquipment;
    expect(current.status).toBe('SUSPENDED');
    const twice = await runner.run(officerJd, SUSPEND, { input: { id: craneId, version: current.version, reason: '再次停用' } });
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
    current = (await runner.data(officerJd, RESUME, { input: { id: craneId, version: current.version } })).resumeSpecialEquipment.specialEquipment;
    expect(current.status).toBe('IN_SERVICE');
    const updated = await runner.data(officerJd, UPDATE, { input: { id: craneId, version: current.version, model: 'LD5-18', certificates: [] } });
    expect(updated.updateSpecialEquipment.specialEquipment.certificates).toEqual([]);
    const stale = await runner.run(officerJd, UPDATE, { input: { id: craneId, version: current.version, model: 'LD5-20' } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
  });

  it('retires (销号) with reason, approver and date; a retired piece cannot be edited', async () => {
    const { version } = (await runner.data(school, 'query($id: ID!) { specialEquipment(id: $id) { version } }', { id: boilerId })).specialEquipment;
    const retired = (await runner.data(school, RETIRE, { input: { id: boilerId, version, reason: '改为电锅炉，原锅炉报废' } })).retireSpecialEquipment.specialEquipment;
    expect(retired).toMatchObject({ status: 'RETIRED', retirement: { on: day(0), reason: '改为电锅炉，原锅炉报废', approverAccountId: 'school' } });
    const edit = await runner.run(school, UPDATE, { input: { id: boilerId, version: retired.version, name: '新名称' } });
    expect(edit.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'INACTIVE' });
    expect(edit.errors?.[0].message).toContain('已销号');
    const list = await runner.data(school, REGISTER_LIST, { filter: { statuses: ['RETIRED'] } });
    expect(names(list.specialEquipmentRegister)).toEqual(['燃气热水锅炉']);
  });

  it('exports the register as a workbook whose first sheet has the rows', async () => {
    const file = (await runner.data(school, WORKBOOK, { filter: { orgUnitId: 'school' } })).specialEquipmentWorkbook;
    expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new (exceljs().Workbook)();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('特种设备台账');
    expect(sheet.getRow(2).getCell(1).value).toBe('使用单位');
    const rows = [3, 4].map((n) => sheet.getRow(n).values as unknown[]);
    expect(rows.map((row) => row[3]).sort()).toEqual(['5吨行车', '燃气热水锅炉']);
    expect(rows.find((row) => row[3] === '5吨行车')).toEqual(expect.arrayContaining(['机电工程学院', '起重机械', '在用']));
    expect((await runner.data(other, WORKBOOK, {})).specialEquipmentWorkbook.base64).toBeTruthy();
    expect((await runner.run(other, WORKBOOK, { filter: { orgUnitId: 'school' } })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
