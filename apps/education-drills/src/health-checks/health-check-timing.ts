import { calendarDateOf, SCHOOL_UTC_OFFSET_MS } from '@campus/graphql';
import { HealthCheckSession, HealthCheckTimeliness } from './health-check-enums';

const DAY_MS = 24 * 3600 * 1000;

/** Each session's deadline, minutes after midnight in the school's time zone. */
export const SESSION_DEADLINES: Record<HealthCheckSession, number> = {
  MORNING: 9 * 60,
  NOON: 14 * 60 + 30,
  EVENING: 21 * 60 + 30,
};

/** Sessions every class checks; boarding schools add the evening (a unit's schedule). */
export const DEFAULT_SESSIONS: readonly HealthCheckSession[] = [HealthCheckSession.MORNING, HealthCheckSession.NOON];
export const SESSION_ORDER: readonly HealthCheckSession[] = [HealthCheckSession.MORNING, HealthCheckSession.NOON, HealthCheckSession.EVENING];

/** The instant a session's entries become late: its deadline on the check day, school time. */
export function sessionDeadline(day: string, session: HealthCheckSession): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - SCHOOL_UTC_OFFSET_MS + SESSION_DEADLINES[session] * 60_000);
}

/**
 * On time before the session's deadline on the check day, late (迟报) after it the same day, back-filled (补填)
 * on any later day — all by the server's clock in the school's time zone.
 */
export function timelinessOf(day: string, session: HealthCheckSession, enteredAt: Date): HealthCheckTimeliness {
  const enteredOn = calendarDateOf(enteredAt);
  if (enteredOn > day) return HealthCheckTimeliness.BACKFILLED;
  return enteredAt.getTime() > sessionDeadline(day, session).getTime() ? HealthCheckTimeliness.LATE : HealthCheckTimeliness.ON_TIME;
}

/** Monday to Friday. Holidays and make-up days are not known to the platform yet: every weekday counts. */
export function isSchoolDay(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The school days from `from` to `to`, both included. */
export function schoolDaysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let at = Date.parse(`${from}T00:00:00Z`); at <= Date.parse(`${to}T00:00:00Z`); at += DAY_MS) {
    const day = new Date(at).toISOString().slice(0, 10);
    if (isSchoolDay(day)) days.push(day);
  }
  return days;
}

/** A check is expected once its deadline has passed (or once it is entered, whichever is first). */
export function isDue(day: string, session: HealthCheckSession, now: Date): boolean {
  return sessionDeadline(day, session).getTime() < now.getTime();
}

/** The day after a calendar day. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}
