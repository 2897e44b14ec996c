import { IndicatorMetric } from '../appraisal-schemes/appraisal-enums';
import { AutomaticMetric } from '../metrics/metric';
import { countOf, cursorOf, isoOf, rollUp, sourcePage, subtreeRanges } from '../metrics/fact-sql';
import { inSubtree, monthsOf } from './fact-queries';

const DRILL_TYPE_LABELS: Record<string, string> = {
  EVACUATION: '疏散演练',
  FIRE: '消防演练',
  EARTHQUAKE: '防震减灾演练',
  FLOOD: '防汛演练',
  FOOD_POISONING: '食物中毒处置演练',
  PUBLIC_HEALTH: '公共卫生事件处置演练',
  CAMPUS_VIOLENCE: '防范校园侵害演练',
  STAMPEDE: '防踩踏演练',
  OTHER: '其他演练',
};

/**
 * 应急演练次数 (DRILLS_HELD): a count, the emergency drills of every type held (started) by the unit's
 * subtree in the period, as education-drills' drill.held events report them. Planned or cancelled drills
 * do not count. A requirement such as "a 疏散演练 each term" is a scheme's scoring rule on this count
 * (e.g. bands: ≥ 2 a year full marks), not a different figure: terms (spring 2–7, autumn 8–1) do not
 * line up with appraisal periods, and a count stays exact for every whole-month period.
 * Sources: the drills held, by time held.
 */
export const DRILLS_HELD_METRIC: AutomaticMetric = {
  code: IndicatorMetric.DRILLS_HELD,
  name: '应急演练次数',
  kind: 'COUNT',
  higherIsBetter: true,

  async values(manager, units, period) {
    if (!units.length) return new Map();
    const scope = subtreeRanges('d.org_path', units);
    const rows: { org_path: string; held: string }[] = await manager.query(
      `SELECT d.org_path, COUNT(*) AS held FROM education_drill_fact d
       WHERE ${scope.sql} AND d.held_month BETWEEN ? AND ? GROUP BY d.org_path`,
      [...scope.params, ...monthsOf(period)],
    );
    const totals = rollUp(units, rows, ['held']);
    return new Map(units.map((unit) => [unit.id, countOf(totals.get(unit.id)!.held)]));
  },

  async sources(manager, unit, period, first, after) {
    const cursor = cursorOf(after, 2);
    const rows: { id: string; org_unit_id: string; drill_type: string; scenario: string; held_at: Date; score: string | null }[] = await manager.query(
      `SELECT d.id, d.org_unit_id, d.drill_type, d.scenario, d.held_at, d.score FROM education_drill_fact d
       WHERE ${inSubtree('d.org_path')} AND d.held_month BETWEEN ? AND ?
         ${cursor ? 'AND (d.held_at > ? OR (d.held_at = ? AND d.id > ?))' : ''}
       ORDER BY d.held_at, d.id LIMIT ?`,
      [unit.path, unit.path, ...monthsOf(period), ...(cursor ? [new Date(cursor[0]), new Date(cursor[0]), cursor[1]] : []), first + 1],
    );
    return sourcePage(rows, first, (row) => [new Date(row.held_at).toISOString(), row.id], (row) => ({
      kind: 'DRILL',
      id: row.id,
      label: `${DRILL_TYPE_LABELS[row.drill_type] ?? row.drill_type}：${row.scenario}`,
      orgUnitId: row.org_unit_id,
      at: isoOf(row.held_at),
      counted: row.score === null ? '已举行（未评估）' : `已举行（评估 ${Number(row.score)} 分）`,
    }));
  },
};
