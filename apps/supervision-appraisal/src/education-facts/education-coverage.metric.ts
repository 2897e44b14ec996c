import { IndicatorMetric } from '../appraisal-schemes/appraisal-enums';
import { AutomaticMetric } from '../metrics/metric';
import { cursorOf, rateOf, rollUp, sourcePage, subtreeRanges } from '../metrics/fact-sql';
import { inSubtree, monthsOf } from './fact-queries';

const KIND_LABELS: Record<string, string> = { STUDENT: '学生', STAFF: '教职工', CONTRACTOR: '外包/驻校人员' };

/**
 * "Person p attended at least one activity in the period's months": one probe of the (org_path, person_id,
 * month) key, in the order people are read (attendance rows carry their person's current path), so the
 * probes walk the index instead of jumping across it; forced, as MariaDB would pick the primary key.
 */
const ATTENDED = `EXISTS (SELECT 1 FROM education_attendance_fact a FORCE INDEX (ix_education_attendance_fact_path)
  WHERE a.org_path = p.org_path AND a.person_id = p.id AND a.month BETWEEN ? AND ?)`;

/**
 * 安全教育覆盖率 (EDUCATION_COVERAGE): of the people active now in the unit's subtree (every kind: students,
 * staff, contractors — 全员安全教育), the share who attended at least one safety education activity held
 * in the period (its months, school time), as recorded by education-drills' attendance events.
 * numerator = people covered, denominator = active people; null when the subtree has nobody.
 * A person counts where they are now (a student who changed class counts in the new class).
 * Sources: the people not covered, by id and unit (no names are kept here), in (path, id) order.
 */
export const EDUCATION_COVERAGE_METRIC: AutomaticMetric = {
  code: IndicatorMetric.EDUCATION_COVERAGE,
  name: '安全教育覆盖率',
  kind: 'RATE',
  higherIsBetter: true,

  async values(manager, units, period) {
    if (!units.length) return new Map();
    const scope = subtreeRanges('p.org_path', units);
    const rows: { org_path: string; population: string; covered: string | null }[] = await manager.query(
      `SELECT p.org_path, COUNT(*) AS population, SUM(${ATTENDED}) AS covered
       FROM education_person_fact p FORCE INDEX (ix_education_person_fact_scope)
       WHERE ${scope.sql} AND p.active = TRUE GROUP BY p.org_path`,
      [...monthsOf(period), ...scope.params],
    );
    const totals = rollUp(units, rows, ['population', 'covered']);
    return new Map(units.map((unit) => [unit.id, rateOf(totals.get(unit.id)!.covered, totals.get(unit.id)!.population)]));
  },

  async sources(manager, unit, period, first, after) {
    const cursor = cursorOf(after, 2);
    const rows: { id: string; org_unit_id: string; org_path: string; kind: string | null }[] = await manager.query(
      `SELECT p.id, p.org_unit_id, p.org_path, p.kind FROM education_person_fact p
       WHERE p.active = TRUE AND ${inSubtree('p.org_path')} AND NOT ${ATTENDED}
         ${cursor ? 'AND (p.org_path > ? OR (p.org_path = ? AND p.id > ?))' : ''}
       ORDER BY p.org_path, p.id LIMIT ?`,
      [unit.path, unit.path, ...monthsOf(period), ...(cursor ? [cursor[0], cursor[0], cursor[1]] : []), first + 1],
    );
    return sourcePage(rows, first, (row) => [row.org_path, row.id], (row) => ({
      kind: 'PERSON',
      id: row.id,
      label: `${KIND_LABELS[row.kind ?? ''] ?? '人员'} ${row.id}`,
      orgUnitId: row.org_unit_id,
      at: null,
      counted: '未覆盖',
    }));
  },
};
