import { Workbook } from 'exceljs';
import { HAZARD_CATEGORY_LABELS } from '../hazards/hazard-enums';
import { addDays } from '../escalation/escalation-tiers';
import { rectificationRate } from './campaign-rules';
import { StatisticsLine, totalFigures } from './campaign-statistics';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const STATISTICS_SHEET_NAME = '隐患问题统计表';
export const STATISTICS_HEADERS = ['单位', '隐患类别', '发现隐患数', '一般隐患', '重大隐患', '已整改', '整改中', '逾期未整改', '整改率'];

export interface StatisticsWorkbookFacts {
  campaignTitle: string;
  documentNumber: string | null;
  scopeName: string | null;
  reportDate: string;
  frozenAt: Date;
  lines: readonly StatisticsLine[];
}

/** 《校园安全专项整治工作隐患问题统计表》: the campaign's title with 工作 once, then the table's name. */
export function statisticsTableTitle(campaignTitle: string): string {
  return `${campaignTitle}${campaignTitle.endsWith('工作') ? '' : '工作'}隐患问题统计表`;
}

const time = (instant: Date) =>
  new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short', hour12: false }).format(instant);

/**
 * The frozen statistics table as a workbook: a title row, a row naming the scope and the cutoff, the
 * Chinese headers, one row per unit and category, and the totals row (合计). Rates are numbers shown as
 * percentages; an empty table's rate is left blank.
 */
export async function buildStatisticsWorkbook(facts: StatisticsWorkbookFacts): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(STATISTICS_SHEET_NAME);
  sheet.columns = [{ width: 24 }, { width: 18 }, { width: 12 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 12 }, { width: 10 }];
  sheet.addRow([statisticsTableTitle(facts.campaignTitle)]);
  sheet.mergeCells(1, 1, 1, STATISTICS_HEADERS.length);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.getRow(1).alignment = { horizontal: 'center' };
  const scope = [
    facts.scopeName ? `范围：${facts.scopeName}` : null,
    facts.documentNumber ? `文号：${facts.documentNumber}` : null,
    `统计截至：${addDays(facts.reportDate, -1)} 24时`,
    `报送日期：${facts.reportDate}`,
    `冻结时间：${time(facts.frozenAt)}`,
  ].filter(Boolean);
  sheet.addRow([scope.join('　')]);
  sheet.mergeCells(2, 1, 2, STATISTICS_HEADERS.length);
  sheet.addRow(STATISTICS_HEADERS).font = { bold: true };

  for (const line of facts.lines) {
    sheet.addRow([
      line.unitName ?? line.orgUnitId,
      HAZARD_CATEGORY_LABELS[line.category] ?? line.category,
      line.found,
      line.general,
      line.major,
      line.rectified,
      line.rectifying,
      line.overdue,
      rectificationRate(line.found, line.rectified),
    ]);
  }
  const totals = totalFigures(facts.lines);
  const totalsRow = sheet.addRow([
    '合计',
    '',
    totals.found,
    totals.general,
    totals.major,
    totals.rectified,
    totals.rectifying,
    totals.overdue,
    totals.rectificationRate,
  ]);
  totalsRow.font = { bold: true };
  sheet.getColumn(STATISTICS_HEADERS.length).numFmt = '0.0%';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** e.g. 校园安全专项整治工作隐患问题统计表-2026-11-22.xlsx */
export function statisticsWorkbookFilename(campaignTitle: string, reportDate: string): string {
  return `${statisticsTableTitle(campaignTitle)}-${reportDate}.xlsx`;
}
