import { buildReportWorkbook, SCHOOL_TIME_ZONE } from '@campus/graphql';
import { HAZARD_CATEGORY_LABELS } from '../hazards/hazard-enums';
import { addDays } from '../escalation/escalation-tiers';
import { rectificationRate } from './campaign-rules';
import { StatisticsLine, totalFigures } from './campaign-statistics';

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

const SHORT_TIME = new Intl.DateTimeFormat('zh-CN', { timeZone: SCHOOL_TIME_ZONE, dateStyle: 'short', timeStyle: 'short', hour12: false });
const time = (instant: Date) => SHORT_TIME.format(instant);

/**
 * The frozen statistics table as a workbook: a title row, a row naming the scope and the cutoff, the
 * Chinese headers, one row per unit and category, and the totals row (合计). Rates are numbers shown as
 * percentages; an empty table's rate is left blank.
 */
export function buildStatisticsWorkbook(facts: StatisticsWorkbookFacts): Promise<Buffer> {
  const scope = [
    facts.scopeName ? `范围：${facts.scopeName}` : null,
    facts.documentNumber ? `文号：${facts.documentNumber}` : null,
    `统计截至：${addDays(facts.reportDate, -1)} 24时`,
    `报送日期：${facts.reportDate}`,
    `冻结时间：${time(facts.frozenAt)}`,
  ].filter(Boolean);
  const totals = totalFigures(facts.lines);
  return buildReportWorkbook([
    {
      name: STATISTICS_SHEET_NAME,
      title: statisticsTableTitle(facts.campaignTitle),
      subtitle: scope.join('　'),
      headers: STATISTICS_HEADERS,
      widths: [24, 18, 12, 10, 10, 10, 10, 12, 10],
      rows: facts.lines.map((line) => [
        line.unitName ?? line.orgUnitId,
        HAZARD_CATEGORY_LABELS[line.category] ?? line.category,
        line.found,
        line.general,
        line.major,
        line.rectified,
        line.rectifying,
        line.overdue,
        rectificationRate(line.found, line.rectified),
      ]),
      totals: ['合计', '', totals.found, totals.general, totals.major, totals.rectified, totals.rectifying, totals.overdue, totals.rectificationRate],
      numberFormats: { [STATISTICS_HEADERS.length]: '0.0%' },
    },
  ]);
}

/** e.g. 校园安全专项整治工作隐患问题统计表-2026-11-22.xlsx */
export function statisticsWorkbookFilename(campaignTitle: string, reportDate: string): string {
  return `${statisticsTableTitle(campaignTitle)}-${reportDate}.xlsx`;
}
