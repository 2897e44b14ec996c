import type { Role, Viewer } from '@campus/auth';
import { orgScopeCondition, SqlCondition } from '@campus/database';
import { ConflictError, ForbiddenError, LoaderRegistry, NotFoundError } from '@campus/graphql';
import DataLoader from 'dataloader';
import { EntityManager, EntityTarget, In, ObjectLiteral } from 'typeorm';
import { AccessPolicy, refusalOf } from './access-policy';
import { AuditReadableAccess, registerAuditAccess } from './audit/audit-access';
import { requireTransition, TransitionTable } from './transitions';

/** Who is asking: a Caller (from @campus/graphql) or anything else carrying the viewer. */
export interface Asker {
  viewer: Viewer;
}

/** A row to guard: its id, the org path that decides scope, and whether it is of a restricted kind. */
export interface GuardedRow {
  id: string;
  path: string;
  restricted?: boolean;
}

/** A reference to a row to change: its id and, for an optimistic lock, the version the client last saw. */
export interface RowRef {
  id: string;
  version?: number;
}

/**
 * The one place where scope, role and version are decided for an aggregate, from its policy:
 * outside the viewer's subtrees → NOT_FOUND, inside without a role of the action → FORBIDDEN, a stale
 * version → CONFLICT (STALE_VERSION). A row of a restricted kind (the policy's `restricted`) is, for a viewer
 * without a handling role there, as if out of scope (NOT_FOUND); a handler needs a role of both the action
 * and the restriction. Services ask it; they never test `covers`, roles or versions themselves.
 */
export class ScopedAccess<E extends ObjectLiteral, A extends string> {
  constructor(
    readonly policy: AccessPolicy<A>,
    private readonly entity: EntityTarget<E>,
    /** Where the row's scope comes from; its own org_path unless the aggregate hangs from another. */
    private readonly pathOf: (row: E) => string = (row) => row.orgPath as string,
    /** The kind of a row, for a policy with restricted kinds. */
    private readonly kindOf?: (row: E) => string,
  ) {
    if (policy.restricted && !kindOf) throw new Error(`${policy.aggregate}: a policy with restricted kinds needs kindOf`);
    registerAuditAccess(entity as EntityTarget<ObjectLiteral>, this as unknown as AuditReadableAccess);
  }

  /**
   * A WHERE fragment on `column` (an org_path) for the rows the viewer may `action`: lists and batches. With
   * restricted kinds, the kind column is read on the same table alias as `column`.
   */
  where(asker: Asker, action: A, column: string, paramPrefix = 'scope'): SqlCondition {
    const scope = orgScopeCondition(column, asker.viewer.scopeFor(this.policy.actions[action].roles), paramPrefix);
    if (!this.policy.restricted) return scope;
    const { handlers, kinds, params } = this.restrictionOf(asker, action, column, paramPrefix);
    return { sql: `(${scope.sql} AND (${kinds} NOT IN (:...${paramPrefix}Kinds) OR ${handlers}))`, params: { ...scope.params, ...params } };
  }

  /**
   * A WHERE fragment for the rows the viewer could `action` but for their restricted kind: what a list
   * counts without showing. Matches nothing when the policy restricts no kinds.
   */
  restrictedWhere(asker: Asker, action: A, column: string, paramPrefix = 'hidden'): SqlCondition {
    if (!this.policy.restricted) return { sql: '1 = 0', params: {} };
    const scope = orgScopeCondition(column, asker.viewer.scopeFor(this.policy.actions[action].roles), paramPrefix);
    const { handlers, kinds, params } = this.restrictionOf(asker, action, column, paramPrefix);
    return { sql: `(${scope.sql} AND ${kinds} IN (:...${paramPrefix}Kinds) AND NOT ${handlers})`, params: { ...scope.params, ...params } };
  }

