import { IndicatorMetric } from '../appraisal-schemes/appraisal-enums';
import { AutomaticMetric, MetricPeriod } from '../metrics/metric';
import { cursorOf, isoOf, rateOf, rollUp, sourcePage, subtreeRanges } from '../metrics/fact-sql';
import { inSubtree, periodEnd } from './fact-queries';

function yearsOf(period: MetricPeriod): [number, number] {
  return [Number(period.from.slice(0, 4)), Number(period.to.slice(0, 4))];
}

/**
 * 责任书签订率 (LETTERS_SIGNED): of the safety responsibility letters (安全责任书) of the period's year(s)
 * issued to units of the subtree and not revoked, the share signed by the end of the period.
 * denominator = letters (any letter event makes a letter known as issued) not revoked; numerator = those
 * signed before the period's end (a letter signed later, or only expired, is not signed); null when none.
 * Sources: the letters counted, signed or not.
 */
export const LETTERS_SIGNED_METRIC: AutomaticMetric = {
  code: IndicatorMetric.LETTERS_SIGNED,
  name: '责任书签订率',
  kind: 'RATE',
  higherIsBetter: true,

  async values(manager, units, period) {
    if (!units.length) return new Map();
    const scope = subtreeRanges('l.org_path', units);
    const rows: { org_path: string; issued: string; signed: string | null }[] = await manager.query(
      `SELECT l.org_path, COUNT(*) AS issued, SUM(l.signed_at IS NOT NULL AND l.signed_at < ?) AS signed FROM education_letter_fact l
       WHERE ${scope.sql} AND l.year BETWEEN ? AND ? AND l.revoked = FALSE GROUP BY l.org_path`,
      [periodEnd(period), ...scope.params, ...yearsOf(period)],
    );
    const totals = rollUp(units, rows, ['issued', 'signed']);
    return new Map(units.map((unit) => [unit.id, rateOf(totals.get(unit.id)!.signed, totals.get(unit.id)!.issued)]));
  },

  async sources(manager, unit, period, first, after) {
    const cursor = cursorOf(after, 1);
    const end = periodEnd(period);
    const rows: { id: string; title: string; recipient_unit_id: string; signed_at: Date | null; expired: number }[] = await manager.query(
      `SELECT l.id, l.title, l.recipient_unit_id, l.signed_at, l.expired FROM education_letter_fact l
       WHERE ${inSubtree('l.org_path')} AND l.year BETWEEN ? AND ? AND l.revoked = FALSE ${cursor ? 'AND l.id > ?' : ''}
       ORDER BY l.id LIMIT ?`,
      [unit.path, unit.path, ...yearsOf(period), ...(cursor ? [cursor[0]] : []), first + 1],
    );
    return sourcePage(rows, first, (row) => [row.id], (row) => {
      const signed = row.signed_at !== null && new Date(row.signed_at) < end;
      return {
        kind: 'LETTER',
        id: row.id,
        label: row.title,
        orgUnitId: row.recipient_unit_id,
        at: signed ? isoOf(row.signed_at) : null,
        counted: signed ? '已签订' : row.expired ? '已过期未签订' : '未签订',
      };
    });
  },
};
