import { IncidentSeverity } from './incident-enums';

/** Minutes from occurrence to report, rounded down (a report 59 s after the event is 0 minutes late). */
export function reportDelayMinutes(occurredAt: Date, reportedAt: Date): number {
  return Math.floor((reportedAt.getTime() - occurredAt.getTime()) / 60_000);
}

/** The longest allowed report delay: 60 minutes for 重大/特别重大 incidents, 120 for the others. */
export function reportDeadlineMinutes(severity: IncidentSeverity): number {
  return severity === IncidentSeverity.MAJOR || severity === IncidentSeverity.GRAVE ? 60 : 120;
}

/** 迟报: the delay exceeds the allowed time for the severity. */
export function isLateReport(severity: IncidentSeverity, delayMinutes: number): boolean {
  return delayMinutes > reportDeadlineMinutes(severity);
}
