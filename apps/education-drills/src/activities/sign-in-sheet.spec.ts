import { Workbook } from 'exceljs';
import { KnownPerson, readSignInSheet, SignInLookups, validateSignInRows } from './sign-in-sheet';

const person = (id: string, name: string, unit: string, overrides: Partial<KnownPerson> = {}): KnownPerson => ({
  id,
  name,
  kind: 'STUDENT',
  orgUnitId: unit,
  orgPath: `/s/${unit}/`,
  active: true,
  ...overrides,
});

const p1 = person('p1', '陈一', 'c1');
const p2 = person('p2', '陈二', 'c1');
const twinA = person('t1', '刘洋', 'c1');
const twinB = person('t2', '刘洋', 'c1');
const gone = person('g1', '吴停', 'c1', { active: false });
const other = person('o1', '外人', 'c2');

const lookups: SignInLookups = {
  peopleById: new Map([p1, p2, gone, other].map((known) => [known.id, known])),
  unitsByCode: new Map([['C1', 'c1']]),
  peopleByUnitAndName: new Map([
    ['c1/陈二', [p2]],
    ['c1/刘洋', [twinA, twinB]],
  ]),
};
const inC1 = (known: KnownPerson) => known.orgPath.startsWith('/s/c1/');

async function xlsx(rows: string[][]): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('签到');
  rows.forEach((row) => sheet.addRow(row));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('sign-in sheets', () => {
  it('finds people by number or by name and unit code', () => {
    const rows = [
      { row: 2, personId: 'p1', name: '', unitCode: '' },
      { row: 3, personId: '', name: '陈二', unitCode: 'C1' },
    ];
    expect(validateSignInRows(rows, lookups, inC1)).toEqual({ people: [p1, p2], problems: [] });
  });

  it('names every rejected row with all its reasons', () => {
    const rows = [
      { row: 2, personId: 'nope', name: '', unitCode: '' },
      { row: 3, personId: '', name: '刘洋', unitCode: 'C1' },
      { row: 4, personId: '', name: '陈二', unitCode: 'X9' },
      { row: 5, personId: '', name: '陈三', unitCode: 'C1' },
      { row: 6, personId: '', name: '陈二', unitCode: '' },
      { row: 7, personId: 'g1', name: '', unitCode: '' },
      { row: 8, personId: 'o1', name: '', unitCode: '' },
      { row: 9, personId: 'p1', name: '陈壹', unitCode: '' },
      { row: 10, personId: 'p2', name: '', unitCode: '' },
      { row: 11, personId: '', name: '陈二', unitCode: 'C1' },
    ];
    const { people, problems } = validateSignInRows(rows, lookups, inC1);
    expect(people).toEqual([p2]);
    expect(problems).toEqual([
      { row: 2, reasons: ['人员编号"nope"不存在'] },
      { row: 3, reasons: ['单位"C1"有 2 名"刘洋"，请填写人员编号'] },
      { row: 4, reasons: ['单位代码"X9"不存在'] },
      { row: 5, reasons: ['单位"C1"没有名为"陈三"的人员'] },
      { row: 6, reasons: ['应填写人员编号，或同时填写姓名与单位代码'] },
      { row: 7, reasons: ['"吴停"已停用'] },
      { row: 8, reasons: ['"外人"不在本次活动的参加对象范围内'] },
      { row: 9, reasons: ['人员编号"p1"对应的姓名是"陈一"，不是"陈壹"'] },
      { row: 11, reasons: ['与第 10 行是同一人'] },
    ]);
  });

  it('reads the first sheet by its Chinese headers in any order, skipping blank rows', async () => {
    const content = await xlsx([['单位代码', '姓名', '备注', '人员编号'], ['C1', '陈二', '迟到', ''], [], ['', '', '', 'p1']]);
    expect(await readSignInSheet(content)).toEqual([
      { row: 2, personId: '', name: '陈二', unitCode: 'C1' },
      { row: 4, personId: 'p1', name: '', unitCode: '' },
    ]);
  });

  it('refuses a sheet without the columns it needs, and a file that is not .xlsx', async () => {
    await expect(readSignInSheet(await xlsx([['姓名', '班级'], ['陈二', '一班']]))).rejects.toThrow('缺少列');
    await expect(readSignInSheet(Buffer.from('姓名,单位代码\n陈二,C1'))).rejects.toThrow('.xlsx');
  });
});
