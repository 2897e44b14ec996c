import { subtreeCondition } from '@campus/database';
import {
  BadUserInputError,
  calendarDateOf,
  Caller,
  ConnectionShape,
  decodeCursor,
  orgUnitReference,
  referenceTo,
  toConnection,
} from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { DataSource } from 'typeorm';
import { InspectionCompletionGroupBy } from './inspection-enums';
import { InspectionTaskEntity } from './inspection.entity';
import { InspectionCompletion, InspectionCompletionRow, MissedInspection, toInspectionTask } from './inspection.types';
import { InspectionOptions } from './inspection-task.service';
import { addDays, daysBetween, duePeriods, Period } from './periods';

/** The longest range one request may cover (a school year and a bit). */
export const MAX_RANGE_DAYS = 400;

/** A period of a task that fell due, and whether it was inspected. */
interface DuePeriod {
  task: InspectionTaskEntity;
  period: Period;
  done: boolean;
}

function rateOf(done: number, due: number): number | null {
  return due === 0 ? null : Math.round((done / due) * 10_000) / 10_000;
}

function checkRange(from: string, to: string): void {
  if (to < from) throw new BadUserInputError([{ field: 'to', message: '结束日期不能早于开始日期' }]);
  if (daysBetween(from, to) >= MAX_RANGE_DAYS) throw new BadUserInputError([{ field: 'to', message: `统计期间最长 ${MAX_RANGE_DAYS} 天` }]);
}

/**
 * 日检查、周整改、月汇总 — how many task periods fell due in a range and how many were inspected. The
 * calendar of due periods is generated in code from the tasks; two statements per request (the tasks,
 * then their inspections in the range), however many tasks and periods.
 */
export class InspectionCompletionService {
  private readonly now: () => Date;

  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
    options: InspectionOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  async completion(caller: Caller, orgUnitId: string, from: string, to: string, groupBy: InspectionCompletionGroupBy): Promise<InspectionCompletion> {
    const { due, asOf } = await this.duePeriods(caller, orgUnitId, from, to);
    const groups = new Map<string, { row: InspectionCompletionRow; tasks: Set<string> }>();
    for (const { task, done } of due) {
      const key = groupBy === InspectionCompletionGroupBy.GRID ? task.gridId : task.orgUnitId;
      if (key === null) continue;
      let group = groups.get(key);
      if (!group) {
        const row: InspectionCompletionRow = {
          orgUnit: groupBy === InspectionCompletionGroupBy.UNIT ? orgUnitReference(key) : null,
          gridId: groupBy === InspectionCompletionGroupBy.GRID ? key : null,
          grid: groupBy === InspectionCompletionGroupBy.GRID ? referenceTo(key) : null,
          tasks: 0,
          due: 0,
          done: 0,
          missed: 0,
          rate: null,
        };
        group = { row, tasks: new Set() };
        groups.set(key, group);
      }
      group.tasks.add(task.id);
      group.row.due += 1;
      if (done) group.row.done += 1;
    }
    const rows = [...groups.values()].map(({ row, tasks }) => ({ ...row, tasks: tasks.size, missed: row.due - row.done, rate: rateOf(row.done, row.due) }));
    rows.sort((a, b) => (a.rate ?? 1) - (b.rate ?? 1) || b.missed - a.missed || String(a.orgUnit?.id ?? a.gridId).localeCompare(String(b.orgUnit?.id ?? b.gridId)));
    const done = due.filter((entry) => entry.done).length;
    return {
      orgUnit: orgUnitReference(orgUnitId),
      from,
      to,
      asOf,
      groupBy,
      due: due.length,
      done,
      missed: due.length - done,
      rate: rateOf(done, due.length),
      rows,
    };
  }

  /** Due periods without an inspection, the most recent first; the cursor is [period end, task id]. */
  async missed(caller: Caller, orgUnitId: string, from: string, to: string, first: number, after?: string | null): Promise<ConnectionShape<MissedInspection>> {
    const cursor = decodeCursor(after, 2);
    const { due } = await this.duePeriods(caller, orgUnitId, from, to);
    const keyOf = (entry: DuePeriod): [string, string] => [entry.period.end, entry.task.id];
    const missed = due
      .filter((entry) => !entry.done)
      .sort((a, b) => b.period.end.localeCompare(a.period.end) || b.task.id.localeCompare(a.task.id));
    const afterCursor = cursor
      ? missed.filter((entry) => {
          const [end, taskId] = keyOf(entry);
          return end < String(cursor[0]) || (end === String(cursor[0]) && taskId < String(cursor[1]));
        })
      : missed;
    return toConnection(afterCursor.slice(0, first + 1), first, missed.length, keyOf, (entry) => ({
      task: toInspectionTask(entry.task),
      periodStart: entry.period.start,
      periodEnd: entry.period.end,
      assignee: { id: entry.task.assigneePersonId },
      orgUnit: orgUnitReference(entry.task.orgUnitId),
    }));
  }

  private async duePeriods(caller: Caller, orgUnitId: string, from: string, to: string): Promise<{ due: DuePeriod[]; asOf: string }> {
    checkRange(from, to);
    const path = await visibleUnitPath(this.directory, caller, orgUnitId);
    const asOf = calendarDateOf(this.now());
    const subtree = subtreeCondition('t.org_path', path, 'unitPath');
    // A period ending on or after `from` started at most a month before it.
    const tasks = await this.dataSource
      .getRepository(InspectionTaskEntity)
      .createQueryBuilder('t')
      .where(subtree.sql, subtree.params)
      .andWhere('t.starts_on <= :to', { to })
      .andWhere('t.starts_on < :asOf', { asOf })
      .andWhere('(t.ends_on IS NULL OR t.ends_on >= :earliest)', { earliest: addDays(from, -31) })
      .andWhere('(t.deactivated_on IS NULL OR t.deactivated_on > :from)', { from })
      .getMany();
    const due = tasks.flatMap((task) =>
      duePeriods({ cadence: task.cadence, startsOn: task.startsOn, endsOn: task.endsOn }, from, to, asOf, task.deactivatedOn).map((period) => ({
        task,
        period,
        done: false,
      })),
    );
    if (due.length === 0) return { due, asOf };
    const firstStart = due.reduce((min, entry) => (entry.period.start < min ? entry.period.start : min), due[0].period.start);
    const inspected: { task_id: string; period_start: string }[] = await this.dataSource
      .createQueryBuilder()
      .select(['i.task_id AS task_id', 'i.period_start AS period_start'])
      .from('inspection', 'i')
      .where(subtreeCondition('i.org_path', path, 'unitPath').sql, { unitPath: subtree.params.unitPath })
      .andWhere('i.period_start >= :firstStart AND i.period_start <= :to', { firstStart, to })
      .getRawMany();
    const done = new Set(inspected.map((row) => `${row.task_id}|${row.period_start}`));
    for (const entry of due) entry.done = done.has(`${entry.task.id}|${entry.period.start}`);
    return { due, asOf };
  }
}
