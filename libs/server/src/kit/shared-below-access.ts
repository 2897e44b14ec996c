import { orgScopeCondition, SqlCondition } from '@campus/database';
import { ForbiddenError, NotFoundError } from '@campus/graphql';
import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { AccessPolicy, refusalOf } from './access-policy';
import { Asker, RowRef, ScopedAccess } from './scoped-access';

/** How rows are shared with the units below their own. R is what the rule reads of a row. */
export interface SharingBelow<R> {
  /** The row's org path; its orgPath unless said otherwise. */
  pathOf?: (row: R) => string | null;
  /** Only the rows this admits are shown below their unit (e.g. once issued), as a predicate and as SQL on the row's alias; all rows when absent. */
  sharedBelow?: { row: (row: R) => boolean; where: (alias: string) => SqlCondition };
  /** Rows of no unit (path null, e.g. built in) exist: everyone sees them, and changing one is refused (FORBIDDEN) with this message. */
  unowned?: { refusal: string };
}

/** The units strictly above a path: "/a/b/c/" → ["/a/", "/a/b/"]. */
export function enclosingPaths(path: string): string[] {
  const ids = path.split('/').filter(Boolean);
  return ids.slice(0, -1).map((_, index) => `/${ids.slice(0, index + 1).join('/')}/`);
}

/**
 * Access to rows a unit shares with the units below it: a school's checklists, which its colleges use; a
 * campaign the school issues to them. Such a row is seen by those whose scope covers its unit (as any row)
 * and by everyone whose scope lies inside its unit's subtree; outside both it reads as NOT_FOUND. Changing
 * one still takes a role of the action at the row's own unit (FORBIDDEN), then the version (STALE_VERSION),
 * decided as ScopedAccess decides them.
 */
export class SharedBelowAccess<R extends ObjectLiteral, E extends R, A extends string> {
  private readonly scoped: ScopedAccess<E, A>;

  constructor(
    readonly policy: AccessPolicy<A>,
    private readonly entity: EntityTarget<E>,
    private readonly sharing: SharingBelow<R> = {},
  ) {
    this.scoped = new ScopedAccess(policy, entity);
  }

  private pathOf(row: R): string | null {
    return this.sharing.pathOf ? this.sharing.pathOf(row) : (row.orgPath as string | null);
  }

  /** Does the viewer see the row? (No error: for rules and fields.) */
  sees(asker: Asker, row: R): boolean {
    const path = this.pathOf(row);
    if (path === null || asker.viewer.covers(path)) return true;
    const shared = this.sharing.sharedBelow?.row(row) ?? true;
    return shared && asker.viewer.scopePaths.some((scope) => scope.startsWith(path));
  }

  /** A WHERE fragment for the rows the viewer sees, on `<alias>.org_path` (and the columns of the sharing condition). */
  where(asker: Asker, alias: string, paramPrefix = 'shared'): SqlCondition {
    const column = `${alias}.org_path`;
    const scope = orgScopeCondition(column, asker.viewer.scopePaths, `${paramPrefix}Scope`);
    const parts = [scope.sql];
    const params: Record<string, unknown> = { ...scope.params };
    if (this.sharing.unowned) parts.unshift(`${column} IS NULL`);
    const above = [...new Set(asker.viewer.scopePaths.flatMap(enclosingPaths))];
    if (above.length) {
      const enclosing = `${column} IN (:...${paramPrefix}Above)`;
      const shared = this.sharing.sharedBelow?.where(alias);
      parts.push(shared ? `(${shared.sql} AND ${enclosing})` : enclosing);
      Object.assign(params, shared?.params, { [`${paramPrefix}Above`]: above });
    }
    return { sql: `(${parts.join(' OR ')})`, params };
  }

  /** May the viewer `action` at this path? */
  allows(asker: Asker, action: A, path: string): boolean {
    return this.scoped.allows(asker, action, path);
  }

  /** FORBIDDEN unless the viewer holds a role of the action at this path: e.g. creating in a unit. */
  checkRole(asker: Asker, action: A, path: string): void {
    this.scoped.checkRole(asker, action, path);
  }

  /** The row, or NOT_FOUND when it does not exist or the viewer does not see it. */
  visible(asker: Asker, id: string, row: E | null | undefined): E {
    if (!row || !this.sees(asker, row)) throw new NotFoundError(this.policy.label, id);
    return row;
  }

  /** The row checked for a change: visible, then a role of the action at its own unit. */
  guard(asker: Asker, action: A, id: string, row: E | null | undefined): E {
    const visible = this.visible(asker, id, row);
    const path = this.pathOf(visible);
    if (path === null) throw new ForbiddenError(this.sharing.unowned?.refusal ?? refusalOf(this.policy, action));
    this.scoped.checkRole(asker, action, path);
    return visible;
  }

  /** Reads one row the viewer sees. */
  async find(manager: EntityManager, asker: Asker, id: string): Promise<E> {
    return this.visible(asker, id, await manager.findOne(this.entity, { where: { id } as never }));
  }

  /** Locks one row (FOR UPDATE) for the action: NOT_FOUND, FORBIDDEN, then a stale version as CONFLICT. */
  async lock(manager: EntityManager, asker: Asker, action: A, ref: RowRef): Promise<E> {
    const row = await manager.findOne(this.entity, { where: { id: ref.id } as never, lock: { mode: 'pessimistic_write' } });
    const guarded = this.guard(asker, action, ref.id, row);
    this.scoped.checkVersion(guarded, ref);
    return guarded;
  }

  /** CONFLICT (STALE_VERSION) when the client's version is not the row's. */
  checkVersion(row: E, ref: RowRef): void {
    this.scoped.checkVersion(row, ref);
  }
}

export function sharedBelowAccess<R extends ObjectLiteral, E extends R, A extends string>(
  policy: AccessPolicy<A>,
  entity: EntityTarget<E>,
  sharing?: SharingBelow<R>,
): SharedBelowAccess<R, E, A> {
  return new SharedBelowAccess(policy, entity, sharing);
}