  /** May the viewer `action` at this path (on a row of a restricted kind)? (No error: for fields that show what a person can do.) */
  allows(asker: Asker, action: A, path: string, restricted = false): boolean {
    return asker.viewer.hasRoleAt(this.rolesFor(action, restricted), path);
  }

  /** Is the row of a restricted kind? */
  isRestricted(row: E): boolean {
    return !!this.policy.restricted && !!this.kindOf && this.policy.restricted.kinds.includes(this.kindOf(row));
  }

  /**
   * NOT_FOUND unless the row is in the viewer's scope (for a restricted kind: unless they hold a handling role
   * there), FORBIDDEN unless they hold a role of the action there.
   */
  check(asker: Asker, action: A, row: GuardedRow): void {
    if (!asker.viewer.covers(row.path)) throw new NotFoundError(this.policy.label, row.id);
    if (row.restricted && this.policy.restricted && !asker.viewer.hasRoleAt(this.policy.restricted.roles, row.path)) {
      throw new NotFoundError(this.policy.label, row.id);
    }
    if (!this.allows(asker, action, row.path, row.restricted)) throw new ForbiddenError(refusalOf(this.policy, action));
  }

  /**
   * True when the action's rule admits the unit's members and the viewer's own person, whose org path is
   * `memberPath` (null without a linked person), belongs to the unit at `path` or a unit below it.
   */
  isMember(action: A, path: string, memberPath: string | null): boolean {
    return this.policy.actions[action].members === true && memberPath !== null && memberPath.startsWith(path);
  }

  /**
   * Like guard, for an action whose rule admits the unit's members: a member passes whatever their grants;
   * anyone else is decided as `check` decides (NOT_FOUND out of scope, FORBIDDEN without a role).
   */
  guardMember(asker: Asker, action: A, id: string, row: E | null | undefined, memberPath: string | null): E {
    if (!row) throw new NotFoundError(this.policy.label, id);
    if (this.isMember(action, this.pathOf(row), memberPath)) return row;
    return this.guard(asker, action, id, row);
  }

  /** FORBIDDEN unless the viewer holds a role of the action at this (already visible) path: e.g. creating in a unit. */
  checkRole(asker: Asker, action: A, path: string): void {
    if (!this.allows(asker, action, path)) throw new ForbiddenError(refusalOf(this.policy, action));
  }

  /**
   * FORBIDDEN (OWN_RECORD) when the viewer acts for the unit at this path or one below it (a grant there):
   * a unit does not assess, score or review itself, whatever roles it holds above.
   */
  checkNotOwnUnit(asker: Asker, path: string, message: string): void {
    if (asker.viewer.grants.some((grant) => grant.path.startsWith(path))) throw new ForbiddenError(message, 'OWN_RECORD');
  }

  /** The row checked for the action, or NOT_FOUND when it does not exist. */
  guard(asker: Asker, action: A, id: string, row: E | null | undefined): E {
    if (!row) throw new NotFoundError(this.policy.label, id);
    this.check(asker, action, { id, path: this.pathOf(row), restricted: this.isRestricted(row) });
    return row;
  }

  /** Reads one row for the action. */
  async find(manager: EntityManager, asker: Asker, action: A, id: string): Promise<E> {
    return this.guard(asker, action, id, await manager.findOne(this.entity, { where: { id } as never }));
  }

  /**
   * Locks one row (FOR UPDATE) in the caller's transaction for the action: NOT_FOUND, FORBIDDEN, then a
   * stale version (when the reference carries one) as CONFLICT — in that order, decided here only.
   */
  async lock(manager: EntityManager, asker: Asker, action: A, ref: RowRef): Promise<E> {
    const row = await manager.findOne(this.entity, { where: { id: ref.id } as never, lock: { mode: 'pessimistic_write' } });
    this.guard(asker, action, ref.id, row);
    this.checkVersion(row as E, ref);
    return row as E;
  }

