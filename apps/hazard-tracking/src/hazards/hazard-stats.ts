import { escapeLike } from '@campus/database';
import {
  calendarDateOf,
  CalendarDate,
  Caller,
  callerOf,
  NotFoundError,
  RequestContext,
  SCHOOL_UTC_OFFSET_MS,
  schoolDayEnd,
  schoolDayStart,
} from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import DataLoader from 'dataloader';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DataSource } from 'typeorm';
import { HazardCategory, HazardGrade, HazardStatus, OPEN_AFTER_REPORT, RECTIFIED_STATUSES } from './hazard-enums';
import { categoryCounter, counterAggregates, gradeCounter, HAZARD_MONTHLY, MONTHLY_COUNTERS, statusCounter } from './hazard-rollup';
import { HAZARD_ACCESS } from './hazard.access';


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

  @Field(() => Int, { description: '隐患总数（不含作废）；心理健康等敏感类别的隐患也计入本统计的各项计数，但统计不含任何隐患内容' })
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

const DAY_MS = 24 * 3600 * 1000;
/** Above this many unit paths in one batch, one scan under their common ancestor beats a LIKE per path. */
const MAX_PATH_CONDITIONS = 50;

/** Discovery instants [start, end) in UTC milliseconds. */
export interface Span {
  start: number;
  end: number;
}

/**
 * How to count a period: whole months from hazard_monthly, plus or minus spans read from the hazards.
 * A partial month is read directly when that is the smaller part, otherwise summed whole with the part
 * outside the period taken away (e.g. the rest of the current month, where nothing has been discovered yet).
 */
export interface PeriodPlan {
  /** First days of the months summed whole. */
  months: string[];
  add: Span[];
  subtract: Span[];
}

/** The first instant of the Asia/Shanghai month containing `ms`, and of the month after it. */
function monthStart(ms: number, plusMonths = 0): number {
  const local = new Date(ms + SCHOOL_UTC_OFFSET_MS);
  return Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + plusMonths, 1) - SCHOOL_UTC_OFFSET_MS;
}

const monthKey = (start: number) => `${new Date(start + SCHOOL_UTC_OFFSET_MS).toISOString().slice(0, 7)}-01`;

export function periodPlan(from: number, until: number, now: number): PeriodPlan {
  const plan: PeriodPlan = { months: [], add: [], subtract: [] };
  if (until <= from) return plan;
  // Rows discovered after now are not expected: reading the future part of a month costs nothing.
  const cost = (span: Span) => Math.max(0, Math.min(span.end, now) - span.start);
  for (let start = monthStart(from); start < until; start = monthStart(start, 1)) {
    const end = monthStart(start, 1);
    const inside = { start: Math.max(from, start), end: Math.min(until, end) };
    if (inside.start === start && inside.end === end) {
      plan.months.push(monthKey(start));
      continue;
    }
    const outside = [
      { start, end: inside.start },
      { start: inside.end, end },
    ].filter((span) => span.end > span.start);
    if (cost(inside) <= outside.reduce((sum, span) => sum + cost(span), 0)) {
      plan.add.push(inside);
    } else {
      plan.months.push(monthKey(start));
      plan.subtract.push(...outside);
    }
  }
  return plan;
}

/** The counters of one unit's subtree: MONTHLY_COUNTERS plus overdue. */
type Totals = Map<string, number>;

const ratio = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10000) / 10000);

