import { CalendarDate, Caller, calendarDateOf } from '@campus/graphql';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DataSource } from 'typeorm';
import { healthCheckCompletion } from '../health-checks/health-check-completion';
import { HEALTH_CHECK_COMPLETION_ACCESS } from '../health-checks/health-check.access';

@ObjectType({ description: '本周（周一至今天）晨午晚检完成情况' })
export class HealthCheckWeekFigures {
  @Field(() => CalendarDate)
  from: string;

  @Field(() => CalendarDate)
  to: string;

  @Field(() => Int, { description: '应检次数' })
  expected: number;

  @Field(() => Int, { description: '已填报（按时、迟报、补填）' })
  entered: number;

  @Field(() => Int, { description: '按时填报' })
  onTime: number;

  @Field(() => Int, { description: '漏填' })
  missing: number;

  @Field(() => Float, { nullable: true, description: '填报率；无应检时为空' })
  completionRate: number | null;
}

/** The Monday of the week a day falls in. */
export function mondayOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const offset = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - offset * 24 * 3600 * 1000).toISOString().slice(0, 10);
}

/** The longest common ancestor path of several unit paths ("/a/b/"). */
export function commonAncestor(paths: readonly string[]): string {
  const parts = paths.map((path) => path.split('/').filter(Boolean));
  const shared: string[] = [];
  for (let depth = 0; parts.every((ids) => depth < ids.length && ids[depth] === parts[0][depth]); depth++) shared.push(parts[0][depth]);
  return `/${shared.map((id) => `${id}/`).join('')}`;
}

/**
 * This week's health-check figures of the units whose completion the caller may read (null for the others):
 * one healthCheckCompletion over the units' common ancestor, three statements, whatever the number of units.
 */
export async function healthCheckWeeks(dataSource: DataSource, caller: Caller, units: { id: string; path: string }[], now: Date): Promise<Map<string, HealthCheckWeekFigures | null>> {
  const readable = units.filter((unit) => HEALTH_CHECK_COMPLETION_ACCESS.allows(caller, 'view', unit.path));
  const figures = new Map<string, HealthCheckWeekFigures | null>(units.map((unit) => [unit.id, null]));
  if (readable.length === 0) return figures;
  const to = calendarDateOf(now);
  const from = mondayOf(to);
  const report = await healthCheckCompletion(dataSource.manager, commonAncestor(readable.map((unit) => unit.path)), from, to, now);
  const rows = new Map(report.rows.flatMap((row) => (row.orgUnit ? [[row.orgUnit.id, row] as const] : [])));
  for (const unit of readable) {
    const row = rows.get(unit.id);
    const entered = row ? row.onTime + row.late + row.backfilled : 0;
    const expected = row?.expected ?? 0;
    figures.set(unit.id, {
      from,
      to,
      expected,
      entered,
      onTime: row?.onTime ?? 0,
      missing: row?.missing ?? 0,
      completionRate: expected ? Math.round((entered / expected) * 10000) / 10000 : null,
    });
  }
  return figures;
}
