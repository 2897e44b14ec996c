import { escapeLike, outermostPaths, subtreeTotals } from '@campus/database';
import { addDays, duePeriods } from '../inspections/periods';
import { InspectionCadence } from '../inspections/inspection-enums';
import { HazardGrade, HazardStatus, OPEN_AFTER_REPORT, RECTIFIED_STATUSES } from '../hazards/hazard-enums';
import { SpecialEquipmentStatus } from '../special-equipment/special-equipment-enums';
import { DataSource } from 'typeorm';
import { UnitHazardOverview } from './hazard-overview.types';

const OPEN_STATUSES = Object.values(HazardStatus).filter((status) => status !== HazardStatus.VOIDED && !RECTIFIED_STATUSES.includes(status));
const HAZARD_COLUMNS = ['open_count', 'major_open', 'overdue', 'found_year', 'rectified_year'] as const;
const INSPECTION_COLUMNS = ['due', 'done'] as const;

/** The days the overview counts from: today, the first of its month and the instant its year began (Asia/Shanghai). */
export interface OverviewDays {
  today: string;
  monthStart: string;
  yearStart: Date;
}

/** `(alias.org_path LIKE ? OR …)` over the outermost of the paths, with its parameters. */
function within(column: string, paths: readonly string[]): { sql: string; params: string[] } {
  const prefixes = outermostPaths(paths);
  return { sql: `(${prefixes.map(() => `${column} LIKE ?`).join(' OR ')})`, params: prefixes.map((path) => `${escapeLike(path)}%`) };
}

const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10000) / 10000);
const marks = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/** One statement: the hazard counters grouped by org_path under the asked-for subtrees. */
async function hazardCounters(dataSource: DataSource, paths: string[], days: OverviewDays) {
  const scope = within('h.org_path', paths);
  const rows = await dataSource.query(
    `SELECT h.org_path,
            SUM(h.status IN (${marks(OPEN_STATUSES)})) AS open_count,
            SUM(h.status IN (${marks(OPEN_STATUSES)}) AND h.grade = ?) AS major_open,
            SUM(h.status IN (${marks(OPEN_AFTER_REPORT)}) AND h.deadline < ?) AS overdue,
            SUM(h.status <> ? AND h.discovered_at >= ?) AS found_year,
            SUM(h.status IN (${marks(RECTIFIED_STATUSES)}) AND h.discovered_at >= ?) AS rectified_year
       FROM hazard h WHERE ${scope.sql} GROUP BY h.org_path`,
    [
      ...OPEN_STATUSES,
      ...OPEN_STATUSES,
      HazardGrade.MAJOR,
      ...OPEN_AFTER_REPORT,
      days.today,
      HazardStatus.VOIDED,
      days.yearStart,
      ...RECTIFIED_STATUSES,
      days.yearStart,
      ...scope.params,
    ],
  );
  return subtreeTotals(rows, paths, HAZARD_COLUMNS);
}

/** One statement: special equipment in service whose periodic inspection is overdue, grouped by org_path. */
async function equipmentOverdue(dataSource: DataSource, paths: string[], today: string) {
  const scope = within('e.org_path', paths);
  const rows = await dataSource.query(
    `SELECT e.org_path, COUNT(*) AS overdue FROM special_equipment e
      WHERE e.status <> ? AND e.next_inspection_due < ? AND ${scope.sql} GROUP BY e.org_path`,
    [SpecialEquipmentStatus.RETIRED, today, ...scope.params],
  );
  return subtreeTotals(rows, paths, ['overdue'] as const);
}

interface TaskRow {
  id: string;
  org_path: string;
  cadence: InspectionCadence;
  starts_on: string;
  ends_on: string | null;
  deactivated_on: string | null;
}

/**
 * Two statements: the inspection tasks under the subtrees that may fall due this month, then their
 * inspections this month; the due periods are generated in code (as inspectionCompletion does).
 */
async function inspectionCounters(dataSource: DataSource, paths: string[], days: OverviewDays) {
  const tasksScope = within('t.org_path', paths);
  const tasks: TaskRow[] = await dataSource.query(
    `SELECT t.id, t.org_path, t.cadence, DATE_FORMAT(t.starts_on, '%Y-%m-%d') AS starts_on,
            DATE_FORMAT(t.ends_on, '%Y-%m-%d') AS ends_on, DATE_FORMAT(t.deactivated_on, '%Y-%m-%d') AS deactivated_on
       FROM inspection_task t
      WHERE ${tasksScope.sql} AND t.starts_on < ? AND (t.ends_on IS NULL OR t.ends_on >= ?)
        AND (t.deactivated_on IS NULL OR t.deactivated_on > ?)`,
    [...tasksScope.params, days.today, addDays(days.monthStart, -31), days.monthStart],
  );
  const due = tasks.flatMap((task) =>
    duePeriods({ cadence: task.cadence, startsOn: task.starts_on, endsOn: task.ends_on }, days.monthStart, days.today, days.today, task.deactivated_on).map(
      (period) => ({ task, period }),
    ),
  );
  if (due.length === 0) return subtreeTotals([], paths, INSPECTION_COLUMNS);
  const firstStart = due.reduce((min, entry) => (entry.period.start < min ? entry.period.start : min), due[0].period.start);
  const inspectedScope = within('i.org_path', paths);
  const inspected: { task_id: string; period_start: string }[] = await dataSource.query(
    `SELECT i.task_id, DATE_FORMAT(i.period_start, '%Y-%m-%d') AS period_start FROM inspection i
      WHERE ${inspectedScope.sql} AND i.period_start >= ? AND i.period_start <= ?`,
    [...inspectedScope.params, firstStart, days.today],
  );
  const done = new Set(inspected.map((row) => `${row.task_id}|${row.period_start}`));
  const rows = due.map(({ task, period }) => ({ org_path: task.org_path, due: 1, done: done.has(`${task.id}|${period.start}`) ? 1 : 0 }));
  return subtreeTotals(rows, paths, INSPECTION_COLUMNS);
}

/** The overviews of several subtrees: four statements at most, however many units. */
export async function hazardOverviews(dataSource: DataSource, paths: string[], days: OverviewDays): Promise<Map<string, UnitHazardOverview>> {
  const hazards = await hazardCounters(dataSource, paths, days);
  const equipment = await equipmentOverdue(dataSource, paths, days.today);
  const inspections = await inspectionCounters(dataSource, paths, days);
  return new Map(
    paths.map((path) => {
      const counts = hazards.get(path)!;
      const checks = inspections.get(path)!;
      const overview: UnitHazardOverview = {
        open: counts.open_count,
        majorOpen: counts.major_open,
        overdue: counts.overdue,
        foundThisYear: counts.found_year,
        rectifiedThisYear: counts.rectified_year,
        rectificationRate: rate(counts.rectified_year, counts.found_year),
        inspectionsDueThisMonth: checks.due,
        inspectionsDoneThisMonth: checks.done,
        inspectionCompletionRate: rate(checks.done, checks.due),
        specialEquipmentOverdue: equipment.get(path)!.overdue,
      };
      return [path, overview];
    }),
  );
}
