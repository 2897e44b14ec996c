import { SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { Role, Viewer } from '@campus/auth';
import ExcelJS from 'exceljs';
import { OrgUnitKind } from '../org-units/org-unit-kind';
import { ResponsibilityFixture, startResponsibilityFixture } from '../testing/responsibility-fixture';

const IMPORT = `mutation($input: ImportRosterInput!) {
  importRoster(input: $input) { imported totalRows created updated durationMs rejectedRows { row reasons } }
}`;
const HEADER = ['姓名', '类别', '单位代码', '工号/学号', '职务', '手机号'];

async function xlsx(rows: string[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('花名册');
  sheet.addRow(HEADER);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

describe('roster import', () => {
  let fx: ResponsibilityFixture;
  let db: TestDatabase;
  let runner: SchemaRunner;
  let admin: Viewer;

  beforeAll(async () => {
    fx = await startResponsibilityFixture('roster');
    db = fx.db;
    runner = fx.runner;
    admin = fx.admin;
    const school = await fx.createUnit(fx.root.id, 'SCH', OrgUnitKind.SCHOOL, '职业学院');
    for (const code of ['XX', 'JD']) {
      await fx.createUnit(school.id, code, OrgUnitKind.COLLEGE, `${code}学院`);
    }
  });

  afterAll(async () => {
    await fx?.drop();
  });

  it('imports 10,000 rows from an Excel workbook in one go, with an event per person', async () => {
    const rows = Array.from({ length: 10_000 }, (_, n) => [
      `学生${n}`, n % 10 === 0 ? '教职工' : '学生', n % 2 ? 'XX' : 'JD', `S${String(n).padStart(6, '0')}`, '', n % 10 === 0 ? `139${String(n).padStart(8, '0')}` : '',
    ]);
    const started = Date.now();
    const result = await runner.data(admin, IMPORT, { input: { format: 'XLSX', contentBase64: await xlsx(rows) } });
    const elapsed = Date.now() - started;
    expect(result.importRoster).toMatchObject({ imported: true, totalRows: 10_000, created: 10_000, updated: 0, rejectedRows: [] });
    const [{ people }] = await db.dataSource.query('SELECT COUNT(*) AS people FROM person');
    expect(Number(people)).toBe(10_000);
    const [{ events }] = await db.dataSource.query("SELECT COUNT(*) AS events FROM event_outbox WHERE event_type = 'person.created'");
    expect(Number(events)).toBe(10_000);
    process.stdout.write(`roster import: 10,000 rows from xlsx in ${elapsed} ms (service reported ${result.importRoster.durationMs} ms)\n`);
  });

  it('updates people it already knows by number (CSV), creating only the new ones', async () => {
    const csv = `${HEADER.join(',')}\n"学生1（改名）",学生,XX,S000001,班长,13800000001\n新同学,学生,XX,S999999,,\n`;
    const result = await runner.data(admin, IMPORT, { input: { format: 'CSV', contentBase64: Buffer.from(csv).toString('base64') } });
    expect(result.importRoster).toMatchObject({ imported: true, created: 1, updated: 1 });
    const [person] = await db.dataSource.query("SELECT name, position, phone FROM person WHERE employee_no = 'S000001'");
    expect(person).toEqual({ name: '学生1（改名）', position: '班长', phone: '13800000001' });
  });

  it('imports nothing from a workbook with bad rows and reports each with its reasons', async () => {
    const [{ people: before }] = await db.dataSource.query('SELECT COUNT(*) AS people FROM person');
    const content = await xlsx([
      ['好学生', '学生', 'XX', 'N1', '', ''],
      ['', '学生', 'XX', 'N2', '', ''],
      ['坏单位', '学生', 'NOPE', 'N3', '', ''],
      ['坏电话', '教职工', 'JD', 'N4', '', '12345'],
      ['重号', '学生', 'XX', 'N1', '', ''],
    ]);
    const result = await runner.data(admin, IMPORT, { input: { format: 'XLSX', contentBase64: content } });
    expect(result.importRoster.imported).toBe(false);
    expect(result.importRoster.rejectedRows).toEqual([
      { row: 3, reasons: ['姓名不能为空'] },
      { row: 4, reasons: ['单位代码"NOPE"不存在或不在您的管辖范围内'] },
      { row: 5, reasons: ['手机号"12345"格式不正确'] },
      { row: 6, reasons: ['工号/学号与第 2 行重复'] },
    ]);
    const [{ people: after }] = await db.dataSource.query('SELECT COUNT(*) AS people FROM person');
    expect(after).toBe(before);
  });

  it('refuses a file that is not a roster and a viewer who manages none of its units', async () => {
    const garbage = await runner.run(admin, IMPORT, { input: { format: 'XLSX', contentBase64: Buffer.from('not a workbook').toString('base64') } });
    expect(garbage.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const noHeader = await runner.run(admin, IMPORT, { input: { format: 'CSV', contentBase64: Buffer.from('a,b\n1,2\n').toString('base64') } });
    expect(noHeader.errors?.[0].message).toContain('缺少列');

    const [jd] = await db.dataSource.query("SELECT id, path FROM org_unit WHERE code = 'JD'");
    const staff = viewerWith('staff', [[Role.STAFF, jd.id, jd.path]]);
    const refused = await runner.data(staff, IMPORT, {
      input: { format: 'CSV', contentBase64: Buffer.from(`${HEADER.join(',')}\n某人,学生,JD,X1,,\n`).toString('base64') },
    });
    expect(refused.importRoster).toMatchObject({ imported: false, rejectedRows: [{ row: 2, reasons: ['您无权维护单位"JD"的人员'] }] });
  });
});