  /** CONFLICT (STALE_VERSION) when the client's version is not the row's. */
  checkVersion(row: E, ref: RowRef): void {
    if (ref.version !== undefined && row.version !== ref.version) {
      throw new ConflictError('STALE_VERSION', `${this.policy.label}已被他人修改，请刷新后重试`, { id: ref.id, currentVersion: row.version });
    }
  }

  /**
   * A per-request loader of rows by id for the action: one statement for a whole request; a row the viewer
   * may not see loads as null.
   */
  loader(loaders: LoaderRegistry, manager: EntityManager, asker: Asker, action: A): DataLoader<string, E | null> {
    return loaders.get(`access:${this.policy.aggregate}:${action}`, () => new DataLoader<string, E | null>(async (ids) => {
      const rows = await manager.find(this.entity, { where: { id: In([...ids]) } as never });
      const visible = new Map(
        rows.filter((row) => this.allows(asker, action, this.pathOf(row), this.isRestricted(row))).map((row) => [row.id as string, row]),
      );
      return ids.map((id) => visible.get(id) ?? null);
    }));
  }

  /** Like find, through the request's loader: NOT_FOUND when absent or out of scope. */
  async load(loaders: LoaderRegistry, manager: EntityManager, asker: Asker, action: A, id: string): Promise<E> {
    const row = await this.loader(loaders, manager, asker, action).load(id);
    if (!row) throw new NotFoundError(this.policy.label, id);
    return row;
  }

  /**
   * The parts of a restricted policy's conditions: where the viewer handles the kinds (SQL on `column`), the kind
   * column on the same alias, and their parameters (the kinds as `<prefix>Kinds`).
   */
  private restrictionOf(asker: Asker, action: A, column: string, paramPrefix: string): { handlers: string; kinds: string; params: Record<string, unknown> } {
    const restricted = this.policy.restricted!;
    const handlers = orgScopeCondition(column, asker.viewer.scopeFor(this.rolesFor(action, true)), `${paramPrefix}Handler`);
    return { handlers: handlers.sql, kinds: column.replace(/[^.]*$/, restricted.column), params: { ...handlers.params, [`${paramPrefix}Kinds`]: restricted.kinds } };
  }

  /** The roles that may `action` a row: for a restricted kind, only those that also handle the kind. */
  private rolesFor(action: A, restricted: boolean): readonly Role[] {
    const roles = this.policy.actions[action].roles;
    const handlers = this.policy.restricted?.roles;
    return restricted && handlers ? roles.filter((role) => handlers.includes(role)) : roles;
  }
}

export function scopedAccess<E extends ObjectLiteral, A extends string>(
  policy: AccessPolicy<A>,
  entity: EntityTarget<E>,
  pathOf?: (row: E) => string,
  kindOf?: (row: E) => string,
): ScopedAccess<E, A> {
  return new ScopedAccess(policy, entity, pathOf, kindOf);
}

/** What can lock a row for an action: ScopedAccess, SharedBelowAccess. */
export interface RowLocker<E, A extends string> {
  lock(manager: EntityManager, asker: Asker, action: A, ref: RowRef): Promise<E>;
}

/**
 * Locks a row of a stateful aggregate for one action of its transition table — NOT_FOUND, FORBIDDEN,
 * STALE_VERSION as the access object's `lock`, then ILLEGAL_TRANSITION from the table — and answers the
 * row and the state it goes to. The state is the row's `status` unless `stateOf` says otherwise.
 */
export async function lockTransition<E, S extends string, T extends string>(
  access: RowLocker<E, T>,
  manager: EntityManager,
  asker: Asker,
  table: TransitionTable<S, T>,
  action: T,
  ref: RowRef,
  stateOf: (row: E) => S = (row) => (row as { status: S }).status,
): Promise<{ row: E; next: S }> {
  const row = await access.lock(manager, asker, action, ref);
  return { row, next: requireTransition(table, action, stateOf(row), ref.id) };
}
