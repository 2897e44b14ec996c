import { decodeCursor } from '@campus/graphql';
import { EntityManager } from 'typeorm';
import { AutomaticMetric, MetricPeriod, MetricSource, MetricSourcePage, MetricUnit, MetricValue } from '../metrics/metric';
import { asOfOf, rateOf, rollUp, SqlFragment, sourcePage, subtreeRange, subtreeRanges } from '../metrics/fact-sql';
import { Cadence, dayNumber, dayOf, dueCount, dueWindow, isPeriodEnd, periodStartOf, TaskSchedule } from './inspection-schedule';

interface TaskRow {
  id: string;
  name: string | null;
  org_unit_id: string;
  org_path: string;
  cadence: Cadence;
  starts_on: string;
  ends_on: string | null;
  stopped_on: string | null;
}

const scheduleOf = (task: TaskRow): TaskSchedule => ({ cadence: task.cadence, startsOn: task.starts_on, endsOn: task.ends_on, stoppedOn: task.stopped_on });

/** Checks whose period ends in the period, recorded by the as-of instant. */
function checksIn(period: MetricPeriod): SqlFragment {
  return { sql: 'i.period_end >= ? AND i.period_end <= ? AND i.recorded_at < ?', params: [period.from, period.to, asOfOf(period).instant] };
}

/**
 * 检查任务完成率 = checks performed ÷ checks due: every period of the subtree's inspection tasks whose last
 * day falls in the period is due once that day is past on the as-of day (see inspection-schedule.ts; a
 * stopped task's later periods are not), or when already performed; performed when its check was recorded
 * (late or not) by the as-of instant.
 */
export const INSPECTION_COMPLETION: AutomaticMetric = {
  code: 'INSPECTION_COMPLETION',
  name: '检查任务完成率',
  kind: 'RATE',
  higherIsBetter: true,

  async values(manager: EntityManager, units: readonly MetricUnit[], period: MetricPeriod): Promise<Map<string, MetricValue>> {
    const [ranges, checks, asOf] = [subtreeRanges('t.org_path', units), checksIn(period), asOfOf(period).day];
    // One row per task: its schedule, its checks of the period and those of periods not due yet (done early).
    const rows: (TaskRow & { done: string; early: string | null })[] = await manager.query(
      `SELECT t.id, t.org_path, t.cadence, t.starts_on, t.ends_on, t.stopped_on,
              COUNT(i.id) AS done, SUM(i.period_end >= LEAST(?, COALESCE(t.stopped_on, ?))) AS early
         FROM inspection_task_fact t LEFT JOIN inspection_fact i ON i.task_id = t.id AND ${checks.sql}
        WHERE ${ranges.sql} AND t.cadence IS NOT NULL AND t.starts_on <= ?
        GROUP BY t.id`,
      [asOf, asOf, ...checks.params, ...ranges.params, period.to],
    );
    const counted = rows.map((row) => ({
      org_path: row.org_path,
      due: dueCount(scheduleOf(row), period.from, period.to, asOf) + Number(row.early ?? 0),
      done: Number(row.done),
    }));
    const totals = rollUp(units, counted, ['due', 'done']);
    return new Map(units.map((unit) => [unit.id, rateOf(totals.get(unit.id)!.done, totals.get(unit.id)!.due)]));
  },

  /**
   * Each due check in order of its last day, then task id: walked day by day from the cursor, so a page
   * costs two statements and the days up to its last row, however many tasks the subtree has.
   */
  async sources(manager: EntityManager, unit: MetricUnit, period: MetricPeriod, first: number, after: string | null): Promise<MetricSourcePage> {
    const [range, checks, asOf] = [subtreeRange('t.org_path', unit), checksIn(period), asOfOf(period).day];
    const tasks: TaskRow[] = await manager.query(
      `SELECT t.id, t.name, t.org_unit_id, t.org_path, t.cadence, t.starts_on, t.ends_on, t.stopped_on FROM inspection_task_fact t
        WHERE ${range.sql} AND t.cadence IS NOT NULL AND t.starts_on <= ? ORDER BY t.id`,
      [...range.params, period.to],
    );
    const performed: { id: string; task_id: string; period_end: string; on_time: number }[] = tasks.length
      ? await manager.query(
          `SELECT i.id, i.task_id, i.period_end, i.on_time FROM inspection_fact i JOIN inspection_task_fact t ON t.id = i.task_id
            WHERE ${range.sql} AND t.cadence IS NOT NULL AND ${checks.sql}`,
          [...range.params, ...checks.params],
        )
      : [];
    const checkOf = new Map(performed.map((check) => [`${check.task_id}|${check.period_end}`, check]));
    const windows = new Map(tasks.map((task) => [task.id, dueWindow(scheduleOf(task), period.from, period.to, asOf)]));
    const cursor = decodeCursor(after, 2);
    const rows: { end: string; task: TaskRow; check: (typeof performed)[number] | undefined }[] = [];
    const firstDay = Math.max(dayNumber(period.from), cursor ? dayNumber(String(cursor[0])) : -Infinity);
    for (let n = firstDay; n <= dayNumber(period.to) && rows.length <= first; n++) {
      const end = dayOf(n);
      for (const task of tasks) {
        if (cursor && end === cursor[0] && task.id <= String(cursor[1])) continue;
        const [lo, hi] = windows.get(task.id)!;
        const check = checkOf.get(`${task.id}|${end}`);
        if (check || (n >= lo && n <= hi && isPeriodEnd(scheduleOf(task), n))) rows.push({ end, task, check });
      }
    }
    return sourcePage(rows, first, (row) => [row.end, row.task.id], (row): MetricSource => ({
      kind: 'INSPECTION_TASK',
      id: row.task.id,
      label: `${row.task.name ?? '检查任务'}（${dayOf(periodStartOf(scheduleOf(row.task), dayNumber(row.end)))} 至 ${row.end}）`,
      orgUnitId: row.task.org_unit_id,
      at: row.end,
      counted: row.check ? (Number(row.check.on_time) ? '按期完成' : '补录完成') : '未完成',
    }));
  },
};
