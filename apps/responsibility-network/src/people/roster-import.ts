import { PersonKind } from './person-kind';
import { RosterRow } from './roster-file';

export const MAX_ROSTER_ROWS = 20_000;

const KIND_WORDS: Record<string, PersonKind> = {
  教职工: PersonKind.STAFF,
  教师: PersonKind.STAFF,
  职工: PersonKind.STAFF,
  STAFF: PersonKind.STAFF,
  学生: PersonKind.STUDENT,
  STUDENT: PersonKind.STUDENT,
  外包: PersonKind.CONTRACTOR,
  外包人员: PersonKind.CONTRACTOR,
  驻校人员: PersonKind.CONTRACTOR,
  CONTRACTOR: PersonKind.CONTRACTOR,
};

const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

export interface RosterUnit {
  id: string;
  path: string;
}

export interface RosterPerson {
  row: number;
  name: string;
  kind: PersonKind;
  unit: RosterUnit;
  employeeNo: string | null;
  position: string | null;
  phone: string | null;
}

export interface RosterProblem {
  row: number;
  reasons: string[];
}

/**
 * Checks every row of a roster on its own and against the others (duplicate numbers), so one report
 * names every rejected row with all its reasons.
 */
export function validateRoster(
  rows: RosterRow[],
  unitsByCode: Map<string, RosterUnit>,
  mayManage: (unit: RosterUnit) => boolean,
): { people: RosterPerson[]; problems: RosterProblem[] } {
  const people: RosterPerson[] = [];
  const problems: RosterProblem[] = [];
  const firstRowOfNumber = new Map<string, number>();
  for (const { row, values } of rows) {
    const reasons: string[] = [];
    if (!values.name) reasons.push('姓名不能为空');
    else if (values.name.length > 50) reasons.push('姓名超过 50 个字符');
    const kind = KIND_WORDS[values.kind];
    if (!kind) reasons.push(`类别"${values.kind}"无效，应为 教职工、学生 或 外包人员`);
    const unit = unitsByCode.get(values.unitCode);
    if (!values.unitCode) reasons.push('单位代码不能为空');
    else if (!unit) reasons.push(`单位代码"${values.unitCode}"不存在或不在您的管辖范围内`);
    else if (!mayManage(unit)) reasons.push(`您无权维护单位"${values.unitCode}"的人员`);
    if (values.employeeNo.length > 32) reasons.push('工号/学号超过 32 个字符');
    if (values.employeeNo) {
      const first = firstRowOfNumber.get(values.employeeNo);
      if (first !== undefined) reasons.push(`工号/学号与第 ${first} 行重复`);
      else firstRowOfNumber.set(values.employeeNo, row);
    }
    if (values.position.length > 50) reasons.push('职务超过 50 个字符');
    if (values.phone && !PHONE.test(values.phone)) reasons.push(`手机号"${values.phone}"格式不正确`);
    if (reasons.length || !kind || !unit) {
      problems.push({ row, reasons });
      continue;
    }
    people.push({
      row,
      name: values.name,
      kind,
      unit,
      employeeNo: values.employeeNo || null,
      position: values.position || null,
      phone: values.phone || null,
    });
  }
  return { people, problems };
}
