import { FindingHazardStatus, FindingSeverity, RectificationState } from './supervision-enums';

/** The hazard states in which the rectification has been accepted (验收通过及以后). */
const RECTIFIED_STATUSES: readonly FindingHazardStatus[] = ['ACCEPTED', 'CLOSED', 'ARCHIVED'];

export interface FindingFacts {
  severity: FindingSeverity;
  deadline: string;
  raisedAt: Date | null;
}

export interface HazardFacts {
  status: FindingHazardStatus | null;
  overdue: boolean;
}

/**
 * Where a finding's rectification stands: not raised; raised but not yet registered by hazard-tracking;
 * rectified once its hazard is accepted (or closed, archived); voided with it; overdue when hazard-tracking
 * said so or the deadline the inspection set has passed (`today` is a school calendar date); else rectifying.
 */
export function rectificationStateOf(finding: FindingFacts, hazard: HazardFacts | null, today: string): RectificationState {
  if (!finding.raisedAt) return RectificationState.NOT_RAISED;
  if (!hazard?.status) return RectificationState.AWAITING_HAZARD;
  if (RECTIFIED_STATUSES.includes(hazard.status)) return RectificationState.RECTIFIED;
  if (hazard.status === 'VOIDED') return RectificationState.VOIDED;
  if (hazard.overdue || finding.deadline < today) return RectificationState.OVERDUE;
  return RectificationState.RECTIFYING;
}

export interface StateCounts {
  total: number;
  major: number;
  general: number;
  raised: number;
  rectified: number;
  rectifying: number;
  overdue: number;
  notRaised: number;
  voided: number;
}

export function emptyCounts(): StateCounts {
  return { total: 0, major: 0, general: 0, raised: 0, rectified: 0, rectifying: 0, overdue: 0, notRaised: 0, voided: 0 };
}

/** Adds one finding in its state to the counts. */
export function countFinding(counts: StateCounts, finding: FindingFacts, state: RectificationState): StateCounts {
  counts.total += 1;
  if (finding.severity === FindingSeverity.MAJOR) counts.major += 1;
  else counts.general += 1;
  if (finding.raisedAt) counts.raised += 1;
  if (state === RectificationState.NOT_RAISED) counts.notRaised += 1;
  else if (state === RectificationState.RECTIFIED) counts.rectified += 1;
  else if (state === RectificationState.OVERDUE) counts.overdue += 1;
  else if (state === RectificationState.VOIDED) counts.voided += 1;
  else counts.rectifying += 1;
  return counts;
}
