import { Viewer } from '@campus/auth';
import { escapeLike, orgScopeCondition } from '@campus/database';
import { calendarDateOf, CalendarDate } from '@campus/graphql';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DataSource } from 'typeorm';
import { HazardCategory, HazardGrade, HazardStatus } from './hazard-enums';
import { OPEN_AFTER_REPORT } from './hazard.service';

const RECTIFIED = [HazardStatus.ACCEPTED, HazardStatus.CLOSED, HazardStatus.ARCHIVED];

@ObjectType()
export class StatusCount {
  @Field(() => HazardStatus)
  status: HazardStatus;

  @Field(() => Int)
  count: number;
}

@ObjectType()
export class CategoryCount {
  @Field(() => HazardCategory)
  category: HazardCategory;

  @Field(() => Int)
  count: number;
}

@ObjectType()
export class GradeCount {
  @Field(() => HazardGrade)
  grade: HazardGrade;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: '单位（含下级）某期间发现隐患的统计' })
export class HazardStats {
  @Field(() => CalendarDate)
  from: string;

  @Field(() => CalendarDate)
  to: string;

  @Field(() => Int, { description: '隐患总数（不含作废）' })
  total: number;

  @Field(() => [StatusCount])
  byStatus: StatusCount[];

  @Field(() => [CategoryCount])
  byCategory: CategoryCount[];

  @Field(() => [GradeCount])
  byGrade: GradeCount[];

  @Field(() => Int, { description: '已整改（已验收、已销号、已存档）' })
  rectified: number;

  @Field(() => Float, { nullable: true, description: '整改率 = 已整改 ÷ 总数' })
  rectificationRate: number | null;

  @Field(() => Float, { nullable: true, description: '按期整改率 = 期限内验收 ÷ 有期限且已验收' })
  onTimeRate: number | null;

  @Field(() => Int, { description: '逾期未验收' })
  overdue: number;

  @Field(() => Float, { nullable: true, description: '发现到销号的平均天数' })
  averageDaysToClose: number | null;
}

interface TimingRow {
  discoveredAt: Date;
  deadline: string | null;
  acceptedAt: Date | null;
  closedAt: Date | null;
  status: HazardStatus;
}

const DAY_MS = 24 * 3600 * 1000;
const ratio = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10000) / 10000);

/** Counts and rates for a unit's subtree over hazards discovered in [from, to] (school days). */
export async function hazardStats(dataSource: DataSource, viewer: Viewer, unitPath: string, from: string, to: string): Promise<HazardStats> {
  const scope = orgScopeCondition('h.org_path', viewer.scopePaths);
  const rows: TimingRow[] = await dataSource
    .createQueryBuilder()
    .select('h.status', 'status')
    .addSelect('h.category', 'category')
    .addSelect('h.grade', 'grade')
    .addSelect('h.discovered_at', 'discoveredAt')
    .addSelect('p.deadline', 'deadline')
    .addSelect("MIN(CASE WHEN s.to_status = 'ACCEPTED' THEN s.at END)", 'acceptedAt')
    .addSelect("MIN(CASE WHEN s.to_status = 'CLOSED' THEN s.at END)", 'closedAt')
    .from('hazard', 'h')
    .leftJoin('hazard_plan', 'p', 'p.hazard_id = h.id')
    .leftJoin('hazard_step', 's', 's.hazard_id = h.id')
    .where('h.org_path LIKE :unitPath', { unitPath: `${escapeLike(unitPath)}%` })
    .andWhere(scope.sql, scope.params)
    .andWhere('h.status <> :voided', { voided: HazardStatus.VOIDED })
    .andWhere('h.discovered_at >= :from AND h.discovered_at < :until', {
      from: new Date(`${from}T00:00:00+08:00`),
      until: new Date(Date.parse(`${to}T00:00:00+08:00`) + DAY_MS),
    })
    .groupBy('h.id')
    .addGroupBy('p.deadline')
    .getRawMany();
  return summarise(rows as (TimingRow & { category: HazardCategory; grade: HazardGrade })[], from, to, calendarDateOf(new Date()));
}

/** Pure: the figures from one row per hazard. */
export function summarise(
  rows: (TimingRow & { category: HazardCategory; grade: HazardGrade })[],
  from: string,
  to: string,
  today: string,
): HazardStats {
  const count = <K extends string>(key: (row: (typeof rows)[number]) => K) => {
    const counts = new Map<K, number>();
    for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
    return [...counts.entries()];
  };
  const rectified = rows.filter((row) => RECTIFIED.includes(row.status)).length;
  const acceptedWithDeadline = rows.filter((row) => row.acceptedAt && row.deadline);
  const onTime = acceptedWithDeadline.filter(
    (row) => new Date(row.acceptedAt!).getTime() < Date.parse(`${String(row.deadline).slice(0, 10)}T00:00:00+08:00`) + DAY_MS,
  );
  const closed = rows.filter((row) => row.closedAt);
  const averageDaysToClose = closed.length
    ? Math.round((closed.reduce((sum, row) => sum + (new Date(row.closedAt!).getTime() - new Date(row.discoveredAt).getTime()), 0) / closed.length / DAY_MS) * 10) / 10
    : null;
  return {
    from,
    to,
    total: rows.length,
    byStatus: count((row) => row.status).map(([status, value]) => ({ status, count: value })),
    byCategory: count((row) => row.category).map(([category, value]) => ({ category, count: value })),
    byGrade: count((row) => row.grade).map(([grade, value]) => ({ grade, count: value })),
    rectified,
    rectificationRate: ratio(rectified, rows.length),
    onTimeRate: ratio(onTime.length, acceptedWithDeadline.length),
    overdue: rows.filter((row) => OPEN_AFTER_REPORT.includes(row.status) && row.deadline && String(row.deadline).slice(0, 10) < today).length,
    averageDaysToClose,
  };
}