/** Pure: the GraphQL figures from the summed counters. */
export function toHazardStats(totals: Totals, from: string, to: string): HazardStats {
  const get = (name: string) => totals.get(name) ?? 0;
  const nonZero = <K extends string, T>(keys: K[], counter: (key: K) => string, make: (key: K, count: number) => T) =>
    keys.filter((key) => get(counter(key)) > 0).map((key) => make(key, get(counter(key))));
  const total = get('hazards');
  const rectified = RECTIFIED_STATUSES.reduce((sum, status) => sum + get(statusCounter(status)), 0);
  const closed = get('closed');
  return {
    from,
    to,
    total,
    byStatus: nonZero(
      Object.values(HazardStatus).filter((status) => status !== HazardStatus.VOIDED),
      statusCounter,
      (status, count) => ({ status, count }),
    ),
    byCategory: nonZero(Object.values(HazardCategory), categoryCounter, (category, count) => ({ category, count })),
    byGrade: nonZero(Object.values(HazardGrade), gradeCounter, (grade, count) => ({ grade, count })),
    rectified,
    rectificationRate: ratio(rectified, total),
    onTimeRate: ratio(get('accepted_on_time'), get('accepted_with_deadline')),
    overdue: get('overdue'),
    averageDaysToClose: closed ? Math.round((get('close_ms') / closed / DAY_MS) * 10) / 10 : null,
  };
}

/** The longest common ancestor path of several unit paths ("/a/b/"). */
function commonAncestor(paths: string[]): string {
  const parts = paths.map((path) => path.split('/').filter(Boolean));
  const shared: string[] = [];
  for (let depth = 0; parts.every((ids) => depth < ids.length && ids[depth] === parts[0][depth]); depth++) shared.push(parts[0][depth]);
  return `/${shared.map((id) => `${id}/`).join('')}`;
}

/** The paths not inside another of them (sorted, an ancestor comes right before its subtree). */
function outermost(paths: string[]): string[] {
  const kept: string[] = [];
  for (const path of [...new Set(paths)].sort()) if (!kept.length || !path.startsWith(kept[kept.length - 1])) kept.push(path);
  return kept;
}

interface StatsQuery {
  sql: string;
  params: unknown[];
}

/**
 * One statement for the counters of several unit subtrees over a period: UNION ALL of the whole months
 * in hazard_monthly, the spans read from hazard (with their sign) and the open hazards past their deadline.
 * Each part is grouped by the first `keyLength` characters of the path (the longest asked-for unit path, so
 * every group lies inside or outside each asked-for subtree); for a single unit there is one group.
 */
export function statsQuery(paths: string[], plan: PeriodPlan, from: number, until: number, today: string): StatsQuery {
  const keyLength = Math.max(...paths.map((path) => path.length));
  const distinct = outermost(paths);
  const prefixes = distinct.length > MAX_PATH_CONDITIONS ? [commonAncestor(distinct)] : distinct;
  const within = (alias: string) => `(${prefixes.map(() => `${alias}.org_path LIKE ?`).join(' OR ')})`;
  const prefixParams = prefixes.map((path) => `${escapeLike(path)}%`);
  const single = new Set(paths).size === 1;
  const key = (alias: string) => (single ? '?' : `LEFT(${alias}.org_path, ${keyLength})`);
  const keyParams = single ? [paths[0]] : [];
  const groupBy = single ? '' : 'GROUP BY unit_key';
  const columns = [...MONTHLY_COUNTERS, 'overdue'];
  const select = (alias: string, sign: number, values: string[]) =>
    `SELECT ${key(alias)} AS unit_key, ${sign} AS sign, ${values.map((value, index) => `${value} AS ${columns[index]}`).join(', ')}`;
  const branches: StatsQuery[] = [];
  if (plan.months.length) {
    branches.push({
      sql: `${select('m', 1, [...MONTHLY_COUNTERS.map((name) => `SUM(m.${name})`), '0'])}
              FROM ${HAZARD_MONTHLY} m WHERE m.month IN (${plan.months.map(() => '?').join(', ')}) AND ${within('m')} ${groupBy}`,
      params: [...keyParams, ...plan.months, ...prefixParams],
    });
  }
  for (const [sign, spans] of [[1, plan.add], [-1, plan.subtract]] as const) {
    for (const span of spans) {
      branches.push({
        sql: `${select('h', sign, [...counterAggregates('h'), '0'])}
                FROM hazard h WHERE h.discovered_at >= ? AND h.discovered_at < ? AND ${within('h')} ${groupBy}`,
        params: [...keyParams, new Date(span.start), new Date(span.end), ...prefixParams],
      });
    }
  }
  branches.push({
    sql: `${select('o', 1, [...MONTHLY_COUNTERS.map(() => '0'), 'COUNT(*)'])}
            FROM hazard o WHERE o.status IN (${OPEN_AFTER_REPORT.map(() => '?').join(', ')}) AND o.deadline < ?
             AND o.discovered_at >= ? AND o.discovered_at < ? AND ${within('o')} ${groupBy}`,
    params: [...keyParams, ...OPEN_AFTER_REPORT, today, new Date(from), new Date(until), ...prefixParams],
  });
  return { sql: branches.map((branch) => branch.sql).join('\nUNION ALL\n'), params: branches.flatMap((branch) => branch.params) };
}

