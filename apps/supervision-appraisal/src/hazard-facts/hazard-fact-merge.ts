import { HAZARD_STATUSES, HazardOverdue, HazardRegistered, HazardStatusChanged, HazardStatusName, isMajorHazardReportLate, PayloadOf } from '@campus/events';
import { calendarDateOf } from '@campus/graphql';

/** Rectified (已整改): accepted, then closed and archived. */
export const RECTIFIED: readonly HazardStatusName[] = ['ACCEPTED', 'CLOSED', 'ARCHIVED'];

/** What the appraisal keeps of one hazard, from hazard-tracking's events only. */
export interface HazardFact {
  id: string;
  code: string | null;
  title: string | null;
  orgUnitId: string;
  orgPath: string;
  grade: 'GENERAL' | 'MAJOR';
  category: string | null;
  source: string | null;
  sourceRefType: string | null;
  sourceRefId: string | null;
  status: HazardStatusName;
  /** The hazard's version whose state (status, grade, unit, deadline) this row holds: the newest seen. */
  version: number;
  discoveredAt: Date | null;
  registeredAt: Date | null;
  /** The 报告 step (REGISTERED → REPORTED), the first one seen. */
  reportedAt: Date | null;
  deadline: string | null;
  /** Accepted (验收通过); the earliest rectified status seen when the acceptance itself is missing. */
  rectifiedAt: Date | null;
  /** hazard.overdue: when hazard-tracking found the deadline passed before acceptance. */
  overdueAt: Date | null;
  voided: boolean;
}

/** The columns kept for the metrics' index ranges, derived from the facts. */
export interface DerivedHazardFacts {
  /** The school day of rectification. */
  rectifiedOn: string | null;
  /** The day the hazard is due: its deadline, or for one rectified without a deadline (即查即改) the day it was. */
  dueOn: string | null;
  /** A major hazard reported more than the limit after discovery; null until both are known (or not major). */
  reportedLate: boolean | null;
}

const RANK = new Map(HAZARD_STATUSES.map((status, index) => [status, index]));

/**
 * Does a change to `status` at `version` carry newer state than the row? A higher version does; so does,
 * at the same version, a later status of the loop (即查即改 records five changes under one version).
 */
export function isNewer(row: HazardFact | null, version: number, status: HazardStatusName): boolean {
  if (!row) return true;
  if (version !== row.version) return version > row.version;
  return (RANK.get(status) ?? 0) > (RANK.get(row.status) ?? 0);
}

const earliest = (current: Date | null, instant: string) => {
  const at = new Date(instant);
  return current && current <= at ? current : at;
};

function blank(id: string, orgUnitId: string, orgPath: string, grade: HazardFact['grade'], status: HazardStatusName, version: number): HazardFact {
  // One literal, not spreads: this runs for every hazard event (a spread of literals showed in the consumer's CPU profile).
  return {
    id, orgUnitId, orgPath, grade, status, version,
    code: null, title: null, category: null, source: null, sourceRefType: null, sourceRefId: null,
    discoveredAt: null, registeredAt: null, reportedAt: null, deadline: null, rectifiedAt: null, overdueAt: null, voided: false,
  };
}

/** hazard.registered: the hazard's descriptive facts; its state only if no newer change came first. */
export function mergeRegistration(row: HazardFact | null, event: PayloadOf<typeof HazardRegistered>): HazardFact {
  const version = event.version ?? 1;
  const merged = row ?? blank(event.id, event.orgUnitId, event.orgPath, event.grade, event.status, version);
  Object.assign(merged, {
    code: event.code,
    title: event.title ?? merged.title,
    category: event.category,
    source: event.source,
    sourceRefType: event.sourceRefType ?? null,
    sourceRefId: event.sourceRefId ?? null,
    discoveredAt: new Date(event.discoveredAt),
    registeredAt: new Date(event.registeredAt),
  });
  if (row && isNewer(row, version, event.status)) {
    Object.assign(merged, { status: event.status, version, grade: event.grade, orgUnitId: event.orgUnitId, orgPath: event.orgPath });
  }
  return merged;
}

/**
 * hazard.status-changed: when it was reported, rectified or voided holds whatever the order of arrival; the
 * state (status, grade, unit, deadline) only from a change newer than the one the row holds.
 */
export function mergeStatusChange(row: HazardFact | null, event: PayloadOf<typeof HazardStatusChanged>): HazardFact {
  const version = event.version ?? row?.version ?? 1;
  const newer = isNewer(row, version, event.to);
  const merged = row ?? blank(event.id, event.orgUnitId, event.orgPath, event.grade, event.to, version);
  if (event.to === 'REPORTED') merged.reportedAt = earliest(merged.reportedAt, event.changedAt);
  if (RECTIFIED.includes(event.to)) merged.rectifiedAt = earliest(merged.rectifiedAt, event.changedAt);
  if (event.to === 'VOIDED') merged.voided = true;
  if (newer) {
    Object.assign(merged, { status: event.to, version, grade: event.grade, orgUnitId: event.orgUnitId, orgPath: event.orgPath });
    if (event.deadline !== undefined) merged.deadline = event.deadline;
  } else if (merged.deadline === null && event.deadline) {
    merged.deadline = event.deadline;
  }
  return merged;
}

/** hazard.overdue: the deadline passed before acceptance (the first detection is kept). */
export function mergeOverdue(row: HazardFact | null, event: PayloadOf<typeof HazardOverdue>): HazardFact {
  // Before any other event of the hazard: open after its report, at a version every real change supersedes.
  const merged = row ?? { ...blank(event.id, event.orgUnitId, event.orgPath, event.grade, 'RECTIFYING', 0), code: event.code };
  merged.overdueAt = earliest(merged.overdueAt, event.detectedAt);
  merged.deadline ??= event.deadline;
  return merged;
}

export function derivedFacts(row: HazardFact): DerivedHazardFacts {
  const rectifiedOn = row.rectifiedAt ? calendarDateOf(row.rectifiedAt) : null;
  const reportedLate = row.grade === 'MAJOR' && row.discoveredAt && row.reportedAt ? isMajorHazardReportLate(row.discoveredAt, row.reportedAt) : null;
  return { rectifiedOn, dueOn: row.deadline ?? rectifiedOn, reportedLate };
}
