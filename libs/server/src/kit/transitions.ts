import type { Role } from '@campus/auth';
import { ConflictError, ReasonOf } from '@campus/graphql';
import { AccessPolicy, ActionRule } from './access-policy';

/** One row of a stateful aggregate's transition table. */
export interface TransitionRule<S extends string> {
  /** The states it may start from; empty for an action that creates the aggregate. */
  from: readonly S[];
  /** The state after it; null when the state stays (the step is still recorded). */
  to: S | null;
  roles: readonly Role[];
  /** What the action is, in Chinese (the step's name and the policy table's). */
  label: string;
  /** Why it is refused from another state. */
  wrongState: string;
  /** What a refused person reads; defaults to "您无权对该<aggregate>执行此操作". */
  refusal?: string;
  /** A further condition beyond role and scope, for the policy table. */
  condition?: string;
  /** Why it is refused from a particular state, where that differs from wrongState (e.g. "not yet issued" vs "already closed"). */
  wrongStates?: Partial<Record<S, string>>;
  /** The CONFLICT reason of a refusal from another state: ILLEGAL_TRANSITION unless the rule says (e.g. INACTIVE for a retired row). */
  wrongStateReason?: ReasonOf<'CONFLICT'>;
}

export type TransitionTable<S extends string, A extends string> = Readonly<Record<A, TransitionRule<S>>>;

/** The state after the action, or null when the table does not allow it from this state. */
export function nextState<S extends string, A extends string>(table: TransitionTable<S, A>, action: A, from: S | null): S | null {
  const rule = table[action];
  if (from === null) return rule.from.length === 0 ? rule.to : null;
  if (!rule.from.includes(from)) return null;
  return rule.to ?? from;
}

/** The state after the action, or CONFLICT (ILLEGAL_TRANSITION unless the rule names another reason) with the rule's message. */
export function requireTransition<S extends string, A extends string>(
  table: TransitionTable<S, A>,
  action: A,
  from: S | null,
  id: string | null,
): S {
  const to = nextState(table, action, from);
  if (!to) {
    const rule = table[action];
    const message = (from !== null && rule.wrongStates?.[from]) || rule.wrongState;
    throw new ConflictError(rule.wrongStateReason ?? 'ILLEGAL_TRANSITION', message, { ...(id ? { id } : {}), status: from });
  }
  return to;
}

/** The policy of a stateful aggregate: one action per transition, plus the others it declares (view, edit…). */
export function policyFromTransitions<S extends string, A extends string, O extends string = never>(
  aggregate: string,
  label: string,
  table: TransitionTable<S, A>,
  others: Readonly<Record<O, ActionRule>> = {} as Record<O, ActionRule>,
): AccessPolicy<A | O> {
  const transitions = Object.fromEntries(
    Object.entries<TransitionRule<S>>(table).map(([action, rule]) => [
      action,
      { roles: rule.roles, label: rule.label, refusal: rule.refusal ?? `您无权对该${label}执行此操作`, condition: rule.condition },
    ]),
  ) as Record<A, ActionRule>;
  return { aggregate, label, actions: { ...others, ...transitions } };
}
