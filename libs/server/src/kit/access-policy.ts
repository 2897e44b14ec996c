import { ALL_ROLES, Role } from '@campus/auth';

/**
 * Who may do one thing to an aggregate: the roles, granted at the unit the row belongs to or at a unit
 * above it (a grant covers its subtree). Being outside every granted subtree reads as NOT_FOUND (the row's
 * existence is not revealed); inside it without one of the roles, as FORBIDDEN.
 */
export interface ActionRule {
  roles: readonly Role[];
  /** What the action is, in Chinese, for the printed table (e.g. "修改、批准或废止"). */
  label: string;
  /** What a refused person reads; defaults to "您无权<label><aggregate label>". */
  refusal?: string;
  /** A further condition the service checks beyond role and scope, for the printed table (e.g. "仅签署人本人"). */
  condition?: string;
  /**
   * Also open to the unit's members: any account whose own person belongs to the row's unit or a unit below
   * it, whatever its roles and grants (e.g. a unit's posted grid roster, 公示). Checked by `ScopedAccess.guardMember`.
   */
  members?: boolean;
}

export interface AccessPolicy<A extends string = string> {
  /** The GraphQL type, e.g. "EmergencyPlan". */
  aggregate: string;
  /** Its Chinese name, used in NOT_FOUND and STALE_VERSION messages, e.g. "应急预案". */
  label: string;
  actions: Readonly<Record<A, ActionRule>>;
  /** Rows of sensitive kinds reached only by the roles that handle them (see RestrictedKinds). */
  restricted?: RestrictedKinds;
}

/**
 * Sensitive kinds of row (e.g. psychological cases): only `roles` reach them, for the actions they
 * otherwise hold; to everyone else such a row reads as NOT_FOUND, as if out of scope.
 */
export interface RestrictedKinds {
  /** The column holding the kind, beside the org_path column on the same table alias, e.g. `category`. */
  column: string;
  kinds: readonly string[];
  roles: readonly Role[];
  /** What the kinds are, in Chinese, for the printed table (e.g. "心理健康类隐患"). */
  label: string;
}

/** Reading is open to every role in scope unless a policy says otherwise. */
export function viewRule(label = '查看'): ActionRule {
  return { roles: ALL_ROLES, label };
}

export function definePolicy<A extends string>(policy: AccessPolicy<A>): AccessPolicy<A> {
  return policy;
}

export function refusalOf(policy: AccessPolicy, action: string): string {
  const rule = policy.actions[action];
  return rule.refusal ?? `您无权${rule.label}${policy.label}`;
}
