import { EntityManager } from 'typeorm';
import { SqlCondition } from './org-scope';
import { Page } from './recent-first';

export interface LedgerPageQuery {
  /** The table, e.g. `hazard`: the page reads it as `t`, its count as `c`. */
  table: string;
  /** The filter, written for a given alias of the table. */
  conditions: (alias: string) => SqlCondition[];
  /** The sort key as an expression on alias `t` (e.g. `COALESCE(t.deadline, '9999-12-31')`), then id in the same direction. */
  sortExpression: string;
  direction: 'ASC' | 'DESC';
  /** The cursor: the last row's sort key (as an SQL parameter) and id. */
  after: { key: unknown; id: string } | null;
  first: number;
  withTotal: boolean;
  /** Columns of other tables beside each row, from LEFT JOINs on `t` (e.g. names the page shows): in the same statement. */
  alongside?: { columns: string; joins: string };
}

/**
 * One plain statement for a page of a long list and its total (a scalar count subquery): the first + 1 raw
 * rows (snake_case columns) after the cursor. A list page is the most requested thing there is; TypeORM's
 * query builder and entity hydration cost more CPU than the statement itself.
 */
export async function ledgerPage(manager: EntityManager, query: LedgerPageQuery): Promise<Page<Record<string, unknown>>> {
  const named: Record<string, unknown> = { limit: query.first + 1 };
  const pageWhere = whereOf(query.conditions('t'), named);
  const countSql = `SELECT COUNT(*) AS n FROM ${query.table} c WHERE ${whereOf(query.conditions('c'), named).join(' AND ')}`;
  if (query.after) {
    const comparison = query.direction === 'DESC' ? '<' : '>';
    const key = query.sortExpression;
    pageWhere.push(`(${key} ${comparison} :afterKey OR (${key} = :afterKey AND t.id ${comparison} :afterId))`);
    Object.assign(named, { afterKey: query.after.key, afterId: query.after.id });
  }
  const total = query.withTotal ? `, (${countSql}) AS _total` : '';
  const alongside = query.alongside ? `, ${query.alongside.columns}` : '';
  const sql = `SELECT t.*${alongside}${total} FROM ${query.table} t ${query.alongside?.joins ?? ''} WHERE ${pageWhere.join(' AND ')}
    ORDER BY ${query.sortExpression} ${query.direction}, t.id ${query.direction} LIMIT :limit`;
  const rows = await run(manager, sql, named);
  if (!query.withTotal) return { rows, totalCount: 0 };
  // Past the last row the page is empty and carries no total: count alone.
  const totalCount = rows.length ? Number(rows[0]._total) : query.after ? Number((await run(manager, countSql, named))[0].n) : 0;
  return { rows, totalCount };
}

/** The count of a list's rows under other conditions (e.g. those hidden from the viewer), as `c`: one statement. */
export async function ledgerCount(manager: EntityManager, table: string, conditions: SqlCondition[]): Promise<number> {
  const named: Record<string, unknown> = {};
  const [row] = await run(manager, `SELECT COUNT(*) AS n FROM ${table} c WHERE ${whereOf(conditions, named).join(' AND ')}`, named);
  return Number(row.n);
}

/** The same count for several groups at once (e.g. each unit of a dashboard): one statement, 0 for a group with none. */
export async function ledgerCountsByGroup(
  manager: EntityManager,
  query: { table: string; groupColumn: string; groupIds: readonly string[]; conditions: SqlCondition[] },
): Promise<Map<string, number>> {
  const named: Record<string, unknown> = { groupIds: [...query.groupIds] };
  const where = [...whereOf(query.conditions, named), `c.${query.groupColumn} IN (:...groupIds)`].join(' AND ');
  const rows = await run(manager, `SELECT c.${query.groupColumn} AS g, COUNT(*) AS n FROM ${query.table} c WHERE ${where} GROUP BY c.${query.groupColumn}`, named);
  return new Map(rows.map((row) => [String(row.g), Number(row.n)]));
}

function whereOf(conditions: SqlCondition[], named: Record<string, unknown>): string[] {
  for (const condition of conditions) Object.assign(named, condition.params);
  return conditions.length ? conditions.map((condition) => condition.sql) : ['1'];
}

function run(manager: EntityManager, sql: string, named: Record<string, unknown>): Promise<Record<string, unknown>[]> {
  const [text, values] = manager.connection.driver.escapeQueryWithParameters(sql, named, {});
  return manager.query(text, values);
}
