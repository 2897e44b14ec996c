import type ExcelJS from 'exceljs';
import { exceljs } from '@campus/graphql';

/** The columns of a sign-in sheet (签到表): a person by 人员编号, or by 姓名 and 单位代码 when the number is blank. */
export const SIGN_IN_COLUMNS = { personId: '人员编号', name: '姓名', unitCode: '单位代码' } as const;

export const MAX_SIGN_IN_ROWS = 20_000;

export interface SignInRow {
  row: number;
  personId: string;
  name: string;
  unitCode: string;
}

export class SignInSheetError extends Error {}

/** A person as this service knows them (person_projection). */
export interface KnownPerson {
  id: string;
  name: string;
  kind: string;
  orgUnitId: string;
  orgPath: string;
  active: boolean;
}

export interface SignInLookups {
  peopleById: Map<string, KnownPerson>;
  /** Unit id by code (org_unit_projection). */
  unitsByCode: Map<string, string>;
  /** People of a unit (directly in it) by `${unitId}/${name}`. */
  peopleByUnitAndName: Map<string, KnownPerson[]>;
}

export interface SignInProblem {
  row: number;
  reasons: string[];
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return String(value.result ?? '');
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
  }
  return String(value);
}

/** The data rows of the first sheet; the first row is the header. */
export async function readSignInSheet(content: Buffer): Promise<SignInRow[]> {
  const workbook = new (exceljs().Workbook)();
  try {
    await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  } catch {
    throw new SignInSheetError('无法读取 Excel 文件，请使用 .xlsx 格式');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new SignInSheetError('Excel 文件中没有工作表');
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => table.push((row.values as ExcelJS.CellValue[]).slice(1).map((value) => cellText(value).trim())));
  const [header, ...data] = table;
  if (!header) throw new SignInSheetError('文件为空');
  const position = (title: string) => header.indexOf(title);
  const [idAt, nameAt, codeAt] = [position(SIGN_IN_COLUMNS.personId), position(SIGN_IN_COLUMNS.name), position(SIGN_IN_COLUMNS.unitCode)];
  if (idAt < 0 && (nameAt < 0 || codeAt < 0)) {
    throw new SignInSheetError('缺少列：应有"人员编号"列，或"姓名"与"单位代码"两列（第一行应为表头）');
  }
  const at = (cells: string[], index: number) => (index < 0 ? '' : (cells[index] ?? ''));
  return data
    .map((cells, index) => ({ row: index + 2, personId: at(cells, idAt), name: at(cells, nameAt), unitCode: at(cells, codeAt) }))
    .filter((row) => row.personId || row.name || row.unitCode);
}

/**
 * Finds the person of every row and checks them against the audience, so one report names every rejected
 * row with all its reasons; the same person twice is refused as well.
 */
export function validateSignInRows(
  rows: SignInRow[],
  lookups: SignInLookups,
  inAudience: (person: KnownPerson) => boolean,
): { people: KnownPerson[]; problems: SignInProblem[] } {
  const people: KnownPerson[] = [];
  const problems: SignInProblem[] = [];
  const firstRowOf = new Map<string, number>();
  for (const row of rows) {
    const reasons: string[] = [];
    let person: KnownPerson | undefined;
    if (row.personId) {
      person = lookups.peopleById.get(row.personId);
      if (!person) reasons.push(`人员编号"${row.personId}"不存在`);
      else if (row.name && row.name !== person.name) reasons.push(`人员编号"${row.personId}"对应的姓名是"${person.name}"，不是"${row.name}"`);
    } else if (!row.name || !row.unitCode) {
      reasons.push('应填写人员编号，或同时填写姓名与单位代码');
    } else {
      const unitId = lookups.unitsByCode.get(row.unitCode);
      const namesakes = unitId ? (lookups.peopleByUnitAndName.get(`${unitId}/${row.name}`) ?? []) : [];
      if (!unitId) reasons.push(`单位代码"${row.unitCode}"不存在`);
      else if (namesakes.length === 0) reasons.push(`单位"${row.unitCode}"没有名为"${row.name}"的人员`);
      else if (namesakes.length > 1) reasons.push(`单位"${row.unitCode}"有 ${namesakes.length} 名"${row.name}"，请填写人员编号`);
      else person = namesakes[0];
    }
    if (person) {
      if (!person.active) reasons.push(`"${person.name}"已停用`);
      else if (!inAudience(person)) reasons.push(`"${person.name}"不在本次活动的参加对象范围内`);
      const first = firstRowOf.get(person.id);
      if (first !== undefined) reasons.push(`与第 ${first} 行是同一人`);
      else firstRowOf.set(person.id, row.row);
    }
    if (reasons.length || !person) problems.push({ row: row.row, reasons });
    else people.push(person);
  }
  return { people, problems };
}
