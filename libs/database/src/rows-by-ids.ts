import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * The batch function of a by-id DataLoader: one statement for every id asked in a request, in the
 * order asked, null for ids that are missing or that the (already scoped) query excludes.
 */
export async function rowsByIds<Row extends ObjectLiteral & { id: string }, Node>(
  query: SelectQueryBuilder<Row>,
  alias: string,
  ids: readonly string[],
  toNode: (row: Row) => Node,
): Promise<(Node | null)[]> {
  const rows = await query.andWhere(`${alias}.id IN (:...ids)`, { ids }).getMany();
  const byId = new Map(rows.map((row) => [row.id, toNode(row)]));
  return ids.map((id) => byId.get(id) ?? null);
}
