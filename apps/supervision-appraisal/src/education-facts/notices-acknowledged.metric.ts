import { IndicatorMetric } from '../appraisal-schemes/appraisal-enums';
import { AutomaticMetric } from '../metrics/metric';
import { cursorOf, isoOf, rateOf, rollUp, sourcePage, subtreeRanges } from '../metrics/fact-sql';
import { inSubtree, monthsOf } from './fact-queries';

/**
 * 家校告知确认率 (NOTICES_ACKNOWLEDGED): of the recipients (students whose guardians are to acknowledge) in
 * the unit's subtree of the home-school notices sent in the period, the share acknowledged so far, by link
 * or paper slip. denominator = Σ recipients per unit from education-drills' notice.sent, numerator = Σ
 * acknowledgements (notice.acknowledged) of those notices in those units, never above the recipients;
 * null when no notice was sent to the subtree in the period.
 * Sources: each notice per recipient unit, with its acknowledged / recipients.
 */
export const NOTICES_ACKNOWLEDGED_METRIC: AutomaticMetric = {
  code: IndicatorMetric.NOTICES_ACKNOWLEDGED,
  name: '家校告知确认率',
  kind: 'RATE',
  higherIsBetter: true,

  async values(manager, units, period) {
    if (!units.length) return new Map();
    const scope = subtreeRanges('n.org_path', units);
    const rows: { org_path: string; recipients: string; acknowledged: string }[] = await manager.query(
      `SELECT n.org_path, SUM(n.recipients) AS recipients, SUM(LEAST(n.acknowledged, n.recipients)) AS acknowledged FROM education_notice_fact n
       WHERE ${scope.sql} AND n.sent_month BETWEEN ? AND ? GROUP BY n.org_path`,
      [...scope.params, ...monthsOf(period)],
    );
    const totals = rollUp(units, rows, ['recipients', 'acknowledged']);
    return new Map(units.map((unit) => [unit.id, rateOf(totals.get(unit.id)!.acknowledged, totals.get(unit.id)!.recipients)]));
  },

  async sources(manager, unit, period, first, after) {
    const cursor = cursorOf(after, 3);
    const rows: { notice_id: string; org_unit_id: string; title: string; sent_at: Date; recipients: number; acknowledged: number }[] = await manager.query(
      `SELECT n.notice_id, n.org_unit_id, n.title, n.sent_at, n.recipients, LEAST(n.acknowledged, n.recipients) AS acknowledged
       FROM education_notice_fact n
       WHERE ${inSubtree('n.org_path')} AND n.sent_month BETWEEN ? AND ?
         ${cursor ? 'AND (n.sent_at > ? OR (n.sent_at = ? AND (n.notice_id > ? OR (n.notice_id = ? AND n.org_unit_id > ?))))' : ''}
       ORDER BY n.sent_at, n.notice_id, n.org_unit_id LIMIT ?`,
      [
        unit.path,
        unit.path,
        ...monthsOf(period),
        ...(cursor ? [new Date(cursor[0]), new Date(cursor[0]), cursor[1], cursor[1], cursor[2]] : []),
        first + 1,
      ],
    );
    return sourcePage(rows, first, (row) => [new Date(row.sent_at).toISOString(), row.notice_id, row.org_unit_id], (row) => ({
      kind: 'NOTICE',
      id: row.notice_id,
      label: row.title,
      orgUnitId: row.org_unit_id,
      at: isoOf(row.sent_at),
      counted: `已确认 ${Number(row.acknowledged)}/${Number(row.recipients)}`,
    }));
  },
};
