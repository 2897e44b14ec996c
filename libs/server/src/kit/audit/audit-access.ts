import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { Asker } from '../scoped-access';

/** What the audit trail needs of an aggregate's access: its policy's name and a read of one row for `view`. */
export interface AuditReadableAccess {
  readonly policy: { aggregate: string; actions: Readonly<Record<string, unknown>> };
  /** NOT_FOUND out of scope (or of a restricted kind), FORBIDDEN without the action's role. */
  find(manager: EntityManager, asker: Asker, action: 'view', id: string): Promise<unknown>;
}

const accesses = new Map<EntityTarget<ObjectLiteral>, AuditReadableAccess[]>();

/** Called by every ScopedAccess: the kit knows which access guards which entity. */
export function registerAuditAccess(entity: EntityTarget<ObjectLiteral>, access: AuditReadableAccess): void {
  const list = accesses.get(entity) ?? [];
  list.push(access);
  accesses.set(entity, list);
}

/**
 * Object types whose trail is not served at all, though recorded: reads of these records are themselves
 * logged (screening access log, risk register access log), so a second way to read them would widen who sees them.
 */
export const AUDIT_UNREADABLE_TYPES: readonly string[] = [
  'ScreeningRecord',
  'ScreeningEntry',
  'KeyStudent',
  'KeyStudentFollowUp',
  'Dispute',
  'DisputeMediation',
  'IllnessAbsence',
  'Account',
];

/**
 * The access that decides who may read an object of `objectType` stored as `entity`: the entity's access
 * whose policy names the same aggregate and has a `view` action decided by scope and role alone. Anything
 * else (a child row, an aggregate guarded another way) has none: its trail is refused rather than guessed.
 */
export function auditAccessOf(entity: EntityTarget<ObjectLiteral>, objectType: string): AuditReadableAccess | null {
  if (AUDIT_UNREADABLE_TYPES.includes(objectType)) return null;
  const access = (accesses.get(entity) ?? []).find((candidate) => candidate.policy.aggregate === objectType && 'view' in candidate.policy.actions);
  // A view with a further condition (a campaign before it is issued, a letter's signer …) is decided by the
  // service, not by scope alone: the kit cannot decide it, so the trail is not served.
  const view = access?.policy.actions.view as { condition?: string } | undefined;
  return access && !view?.condition ? access : null;
}
