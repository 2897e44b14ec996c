import type ExcelJS from 'exceljs';
import { exceljs } from '@campus/graphql';
import { QuizQuestionKind } from './quiz-enums';
import { checkQuestion, CheckedQuestion } from './quiz-questions';

export const MAX_SHEET_ROWS = 2000;

/** The sheet's columns by their Chinese headers (first row); 选项C–F and 解析 may be left out. */
export const QUESTION_COLUMNS = ['题型', '题干', '选项A', '选项B', '选项C', '选项D', '选项E', '选项F', '答案', '解析'] as const;
const REQUIRED = ['题型', '题干', '答案'];

const KIND_WORDS: Record<string, QuizQuestionKind> = {
  单选: QuizQuestionKind.SINGLE,
  单选题: QuizQuestionKind.SINGLE,
  单项选择题: QuizQuestionKind.SINGLE,
  多选: QuizQuestionKind.MULTIPLE,
  多选题: QuizQuestionKind.MULTIPLE,
  多项选择题: QuizQuestionKind.MULTIPLE,
  判断: QuizQuestionKind.TRUE_FALSE,
  判断题: QuizQuestionKind.TRUE_FALSE,
};

export class QuestionSheetError extends Error {}

export interface SheetRow {
  row: number;
  values: Record<string, string>;
}

export interface RowProblem {
  row: number;
  reasons: string[];
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return String(value.result ?? '');
  }
  return String(value).trim();
}

/** The data rows of the first sheet, by header, with their row numbers (the header is row 1); blank rows dropped. */
export async function readQuestionSheet(content: Buffer): Promise<SheetRow[]> {
  const workbook = new (exceljs().Workbook)();
  try {
    await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  } catch {
    throw new QuestionSheetError('无法读取 Excel 文件，请使用 .xlsx 格式');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) throw new QuestionSheetError('Excel 文件中没有工作表或内容');
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).map((value) => cellText(value).trim());
  const missing = REQUIRED.filter((title) => !header.includes(title));
  if (missing.length) throw new QuestionSheetError(`缺少列：${missing.join('、')}（第一行应为表头：${QUESTION_COLUMNS.join('、')}）`);
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const cells = row.values as ExcelJS.CellValue[];
    const values = Object.fromEntries(QUESTION_COLUMNS.map((title) => [title, header.includes(title) ? cellText(cells[header.indexOf(title)]).trim() : '']));
    if (Object.values(values).some((value) => value !== '')) rows.push({ row: number, values });
  });
  return rows;
}

/** Every row checked on its own and against the bank and the sheet's other rows (a stem twice), so the report names all rejected rows. */
export function checkSheetRows(rows: SheetRow[], stemsInBank: Set<string>): { questions: CheckedQuestion[]; problems: RowProblem[] } {
  const questions: CheckedQuestion[] = [];
  const problems: RowProblem[] = [];
  const firstRowOfStem = new Map<string, number>();
  for (const { row, values } of rows) {
    const kind = KIND_WORDS[values['题型']];
    const reasons: string[] = [];
    if (!kind) reasons.push(`题型"${values['题型']}"无效，应为 单选、多选 或 判断`);
    const options = ['选项A', '选项B', '选项C', '选项D', '选项E', '选项F'].map((title) => values[title]);
    const checked = kind ? checkQuestion({ kind, stem: values['题干'], options, answer: values['答案'], explanation: values['解析'] || null }) : null;
    reasons.push(...(checked?.reasons ?? []));
    const stem = values['题干'].trim();
    if (stem && stemsInBank.has(stem)) reasons.push('题库中已有相同题干的题目');
    const first = firstRowOfStem.get(stem);
    if (stem && first !== undefined) reasons.push(`题干与第 ${first} 行重复`);
    else if (stem) firstRowOfStem.set(stem, row);
    if (reasons.length || !checked?.question) problems.push({ row, reasons });
    else questions.push(checked.question);
  }
  return { questions, problems };
}
