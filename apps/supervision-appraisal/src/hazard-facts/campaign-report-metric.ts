import { decodeCursor } from '@campus/graphql';
import { EntityManager } from 'typeorm';
import { AutomaticMetric, MetricPeriod, MetricSourcePage, MetricUnit, MetricValue } from '../metrics/metric';
import { asOfOf, rateOf, rollUp, sourcePage, subtreeRange, subtreeRanges } from '../metrics/fact-sql';

/**
 * Reports owed in the period: report dates of the period that are past on the as-of day (on the date itself
 * a report is still on time), or already submitted by it.
 */
function owed(period: MetricPeriod): { sql: string; params: unknown[] } {
  const asOf = asOfOf(period);
  return {
    sql: 'r.report_date >= ? AND r.report_date <= ? AND (r.report_date < ? OR (r.submitted_at IS NOT NULL AND r.submitted_at < ?))',
    params: [period.from, period.to, asOf.day, asOf.instant],
  };
}

const onTime = '(r.submitted_at IS NOT NULL AND r.on_time = 1)';

/**
 * 统计表按时报送率 = reports submitted on time ÷ reports owed: each reporting unit of a published 专项整治
 * owes its 隐患问题统计表 on each report date; those of the period count once the date is past (or when
 * submitted), on time when submitted on or before the date. A unit answers for the reports of its subtree.
 */
export const CAMPAIGN_REPORTS_ON_TIME: AutomaticMetric = {
  code: 'CAMPAIGN_REPORTS_ON_TIME',
  name: '统计表按时报送率',
  kind: 'RATE',
  higherIsBetter: true,

  async values(manager: EntityManager, units: readonly MetricUnit[], period: MetricPeriod): Promise<Map<string, MetricValue>> {
    const [ranges, due] = [subtreeRanges('r.org_path', units), owed(period)];
    const rows: { org_path: string; total: string; hits: string }[] = await manager.query(
      `SELECT r.org_path, COUNT(*) AS total, SUM(${onTime}) AS hits FROM campaign_report_fact r WHERE ${ranges.sql} AND ${due.sql} GROUP BY r.org_path`,
      [...ranges.params, ...due.params],
    );
    const totals = rollUp(units, rows, ['total', 'hits']);
    return new Map(units.map((unit) => [unit.id, rateOf(totals.get(unit.id)!.hits, totals.get(unit.id)!.total)]));
  },

  async sources(manager: EntityManager, unit: MetricUnit, period: MetricPeriod, first: number, after: string | null): Promise<MetricSourcePage> {
    const [range, due] = [subtreeRange('r.org_path', unit), owed(period)];
    // Keyset on [report date, campaign id|unit id]: the row's key, since a campaign owes one report per unit and date.
    const cursor = decodeCursor(after, 2);
    const page = cursor
      ? { sql: "(r.report_date > ? OR (r.report_date = ? AND CONCAT(r.campaign_id, '|', r.org_unit_id) > ?))", params: [cursor[0], cursor[0], cursor[1]] }
      : { sql: '1 = 1', params: [] };
    const rows: { campaign_id: string; org_unit_id: string; report_date: string; campaign_title: string; report_id: string | null; submitted_at: Date | null; hit: string }[] =
      await manager.query(
        `SELECT r.campaign_id, r.org_unit_id, r.report_date, r.campaign_title, r.report_id, r.submitted_at, ${onTime} AS hit FROM campaign_report_fact r
          WHERE ${range.sql} AND ${due.sql} AND ${page.sql} ORDER BY r.report_date, r.campaign_id, r.org_unit_id LIMIT ?`,
        [...range.params, ...due.params, ...page.params, first + 1],
      );
    return sourcePage(rows, first, (row) => [row.report_date, `${row.campaign_id}|${row.org_unit_id}`], (row) => ({
      kind: 'CAMPAIGN_REPORT',
      id: row.report_id ?? `${row.campaign_id}|${row.org_unit_id}|${row.report_date}`,
      label: `${row.campaign_title} ${row.report_date} 统计表`,
      orgUnitId: row.org_unit_id,
      at: row.report_date,
      counted: Number(row.hit) ? '按时报送' : row.submitted_at ? '逾期报送' : '未报送',
    }));
  },
};
