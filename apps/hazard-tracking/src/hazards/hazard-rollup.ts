import { calendarDateOf, schoolDayEnd } from '@campus/graphql';
import { EntityManager } from 'typeorm';
import { HazardCategory, HazardGrade, HazardStatus } from './hazard-enums';
import { HazardEntity } from './hazard.entity';

/**
 * hazard_monthly: per unit (org_path) and month of discovery (Asia/Shanghai), the counters OrgUnit.hazardStats
 * sums for whole months instead of reading every hazard. Kept in the same transaction as each change by
 * recordHazardChange; its org_path follows moved units like the hazard's own (SCOPED_TABLES).
 */
export const HAZARD_MONTHLY = 'hazard_monthly';

export const statusCounter = (status: HazardStatus) => `status_${status.toLowerCase()}`;
export const categoryCounter = (category: HazardCategory) => `category_${category.toLowerCase()}`;
export const gradeCounter = (grade: HazardGrade) => `grade_${grade.toLowerCase()}`;

/**
 * Every counter column. `hazards`, the category and grade counters leave voided hazards out (as the
 * statistics do); accepted_* count first acceptances (on time: by the end of the deadline day), closed and
 * close_ms first closings and the time from discovery to closing.
 */
export const MONTHLY_COUNTERS: readonly string[] = [
  'hazards',
  ...Object.values(HazardStatus).map(statusCounter),
  ...Object.values(HazardCategory).map(categoryCounter),
  ...Object.values(HazardGrade).map(gradeCounter),
  'accepted_with_deadline',
  'accepted_on_time',
  'closed',
  'close_ms',
];

export interface HazardFacts {
  status: HazardStatus;
  category: HazardCategory;
  grade: HazardGrade;
}

type Counters = Map<string, number>;

function add(counters: Counters, name: string, value: number): void {
  counters.set(name, (counters.get(name) ?? 0) + value);
}

function count(counters: Counters, facts: HazardFacts, sign: 1 | -1): void {
  add(counters, statusCounter(facts.status), sign);
  if (facts.status === HazardStatus.VOIDED) return;
  add(counters, 'hazards', sign);
  add(counters, categoryCounter(facts.category), sign);
  add(counters, gradeCounter(facts.grade), sign);
}

/** The first day of the hazard's month of discovery, in the school's time zone. */
export function monthOf(discoveredAt: Date): string {
  return `${calendarDateOf(discoveredAt).slice(0, 7)}-01`;
}

/** Accepted by the end of the deadline day (YYYY-MM-DD, in the school's time zone). */
export function acceptedOnTime(acceptedAt: Date, deadline: string): boolean {
  return acceptedAt.getTime() < schoolDayEnd(deadline.slice(0, 10)).getTime();
}

interface CountedRow {
  rollup_status: HazardStatus | null;
  rollup_category: HazardCategory | null;
  rollup_grade: HazardGrade | null;
  accepted_at: Date | null;
  closed_at: Date | null;
}

/**
 * Brings hazard_monthly in line with the hazard's status, category and grade, and records its first
 * acceptance and first closing on the hazard row (accepted_at, accepted_on_time, closed_at), in the caller's
 * transaction. The row remembers what it is counted under (rollup_status, rollup_category, rollup_grade),
 * so the caller need not say what changed and may save the hazard before or after. Call it
 *  - after inserting a hazard: recordHazardChange(manager, hazard);
 *  - on every status change, with the new status (steps are recorded before the hazard is saved):
 *    recordHazardChange(manager, hazard, to, at);
 *  - after correcting a hazard's category or grade: recordHazardChange(manager, hazard).
 */
export async function recordHazardChange(manager: EntityManager, hazard: HazardEntity, status: HazardStatus = hazard.status, at: Date = new Date()): Promise<void> {
  const [row]: CountedRow[] = await manager.query(
    'SELECT rollup_status, rollup_category, rollup_grade, accepted_at, closed_at FROM hazard WHERE id = ? FOR UPDATE',
    [hazard.id],
  );
  const counters: Counters = new Map();
  if (row.rollup_status && row.rollup_category && row.rollup_grade) {
    count(counters, { status: row.rollup_status, category: row.rollup_category, grade: row.rollup_grade }, -1);
  }
  count(counters, { status, category: hazard.category, grade: hazard.grade }, 1);
  const sets = ['rollup_status = ?', 'rollup_category = ?', 'rollup_grade = ?'];
  const params: unknown[] = [status, hazard.category, hazard.grade];
  if (status === HazardStatus.ACCEPTED && row.accepted_at === null) {
    const onTime = hazard.deadline ? acceptedOnTime(at, hazard.deadline) : null;
    sets.push('accepted_at = ?', 'accepted_on_time = ?');
    params.push(at, onTime === null ? null : Number(onTime));
    if (onTime !== null) {
      add(counters, 'accepted_with_deadline', 1);
      add(counters, 'accepted_on_time', Number(onTime));
    }
  }
  if (status === HazardStatus.CLOSED && row.closed_at === null) {
    sets.push('closed_at = ?');
    params.push(at);
    add(counters, 'closed', 1);
    add(counters, 'close_ms', at.getTime() - new Date(hazard.discoveredAt).getTime());
  }
  await manager.query(`UPDATE hazard SET ${sets.join(', ')} WHERE id = ?`, [...params, hazard.id]);
  const changed = [...counters.entries()].filter(([, value]) => value !== 0);
  if (changed.length === 0) return;
  await manager.query(
    `INSERT INTO ${HAZARD_MONTHLY} (org_path, month, ${changed.map(([name]) => name).join(', ')})
     VALUES (?, ?, ${changed.map(() => '?').join(', ')})
     ON DUPLICATE KEY UPDATE ${changed.map(([name]) => `${name} = ${name} + VALUES(${name})`).join(', ')}`,
    [hazard.orgPath, monthOf(new Date(hazard.discoveredAt)), ...changed.map(([, value]) => value)],
  );
}

/** SQL aggregates over hazards aliased `alias`, one per MONTHLY_COUNTERS entry, in the same order. */
export function counterAggregates(alias: string): string[] {
  const notVoided = `${alias}.status <> '${HazardStatus.VOIDED}'`;
  return [
    `SUM(${notVoided})`,
    ...Object.values(HazardStatus).map((status) => `SUM(${alias}.status = '${status}')`),
    ...Object.values(HazardCategory).map((category) => `SUM(${notVoided} AND ${alias}.category = '${category}')`),
    ...Object.values(HazardGrade).map((grade) => `SUM(${notVoided} AND ${alias}.grade = '${grade}')`),
    `SUM(${alias}.accepted_on_time IS NOT NULL)`,
    `COALESCE(SUM(${alias}.accepted_on_time), 0)`,
    `SUM(${alias}.closed_at IS NOT NULL)`,
    `COALESCE(SUM(TIMESTAMPDIFF(MICROSECOND, ${alias}.discovered_at, ${alias}.closed_at) DIV 1000), 0)`,
  ];
}

/** The counters as they should be, recounted from the hazards (per org_path and month); for checks. */
export function monthlyRecountSql(): string {
  const month = "DATE_FORMAT(h.discovered_at + INTERVAL 8 HOUR, '%Y-%m-01')";
  const sums = counterAggregates('h').map((sum, index) => `${sum} AS ${MONTHLY_COUNTERS[index]}`);
  return `SELECT h.org_path, ${month} AS month, ${sums.join(', ')} FROM hazard h GROUP BY h.org_path, ${month}`;
}

