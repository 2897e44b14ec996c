import { recentFirstKey, recentFirstPagesByGroup, SqlCondition } from '@campus/database';
import DataLoader from 'dataloader';
import { EntityManager } from 'typeorm';
import { ConnectionShape, decodeCursor, toConnection } from './connection';
import { RequestContext } from './context';

export interface UnitConnectionQuery<Entity extends { createdAt: Date; id: string }, Node> {
  /** Names the loader, e.g. "OrgUnit.hazards"; calls with the same arguments share one loader. */
  field: string;
  manager: EntityManager;
  table: string;
  /** Scope and filter conditions on the table aliased `t`. */
  conditions: SqlCondition[];
  /** The field's arguments besides the unit, so each distinct set gets its own batch. */
  args: unknown;
  first: number;
  after: string | null | undefined;
  fromRow: (row: Record<string, unknown>) => Entity;
  toNode: (entity: Entity) => Node;
}

/**
 * A connection contributed to OrgUnit (newest first): every unit asked for in one request is served by
 * one SQL statement through a request-scoped DataLoader.
 */
export function loadUnitConnection<Entity extends { createdAt: Date; id: string }, Node>(
  context: RequestContext,
  unitId: string,
  query: UnitConnectionQuery<Entity, Node>,
): Promise<ConnectionShape<Node>> {
  const name = `${query.field}:${JSON.stringify([query.args, query.first, query.after])}`;
  const loader = context.loaders.get(name, () => {
    const cursor = decodeCursor(query.after, 2);
    return new DataLoader<string, ConnectionShape<Node>>(async (unitIds) => {
      const pages = await recentFirstPagesByGroup(query.manager, {
        table: query.table,
        groupColumn: 'org_unit_id',
        groupIds: unitIds,
        conditions: query.conditions,
        first: query.first,
        after: cursor,
      });
      return unitIds.map((id) => {
        const page = pages.get(id) ?? { rows: [], totalCount: 0 };
        return toConnection(page.rows.map(query.fromRow), query.first, page.totalCount, recentFirstKey, query.toNode);
      });
    });
  });
  return loader.load(unitId);
}
