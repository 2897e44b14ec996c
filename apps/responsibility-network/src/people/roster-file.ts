import type ExcelJS from 'exceljs';
import { exceljs } from '@campus/graphql';

/** The columns of a roster file (花名册), by their Chinese headers. */
export const ROSTER_COLUMNS = {
  name: '姓名',
  kind: '类别',
  unitCode: '单位代码',
  employeeNo: '工号/学号',
  position: '职务',
  phone: '手机号',
} as const;

export type RosterField = keyof typeof ROSTER_COLUMNS;

/** One data row as read: every field a trimmed string ('' when empty), and its row number in the file. */
export interface RosterRow {
  row: number;
  values: Record<RosterField, string>;
}

export class RosterFileError extends Error {}

const FIELDS = Object.keys(ROSTER_COLUMNS) as RosterField[];

function rowsFromTable(table: string[][], firstRowNumber = 1): RosterRow[] {
  const [header, ...data] = table;
  if (!header) throw new RosterFileError('文件为空');
  const positions = new Map(header.map((title, index) => [title.trim(), index]));
  const missing = FIELDS.filter((field) => !positions.has(ROSTER_COLUMNS[field]) && field !== 'position' && field !== 'phone');
  if (missing.length) {
    throw new RosterFileError(`缺少列：${missing.map((field) => ROSTER_COLUMNS[field]).join('、')}（第一行应为表头）`);
  }
  return data
    .map((cells, index) => ({
      row: firstRowNumber + index + 1,
      values: Object.fromEntries(
        FIELDS.map((field) => {
          const position = positions.get(ROSTER_COLUMNS[field]);
          return [field, position === undefined ? '' : (cells[position] ?? '').trim()];
        }),
      ) as Record<RosterField, string>,
    }))
    .filter((row) => FIELDS.some((field) => row.values[field] !== ''));
}

/** RFC 4180 CSV (quotes, doubled quotes, CRLF or LF), UTF-8 with or without BOM. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const input = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i++) {
    const char = input[i];
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && input[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return String(value.result ?? '');
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if (value instanceof Date) return value.toISOString().slice(0, 10);
  }
  return String(value);
}

export async function readRosterFile(format: 'XLSX' | 'CSV', content: Buffer): Promise<RosterRow[]> {
  if (format === 'CSV') return rowsFromTable(parseCsv(content.toString('utf8')));
  const workbook = new (exceljs().Workbook)();
  try {
    await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  } catch {
    throw new RosterFileError('无法读取 Excel 文件，请使用 .xlsx 格式');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new RosterFileError('Excel 文件中没有工作表');
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values = row.values as ExcelJS.CellValue[];
    table.push(values.slice(1).map(cellText));
  });
  return rowsFromTable(table);
}
