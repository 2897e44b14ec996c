import { InspectionCadence } from './inspection-enums';

/** Calendar days are 'YYYY-MM-DD' strings in the school's time zone; the arithmetic below is on days only. */
export interface Period {
  start: string;
  end: string;
}

export interface Schedule {
  cadence: InspectionCadence;
  startsOn: string;
  /** Null: open-ended. ONCE schedules always have one. */
  endsOn: string | null;
}

const DAY_MS = 24 * 3600 * 1000;

function toUtc(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function fromUtc(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return fromUtc(new Date(toUtc(day).getTime() + days * DAY_MS));
}

/** The number of days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / DAY_MS);
}

/** The ISO week (Monday to Sunday) holding the day. */
export function isoWeekOf(day: string): Period {
  const mondayOffset = (toUtc(day).getUTCDay() + 6) % 7;
  const start = addDays(day, -mondayOffset);
  return { start, end: addDays(start, 6) };
}

/** The calendar month holding the day. */
export function monthOf(day: string): Period {
  const date = toUtc(day);
  const start = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
  const end = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0));
  return { start: fromUtc(start), end: fromUtc(end) };
}

/** True when the schedule runs on that day (between its first and last day). */
export function isScheduledOn(schedule: Schedule, day: string): boolean {
  return day >= schedule.startsOn && (schedule.endsOn === null || day <= schedule.endsOn);
}

/**
 * The period of the schedule holding the day, or null when the schedule does not run that day. A weekly
 * or monthly period is the whole calendar week or month, even when the schedule starts or ends inside it.
 */
export function periodContaining(schedule: Schedule, day: string): Period | null {
  if (!isScheduledOn(schedule, day)) return null;
  switch (schedule.cadence) {
    case InspectionCadence.DAILY:
      return { start: day, end: day };
    case InspectionCadence.WEEKLY:
      return isoWeekOf(day);
    case InspectionCadence.MONTHLY:
      return monthOf(day);
    case InspectionCadence.ONCE:
      return { start: schedule.startsOn, end: schedule.endsOn ?? schedule.startsOn };
  }
}

/** Every period of the schedule that ends between from and to (inclusive), in order. */
export function periodsEndingBetween(schedule: Schedule, from: string, to: string): Period[] {
  const periods: Period[] = [];
  let day = from > schedule.startsOn ? from : schedule.startsOn;
  for (let period = periodContaining(schedule, day); period && period.end <= to; period = periodContaining(schedule, day)) {
    if (period.end >= from) periods.push(period);
    if (schedule.cadence === InspectionCadence.ONCE) break;
    day = addDays(period.end, 1);
  }
  return periods;
}

/**
 * The periods that fell due between from and to: those that ended in the range strictly before `today`
 * (the current, unfinished period is not due yet) and, for a stopped schedule, strictly before the day it
 * was stopped (the period in which it was stopped is not due).
 */
export function duePeriods(schedule: Schedule, from: string, to: string, today: string, stoppedOn: string | null = null): Period[] {
  const cutoff = stoppedOn !== null && stoppedOn < today ? stoppedOn : today;
  const lastEnd = addDays(cutoff, -1);
  return periodsEndingBetween(schedule, from, lastEnd < to ? lastEnd : to);
}
