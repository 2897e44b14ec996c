import { ObjectLiteral, SelectQueryBuilder, EntityManager } from 'typeorm';
import { SqlCondition } from './org-scope';

/**
 * Keyset pagination for lists shown newest first: ordered by (created_at DESC, id DESC), the cursor is
 * the last row's [createdAt ISO string, id].
 */
export type RecentFirstCursor = [string, string];

export interface Page<Row> {
  rows: Row[];
  totalCount: number;
}

export function recentFirstKey(row: { createdAt: Date; id: string }): RecentFirstCursor {
  return [row.createdAt.toISOString(), row.id];
}

/** The order of a keyset-paginated list: a column of the query's alias, then id in the same direction. */
export interface KeysetOrder {
  column: string;
  direction: 'ASC' | 'DESC';
  /** The cursor's first part as the column's SQL parameter (a Date for datetime columns). */
  fromCursor: (value: string) => unknown;
}

const NEWEST_FIRST: KeysetOrder = { column: 'created_at', direction: 'DESC', fromCursor: (value) => new Date(value) };

/** A page of a query builder's rows: count without the cursor, then first + 1 rows after it in the order. */
export async function keysetPage<Row extends ObjectLiteral>(
  query: SelectQueryBuilder<Row>,
  alias: string,
  order: KeysetOrder,
  first: number,
  after: (string | number)[] | null,
): Promise<Page<Row>> {
  const totalCount = await query.getCount();
  const column = `${alias}.${order.column}`;
  if (after) {
    const comparison = order.direction === 'DESC' ? '<' : '>';
    query.andWhere(`(${column} ${comparison} :afterKey OR (${column} = :afterKey AND ${alias}.id ${comparison} :afterId))`, {
      afterKey: order.fromCursor(String(after[0])),
      afterId: String(after[1]),
    });
  }
  const rows = await query
    .orderBy(column, order.direction)
    .addOrderBy(`${alias}.id`, order.direction)
    .take(first + 1)
    .getMany();
  return { rows, totalCount };
}

/** A page of a list shown newest first (created_at DESC, id DESC). */
export function recentFirstPage<Row extends ObjectLiteral>(
  query: SelectQueryBuilder<Row>,
  alias: string,
  first: number,
  after: (string | number)[] | null,
): Promise<Page<Row>> {
  return keysetPage(query, alias, NEWEST_FIRST, first, after);
}

export interface GroupedPagesQuery {
  table: string;
  /** Column the pages are per, e.g. org_unit_id. */
  groupColumn: string;
  groupIds: readonly string[];
  conditions: SqlCondition[];
  first: number;
  after: (string | number)[] | null;
}

/**
 * One statement for the first pages of many groups (e.g. the hazards of every unit on a dashboard):
 * window functions number the rows after the cursor within each group and count each group; each
 * group's first row also comes back, so its count is known even when no row follows the cursor.
 * Returns raw rows (snake_case columns) per group id.
 */
export async function recentFirstPagesByGroup(
  manager: EntityManager,
  query: GroupedPagesQuery,
): Promise<Map<string, Page<Record<string, unknown>>>> {
  const named: Record<string, unknown> = { groupIds: [...query.groupIds] };
  const where = [`t.${query.groupColumn} IN (:...groupIds)`];
  for (const condition of query.conditions) {
    where.push(condition.sql);
    Object.assign(named, condition.params);
  }
  let afterCursor = '1';
  if (query.after) {
    afterCursor = '(t.created_at < :afterAt OR (t.created_at = :afterAt AND t.id < :afterId))';
    named.afterAt = new Date(String(query.after[0]));
    named.afterId = String(query.after[1]);
  }
  const partition = `PARTITION BY t.${query.groupColumn}`;
  const sql = `
    SELECT * FROM (
      SELECT t.*,
             COUNT(*) OVER (${partition}) AS _total,
             ROW_NUMBER() OVER (${partition} ORDER BY t.created_at DESC, t.id DESC) AS _position,
             CASE WHEN ${afterCursor} THEN 1 ELSE 0 END AS _after,
             SUM(CASE WHEN ${afterCursor} THEN 1 ELSE 0 END)
               OVER (${partition} ORDER BY t.created_at DESC, t.id DESC ROWS UNBOUNDED PRECEDING) AS _rank
        FROM ${query.table} t
       WHERE ${where.join(' AND ')}
    ) ranked
    WHERE (ranked._after = 1 AND ranked._rank <= :limit) OR ranked._position = 1
    ORDER BY ranked.created_at DESC, ranked.id DESC`;
  named.limit = query.first + 1;
  const [text, values] = manager.connection.driver.escapeQueryWithParameters(sql, named, {});
  const rows: Record<string, unknown>[] = await manager.query(text, values);
  const pages = new Map<string, Page<Record<string, unknown>>>();
  for (const groupId of query.groupIds) pages.set(groupId, { rows: [], totalCount: 0 });
  for (const row of rows) {
    const page = pages.get(String(row[query.groupColumn]));
    if (!page) continue;
    page.totalCount = Number(row._total);
    if (Number(row._after) === 1 && Number(row._rank) <= query.first + 1) page.rows.push(row);
  }
  return pages;
}
