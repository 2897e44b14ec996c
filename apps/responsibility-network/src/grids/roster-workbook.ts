import { buildReportWorkbook } from '@campus/graphql';
import { gridLevelLabel } from './grid-level';
import { GRID_ROLE_LABELS } from './grid-role';
import { GridRosterRow } from './grid.types';

export const ROSTER_SHEET_NAME = '网格公示';
export const ROSTER_HEADERS = ['网格', '级别', '职责', '姓名', '联系电话'];

/** The 公示 workbook: a title row naming the unit and the day, the headers, one row per person and role. */
export function buildRosterWorkbook(unitName: string, day: string, rows: GridRosterRow[]): Promise<Buffer> {
  return buildReportWorkbook([
    {
      name: ROSTER_SHEET_NAME,
      title: `${unitName}网格化安全管理责任公示（${day}）`,
      headers: ROSTER_HEADERS,
      widths: [24, 8, 14, 12, 18],
      rows: rows.map((row) => [row.gridName, gridLevelLabel(row.level), GRID_ROLE_LABELS[row.role], row.personName, row.phone ?? '']),
    },
  ]);
}
