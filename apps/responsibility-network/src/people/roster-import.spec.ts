import { PersonKind } from './person-kind';
import { parseCsv, RosterRow } from './roster-file';
import { validateRoster } from './roster-import';

const units = new Map([
  ['XX', { id: 'u-xx', path: '/root/xx/' }],
  ['JD', { id: 'u-jd', path: '/root/jd/' }],
]);

function row(row: number, values: Partial<RosterRow['values']>): RosterRow {
  return { row, values: { name: '', kind: '', unitCode: '', employeeNo: '', position: '', phone: '', ...values } };
}

describe('parseCsv', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks, CRLF and a BOM', () => {
    const text = '\uFEFF姓名,职务\r\n"张三","安全员,兼""网格员"""\r\n李四,"多行\n说明"\n';
    expect(parseCsv(text)).toEqual([
      ['姓名', '职务'],
      ['张三', '安全员,兼"网格员"'],
      ['李四', '多行\n说明'],
    ]);
  });
});

describe('validateRoster', () => {
  const mayManage = (unit: { id: string }) => unit.id === 'u-xx';

  it('accepts good rows and maps Chinese kinds', () => {
    const { people, problems } = validateRoster(
      [row(2, { name: '张伟', kind: '教职工', unitCode: 'XX', employeeNo: 'T001', phone: '13900000001' }), row(3, { name: '王芳', kind: '学生', unitCode: 'XX' })],
      units,
      mayManage,
    );
    expect(problems).toEqual([]);
    expect(people.map((person) => [person.row, person.kind, person.unit.id, person.employeeNo])).toEqual([
      [2, PersonKind.STAFF, 'u-xx', 'T001'],
      [3, PersonKind.STUDENT, 'u-xx', null],
    ]);
  });

  it('names every reason of every rejected row', () => {
    const { problems } = validateRoster(
      [
        row(2, { name: '', kind: '校长', unitCode: 'NOPE', phone: '123' }),
        row(3, { name: '甲', kind: '教职工', unitCode: 'JD' }),
        row(4, { name: '乙', kind: '教职工', unitCode: 'XX', employeeNo: 'T9' }),
        row(5, { name: '丙', kind: '教职工', unitCode: 'XX', employeeNo: 'T9' }),
      ],
      units,
      mayManage,
    );
    expect(problems).toEqual([
      { row: 2, reasons: ['姓名不能为空', '类别"校长"无效，应为 教职工、学生 或 外包人员', '单位代码"NOPE"不存在或不在您的管辖范围内', '手机号"123"格式不正确'] },
      { row: 3, reasons: ['您无权维护单位"JD"的人员'] },
      { row: 5, reasons: ['工号/学号与第 4 行重复'] },
    ]);
  });
});