/** Sums the statement's rows into each asked-for subtree (a row counts for every unit whose path starts its key). */
function sumBySubtree(rows: Record<string, unknown>[], paths: string[]): Map<string, Totals> {
  const totals = new Map(paths.map((path) => [path, new Map<string, number>()]));
  const columns = [...MONTHLY_COUNTERS, 'overdue'];
  for (const row of rows) {
    const key = String(row.unit_key);
    const sign = Number(row.sign);
    for (let end = key.indexOf('/', 1); end > 0; end = key.indexOf('/', end + 1)) {
      const target = totals.get(key.slice(0, end + 1));
      if (!target) continue;
      for (const column of columns) target.set(column, (target.get(column) ?? 0) + sign * Number(row[column] ?? 0));
    }
  }
  return totals;
}

/** The asked-for units' paths, or an error for each one the caller may not see. One statement for the projected ones. */
async function visiblePaths(dataSource: DataSource, directory: OrgUnitDirectory, caller: Caller, unitIds: readonly string[]): Promise<(string | Error)[]> {
  const rows: { id: string; path: string }[] = await dataSource.query(
    `SELECT id, path FROM org_unit_projection WHERE id IN (${unitIds.map(() => '?').join(', ')})`,
    [...unitIds],
  );
  const projected = new Map(rows.map((row) => [row.id, row.path]));
  return Promise.all(
    unitIds.map(async (unitId) => {
      const path = projected.get(unitId);
      if (path === undefined) return visibleUnitPath(directory, caller, unitId).catch((error: Error) => error);
      return HAZARD_ACCESS.allows(caller, 'view', path) ? path : new NotFoundError('单位', unitId);
    }),
  );
}

/**
 * OrgUnit.hazardStats: counts and rates for a unit's subtree over hazards discovered in [from, to] (school
 * days). Every unit asked for in one request with the same period is counted by one statement.
 */
export function loadHazardStats(
  context: RequestContext,
  dataSource: DataSource,
  directory: OrgUnitDirectory,
  unitId: string,
  from: string,
  to: string,
): Promise<HazardStats> {
  const caller = callerOf(context);
  const loader = context.loaders.get(`OrgUnit.hazardStats:${from}:${to}`, () => {
    return new DataLoader<string, HazardStats>(async (unitIds) => {
      const paths = await visiblePaths(dataSource, directory, caller, unitIds);
      const visible = [...new Set(paths.filter((path): path is string => typeof path === 'string'))];
      if (visible.length === 0) return paths as Error[];
      const start = schoolDayStart(from).getTime();
      const until = schoolDayEnd(to).getTime();
      const now = Date.now();
      const query = statsQuery(visible, periodPlan(start, until, now), start, until, calendarDateOf(new Date(now)));
      const totals = sumBySubtree(await dataSource.query(query.sql, query.params), visible);
      return paths.map((path) => (typeof path === 'string' ? toHazardStats(totals.get(path)!, from, to) : path));
    });
  });
  return loader.load(unitId);
}
