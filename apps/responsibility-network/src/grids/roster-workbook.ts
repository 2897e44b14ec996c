import { Workbook } from 'exceljs';
import { gridLevelLabel } from './grid-level';
import { GRID_ROLE_LABELS } from './grid-role';
import { GridRosterRow } from './grid.types';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const ROSTER_SHEET_NAME = '网格公示';
export const ROSTER_HEADERS = ['网格', '级别', '职责', '姓名', '联系电话'];

/** The 公示 workbook: a title row naming the unit and the day, the headers, one row per person and role. */
export async function buildRosterWorkbook(unitName: string, day: string, rows: GridRosterRow[]): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(ROSTER_SHEET_NAME);
  sheet.columns = [{ width: 24 }, { width: 8 }, { width: 14 }, { width: 12 }, { width: 18 }];
  sheet.addRow([`${unitName}网格化安全管理责任公示（${day}）`]);
  sheet.mergeCells(1, 1, 1, ROSTER_HEADERS.length);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.getRow(1).alignment = { horizontal: 'center' };
  sheet.addRow(ROSTER_HEADERS).font = { bold: true };
  for (const row of rows) {
    sheet.addRow([row.gridName, gridLevelLabel(row.level), GRID_ROLE_LABELS[row.role], row.personName, row.phone ?? '']);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
