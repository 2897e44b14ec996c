import { DataSource, EntityManager } from 'typeorm';
import { HazardCategory, HazardGrade, HazardStatus, OPEN_AFTER_REPORT, RECTIFIED_STATUSES } from '../hazards/hazard-enums';
import { rectificationRate } from './campaign-rules';
import { CampaignFigures, CampaignStatisticsRow, campaignUnit } from './campaign.types';

/** One line of the statistics table (a unit × a hazard category), as computed or as frozen. */
export interface StatisticsLine {
  orgUnitId: string;
  orgPath: string;
  unitName: string | null;
  category: HazardCategory;
  found: number;
  general: number;
  major: number;
  rectified: number;
  rectifying: number;
  overdue: number;
}

export interface StatisticsOptions {
  /** A hazard is overdue when its deadline is before this day (the report date, or today for live figures). */
  overdueBefore: string;
  /** Only hazards discovered before this instant (a report date's cutoff); all when absent. */
  discoveredBefore?: Date;
}

interface LineRow {
  campaign_id: string;
  org_unit_id: string;
  org_path: string;
  unit_name: string | null;
  category: HazardCategory;
  found: string | number;
  major: string | number;
  rectified: string | number;
  overdue: string | number;
}

const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/**
 * The statistics table of each campaign from the hazard table as it is now: the campaign's hazards
 * except voided ones, by unit (the hazard's unit, named from the org projection) and category. The
 * deadline is the rectification plan's (copied onto the hazard). One statement for all campaigns.
 */
export async function statisticsLines(
  source: DataSource | EntityManager,
  campaignIds: readonly string[],
  options: StatisticsOptions,
): Promise<Map<string, StatisticsLine[]>> {
  const byCampaign = new Map<string, StatisticsLine[]>(campaignIds.map((id) => [id, []]));
  if (campaignIds.length === 0) return byCampaign;
  const discovered = options.discoveredBefore ? 'AND h.discovered_at < ?' : '';
  const rows: LineRow[] = await source.query(
    `SELECT h.campaign_id, h.org_unit_id, MAX(h.org_path) AS org_path, MAX(u.name) AS unit_name, h.category,
            COUNT(*) AS found,
            SUM(CASE WHEN h.grade = ? THEN 1 ELSE 0 END) AS major,
            SUM(CASE WHEN h.status IN (${placeholders(RECTIFIED_STATUSES)}) THEN 1 ELSE 0 END) AS rectified,
            SUM(CASE WHEN h.status IN (${placeholders(OPEN_AFTER_REPORT)}) AND COALESCE(p.deadline, h.deadline) < ? THEN 1 ELSE 0 END) AS overdue
       FROM hazard h
       LEFT JOIN hazard_plan p ON p.hazard_id = h.id
       LEFT JOIN org_unit_projection u ON u.id = h.org_unit_id
      WHERE h.campaign_id IN (${placeholders(campaignIds)}) AND h.status <> ? ${discovered}
      GROUP BY h.campaign_id, h.org_unit_id, h.category`,
    [
      HazardGrade.MAJOR,
      ...RECTIFIED_STATUSES,
      ...OPEN_AFTER_REPORT,
      options.overdueBefore,
      ...campaignIds,
      HazardStatus.VOIDED,
      ...(options.discoveredBefore ? [options.discoveredBefore] : []),
    ],
  );
  for (const row of rows) {
    const found = Number(row.found);
    const major = Number(row.major);
    const rectified = Number(row.rectified);
    byCampaign.get(row.campaign_id)?.push({
      orgUnitId: row.org_unit_id,
      orgPath: row.org_path,
      unitName: row.unit_name,
      category: row.category,
      found,
      general: found - major,
      major,
      rectified,
      rectifying: found - rectified,
      overdue: Number(row.overdue),
    });
  }
  for (const lines of byCampaign.values()) lines.sort(compareLines);
  return byCampaign;
}

const CATEGORY_ORDER = Object.values(HazardCategory);
const byName = new Intl.Collator('zh-Hans-CN');

/** By unit name (pinyin order), then category in the order of the enum. */
function compareLines(a: StatisticsLine, b: StatisticsLine): number {
  return (
    byName.compare(a.unitName ?? a.orgUnitId, b.unitName ?? b.orgUnitId) ||
    a.orgUnitId.localeCompare(b.orgUnitId) ||
    CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category)
  );
}

export function toStatisticsRow(line: StatisticsLine): CampaignStatisticsRow {
  return {
    unit: campaignUnit(line.orgUnitId, line.unitName),
    orgPath: line.orgPath,
    category: line.category,
    found: line.found,
    general: line.general,
    major: line.major,
    rectified: line.rectified,
    rectifying: line.rectifying,
    overdue: line.overdue,
    rectificationRate: rectificationRate(line.found, line.rectified),
  };
}

/** The totals line (合计). */
export function totalFigures(lines: readonly StatisticsLine[]): CampaignFigures {
  const sum = (pick: (line: StatisticsLine) => number) => lines.reduce((total, line) => total + pick(line), 0);
  const found = sum((line) => line.found);
  const rectified = sum((line) => line.rectified);
  return {
    found,
    general: sum((line) => line.general),
    major: sum((line) => line.major),
    rectified,
    rectifying: sum((line) => line.rectifying),
    overdue: sum((line) => line.overdue),
    rectificationRate: rectificationRate(found, rectified),
  };
}
