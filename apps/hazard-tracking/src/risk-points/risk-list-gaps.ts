import { subtreeCondition } from '@campus/database';
import {
  CalendarDate,
  calendarDateOf,
  Caller,
  ConnectionShape,
  ConnectionType,
  decodeCursor,
  OrgUnitKind,
  OrgUnitReference,
  orgUnitReference,
  toConnection,
} from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { Field, Int, ObjectType } from 'type-graphql';
import { DataSource } from 'typeorm';
import { RISK_POINT_ACCESS } from './risk-point.access';

/** The kinds of unit expected to keep a risk list of their own. */
export const RISK_LIST_UNIT_KINDS: readonly OrgUnitKind[] = [OrgUnitKind.SCHOOL, OrgUnitKind.COLLEGE, OrgUnitKind.DEPARTMENT];

@ObjectType('RiskListGap', { description: '风险清单缺口：未建立风险清单或有逾期未复评风险点的单位' })
export class RiskListGap {
  @Field(() => OrgUnitReference, { description: '单位' })
  orgUnit: OrgUnitReference;

  @Field({ description: '单位名称' })
  unitName: string;

  @Field(() => OrgUnitKind, { nullable: true, description: '单位类型' })
  kind: OrgUnitKind | null;

  @Field({ description: '尚未建立风险清单（本单位及下级单位无在管风险点）' })
  noRiskList: boolean;

  @Field(() => Int, { description: '在管风险点数（含下级单位）' })
  activeCount: number;

  @Field(() => Int, { description: '评审逾期的风险点数（含下级单位）' })
  overdueCount: number;

  @Field(() => CalendarDate, { nullable: true, description: '最早逾期的评审日期' })
  earliestOverdueReviewDate: string | null;
}

@ObjectType()
export class RiskListGapConnection extends ConnectionType('RiskListGap', RiskListGap) {}

interface GapRow {
  id: string;
  name: string;
  kind: OrgUnitKind | null;
  path: string;
  active_count: string | number;
  overdue_count: string | number | null;
  earliest_overdue: string | Date | null;
}

/**
 * The units (schools, colleges, departments) in the viewer's scope — under `orgUnitId` when given — with no
 * active risk point in their subtree, or with points whose review is overdue; in tree order, one grouped statement.
 */
export async function riskListGaps(
  dataSource: DataSource,
  directory: OrgUnitDirectory,
  caller: Caller,
  orgUnitId: string | null | undefined,
  first: number,
  after?: string | null,
): Promise<ConnectionShape<RiskListGap>> {
  const scope = RISK_POINT_ACCESS.where(caller, 'view', 'u.path');
  const query = dataSource
    .createQueryBuilder()
    .select(['u.id AS id', 'u.name AS name', 'u.kind AS kind', 'u.path AS path'])
    .addSelect('COUNT(r.id)', 'active_count')
    .addSelect('SUM(r.review_date < :today)', 'overdue_count')
    .addSelect('MIN(CASE WHEN r.review_date < :today THEN r.review_date END)', 'earliest_overdue')
    .from('org_unit_projection', 'u')
    .leftJoin('risk_point', 'r', "r.active = 1 AND r.org_path LIKE CONCAT(u.path, '%')")
    .where(scope.sql, scope.params)
    .andWhere('u.kind IN (:...kinds)', { kinds: RISK_LIST_UNIT_KINDS, today: calendarDateOf(new Date()) })
    .groupBy('u.id')
    .addGroupBy('u.name')
    .addGroupBy('u.kind')
    .addGroupBy('u.path')
    .having('COUNT(r.id) = 0 OR SUM(r.review_date < :today) > 0');
  if (orgUnitId) {
    const unit = subtreeCondition('u.path', await visibleUnitPath(directory, caller, orgUnitId), 'unitPath');
    query.andWhere(unit.sql, unit.params);
  }
  const [countSql, countParams] = query.getQueryAndParameters();
  const [{ total }] = await dataSource.query(`SELECT COUNT(*) AS total FROM (${countSql}) gaps`, countParams);
  const cursor = decodeCursor(after, 2);
  if (cursor) query.andWhere('u.path > :afterPath', { afterPath: String(cursor[0]) });
  const rows: GapRow[] = await query.orderBy('u.path', 'ASC').limit(first + 1).getRawMany();
  return toConnection(rows, first, Number(total), (row) => [row.path, row.id], toRiskListGap);
}

function toRiskListGap(row: GapRow): RiskListGap {
  const activeCount = Number(row.active_count);
  const earliest = row.earliest_overdue;
  return {
    orgUnit: orgUnitReference(row.id) as OrgUnitReference,
    unitName: row.name,
    kind: row.kind,
    noRiskList: activeCount === 0,
    activeCount,
    overdueCount: Number(row.overdue_count ?? 0),
    earliestOverdueReviewDate: earliest === null ? null : earliest instanceof Date ? calendarDateOf(earliest) : String(earliest).slice(0, 10),
  };
}
