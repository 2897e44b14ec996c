import { IndicatorMetric } from '../appraisal-schemes/appraisal-enums';
import { AutomaticMetric } from '../metrics/metric';
import { cursorOf, isoOf, rateOf, rollUp, sourcePage, subtreeRanges } from '../metrics/fact-sql';
import { inSubtree, monthsOf } from './fact-queries';

/**
 * 应知应会测试合格率 (QUIZ_PASS_RATE): over the people of the unit's subtree who took a safety knowledge
 * quiz, the share who passed it. Counted per quiz and person (retakes are one entry, passed if any attempt
 * passed): denominator = (quiz, person) pairs first graded in the period (education-drills'
 * quiz.attempt-graded, or quiz.passed for passes published before it), numerator = those of them passed by
 * the end of the period. The person counts in the unit they were in when first graded.
 * Over takers, not the population: quizzes are for audiences (staff only, one college …) this service does
 * not know, and whether people took part is what EDUCATION_COVERAGE measures.
 * Sources: the (quiz, person) entries, passed or not.
 */
export const QUIZ_PASS_RATE_METRIC: AutomaticMetric = {
  code: IndicatorMetric.QUIZ_PASS_RATE,
  name: '应知应会测试合格率',
  kind: 'RATE',
  higherIsBetter: true,

  async values(manager, units, period) {
    if (!units.length) return new Map();
    const scope = subtreeRanges('q.org_path', units);
    const [fromMonth, toMonth] = monthsOf(period);
    const rows: { org_path: string; graded: string; passed: string | null }[] = await manager.query(
      `SELECT q.org_path, COUNT(*) AS graded, SUM(q.passed_month <= ?) AS passed FROM education_quiz_fact q
       WHERE ${scope.sql} AND q.graded_month BETWEEN ? AND ? GROUP BY q.org_path`,
      [toMonth, ...scope.params, fromMonth, toMonth],
    );
    const totals = rollUp(units, rows, ['graded', 'passed']);
    return new Map(units.map((unit) => [unit.id, rateOf(totals.get(unit.id)!.passed, totals.get(unit.id)!.graded)]));
  },

  async sources(manager, unit, period, first, after) {
    const cursor = cursorOf(after, 2);
    const [fromMonth, toMonth] = monthsOf(period);
    const rows: { quiz_id: string; person_id: string; org_unit_id: string; topic: string; best_score: string; attempts: number; first_graded_at: Date; passed: number }[] =
      await manager.query(
        `SELECT q.quiz_id, q.person_id, q.org_unit_id, q.topic, q.best_score, q.attempts, q.first_graded_at, COALESCE(q.passed_month <= ?, 0) AS passed
         FROM education_quiz_fact q
         WHERE ${inSubtree('q.org_path')} AND q.graded_month BETWEEN ? AND ?
           ${cursor ? 'AND (q.quiz_id > ? OR (q.quiz_id = ? AND q.person_id > ?))' : ''}
         ORDER BY q.quiz_id, q.person_id LIMIT ?`,
        [toMonth, unit.path, unit.path, fromMonth, toMonth, ...(cursor ? [cursor[0], cursor[0], cursor[1]] : []), first + 1],
      );
    return sourcePage(rows, first, (row) => [row.quiz_id, row.person_id], (row) => ({
      kind: 'QUIZ',
      id: row.quiz_id,
      label: `${row.topic}测验 · 人员 ${row.person_id} · 最高 ${Number(row.best_score)} 分`,
      orgUnitId: row.org_unit_id,
      at: isoOf(row.first_graded_at),
      counted: Number(row.passed) ? '合格' : '不合格',
    }));
  },
};
