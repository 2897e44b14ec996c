import { INCIDENT_TYPE_LABELS } from '@campus/events';
import { EntityManager } from 'typeorm';
import { AutomaticMetric, MetricPeriod, MetricSourcePage, MetricUnit, MetricValue } from '../metrics/metric';
import { afterKey, asOfOf, countOf, isoOf, rollUp, sourcePage, subtreeRange, subtreeRanges } from '../metrics/fact-sql';

const SEVERITY_LABELS: Record<string, string> = { GENERAL: '一般', LARGER: '较大', MAJOR: '重大', GRAVE: '特别重大' };

/** Occurred on a day of the period, up to the as-of day. */
function occurred(period: MetricPeriod): { sql: string; params: string[] } {
  return { sql: 'i.occurred_on >= ? AND i.occurred_on <= ? AND i.occurred_on <= ?', params: [period.from, period.to, asOfOf(period).day] };
}

/**
 * 安全事件数 (lower is better): incidents (安全事件/事故) of the subtree that occurred on a day of the period, as
 * reported to hazard-tracking, whatever their severity; the sources say each one's severity and casualties.
 */
export const INCIDENTS: AutomaticMetric = {
  code: 'INCIDENTS',
  name: '安全事件数',
  kind: 'COUNT',
  higherIsBetter: false,

  async values(manager: EntityManager, units: readonly MetricUnit[], period: MetricPeriod): Promise<Map<string, MetricValue>> {
    const [ranges, when] = [subtreeRanges('i.org_path', units), occurred(period)];
    const rows: { org_path: string; total: string }[] = await manager.query(
      `SELECT i.org_path, COUNT(*) AS total FROM incident_fact i WHERE ${ranges.sql} AND ${when.sql} GROUP BY i.org_path`,
      [...ranges.params, ...when.params],
    );
    const totals = rollUp(units, rows, ['total']);
    return new Map(units.map((unit) => [unit.id, countOf(totals.get(unit.id)!.total)]));
  },

  async sources(manager: EntityManager, unit: MetricUnit, period: MetricPeriod, first: number, after: string | null): Promise<MetricSourcePage> {
    const [range, when, cursor] = [subtreeRange('i.org_path', unit), occurred(period), afterKey('i.occurred_at', 'i.id', after)];
    const rows: { id: string; org_unit_id: string; type: string; severity: string; occurred_at: Date; deaths: number; injuries: number }[] = await manager.query(
      `SELECT i.id, i.org_unit_id, i.type, i.severity, i.occurred_at, i.deaths, i.injuries FROM incident_fact i
        WHERE ${range.sql} AND ${when.sql} AND ${cursor.sql} ORDER BY i.occurred_at, i.id LIMIT ?`,
      [...range.params, ...when.params, ...cursor.params, first + 1],
    );
    return sourcePage(rows, first, (row) => [isoOf(row.occurred_at)!, row.id], (row) => ({
      kind: 'INCIDENT',
      id: row.id,
      label: `${SEVERITY_LABELS[row.severity] ?? row.severity}安全事件（${INCIDENT_TYPE_LABELS[row.type] ?? row.type}）`,
      orgUnitId: row.org_unit_id,
      at: isoOf(row.occurred_at),
      counted: row.deaths || row.injuries ? `死亡 ${row.deaths} 人，受伤 ${row.injuries} 人` : '无人员伤亡',
    }));
  },
};
