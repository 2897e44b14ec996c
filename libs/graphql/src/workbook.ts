import { exceljs } from './excel';
import { ExportFile } from './export-file';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type Cell = string | number | Date | null;

/** One sheet of a report: a bold merged title row, an optional merged subtitle row, a bold header row, the rows, an optional bold totals row. */
export interface ReportSheet {
  name: string;
  title: string;
  subtitle?: string;
  headers: string[];
  /** Column widths in characters, one per header. */
  widths: number[];
  rows: Cell[][];
  totals?: Cell[];
  /** Excel number formats by column (1-based), e.g. { 9: '0.0%' }. */
  numberFormats?: Record<number, string>;
}

export async function buildReportWorkbook(sheets: ReportSheet[]): Promise<Buffer> {
  const workbook = new (exceljs().Workbook)();
  for (const report of sheets) {
    const sheet = workbook.addWorksheet(report.name);
    sheet.columns = report.widths.map((width) => ({ width }));
    sheet.addRow([report.title]);
    sheet.mergeCells(1, 1, 1, report.headers.length);
    sheet.getRow(1).font = { bold: true, size: 14 };
    sheet.getRow(1).alignment = { horizontal: 'center' };
    if (report.subtitle) {
      sheet.addRow([report.subtitle]);
      sheet.mergeCells(2, 1, 2, report.headers.length);
    }
    sheet.addRow(report.headers).font = { bold: true };
    for (const row of report.rows) sheet.addRow(row);
    if (report.totals) sheet.addRow(report.totals).font = { bold: true };
    for (const [column, format] of Object.entries(report.numberFormats ?? {})) sheet.getColumn(Number(column)).numFmt = format;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function xlsxExport(filename: string, sheets: ReportSheet[]): Promise<ExportFile> {
  return { filename, contentType: XLSX_CONTENT_TYPE, base64: (await buildReportWorkbook(sheets)).toString('base64') };
}
