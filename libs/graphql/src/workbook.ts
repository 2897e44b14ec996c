import { Workbook } from 'exceljs';
import { ExportFile } from './export-file';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type Cell = string | number | Date | null;

/** One sheet of a report: a bold merged title row, a bold header row, then the rows. */
export interface ReportSheet {
  name: string;
  title: string;
  headers: string[];
  /** Column widths in characters, one per header. */
  widths: number[];
  rows: Cell[][];
}

export async function buildReportWorkbook(sheets: ReportSheet[]): Promise<Buffer> {
  const workbook = new Workbook();
  for (const report of sheets) {
    const sheet = workbook.addWorksheet(report.name);
    sheet.columns = report.widths.map((width) => ({ width }));
    sheet.addRow([report.title]);
    sheet.mergeCells(1, 1, 1, report.headers.length);
    sheet.getRow(1).font = { bold: true, size: 14 };
    sheet.getRow(1).alignment = { horizontal: 'center' };
    sheet.addRow(report.headers).font = { bold: true };
    for (const row of report.rows) sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function xlsxExport(filename: string, sheets: ReportSheet[]): Promise<ExportFile> {
  return { filename, contentType: XLSX_CONTENT_TYPE, base64: (await buildReportWorkbook(sheets)).toString('base64') };
}
