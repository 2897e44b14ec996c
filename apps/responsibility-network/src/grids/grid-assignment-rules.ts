import { BadUserInputError, ConflictError } from '@campus/graphql';
import { previousDay } from './calendar-days';
import { GridRole } from './grid-role';

/** The facts of an assignment the rules look at. */
export interface Term {
  id: string;
  personId: string;
  role: GridRole;
  from: string;
  to: string | null;
}

export interface AssignmentRequest {
  personId: string;
  role: GridRole;
  from: string;
}

/** What assigning does to the grid's existing terms: at most the open leader is closed. */
export interface AssignmentPlan {
  close: { id: string; to: string } | null;
}

/**
 * A grid has one leader on any day: a new leader closes the open leader's term the day before they
 * start. Safety officers may be several, but one person holds one term at a time.
 */
export function planAssignment(terms: readonly Term[], request: AssignmentRequest): AssignmentPlan {
  return request.role === GridRole.LEADER ? planLeader(terms, request) : planSafetyOfficer(terms, request);
}

function planLeader(terms: readonly Term[], request: AssignmentRequest): AssignmentPlan {
  const leaders = terms.filter((term) => term.role === GridRole.LEADER);
  const overlappingEnded = leaders.find((term) => term.to !== null && term.to >= request.from);
  if (overlappingEnded) {
    throw new ConflictError('TERM_OVERLAP', `与已有的网格责任人任期（${overlappingEnded.from} 至 ${overlappingEnded.to}）重叠`, {
      assignmentId: overlappingEnded.id,
    });
  }
  const open = leaders.find((term) => term.to === null);
  if (!open) return { close: null };
  if (open.personId === request.personId) {
    throw new ConflictError('DUPLICATE', '该人员已是本网格的网格责任人', { assignmentId: open.id });
  }
  if (open.from >= request.from) {
    throw new ConflictError('ILLEGAL_TRANSITION', `新任网格责任人的起始日期须晚于现任责任人的起始日期（${open.from}）`, { assignmentId: open.id });
  }
  return { close: { id: open.id, to: previousDay(request.from) } };
}

function planSafetyOfficer(terms: readonly Term[], request: AssignmentRequest): AssignmentPlan {
  const overlapping = terms.find(
    (term) =>
      term.role === GridRole.SAFETY_OFFICER && term.personId === request.personId && (term.to === null || term.to >= request.from),
  );
  if (overlapping) {
    throw new ConflictError('DUPLICATE', '该人员在此期间已是本网格的网格安全员', { assignmentId: overlapping.id });
  }
  return { close: null };
}

/** Ending a term: only an open one, and not before it began. */
export function checkEnding(term: Term, to: string): void {
  if (term.to !== null) throw new ConflictError('ILLEGAL_TRANSITION', `该任职已于 ${term.to} 结束`, { assignmentId: term.id });
  if (to < term.from) throw new BadUserInputError([{ field: 'to', message: `结束日期不能早于起始日期 ${term.from}` }]);
}
