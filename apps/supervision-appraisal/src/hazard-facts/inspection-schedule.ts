/**
 * Which checks of an inspection task fall due (日检查、周整改、月汇总), by arithmetic on day numbers: a task
 * runs from startsOn to endsOn (or on); its periods are the days, ISO weeks (Monday–Sunday) or calendar
 * months touching that range, or for ONCE the range itself; a period is due by its last day. In a metric
 * period a check is due when that last day lies in the period and before the cutoff — the as-of day, or the
 * day the task was stopped if earlier (the period it was stopped in is not due), as hazard-tracking counts.
 */
export type Cadence = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'ONCE';

export interface TaskSchedule {
  cadence: Cadence;
  startsOn: string;
  endsOn: string | null;
  stoppedOn: string | null;
}

const DAY_MS = 86_400_000;
export const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
export const dayOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
const monthIndex = (n: number) => {
  const date = new Date(n * DAY_MS);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
};
const monthEnd = (n: number) => {
  const date = new Date(n * DAY_MS);
  return Math.round(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0) / DAY_MS);
};
/** 1970-01-01 (day 0) was a Thursday: Sundays are the days ≡ 3 (mod 7). */
const isSunday = (n: number) => (((n - 3) % 7) + 7) % 7 === 0;

/** Is day n the last day of one of the schedule's periods? */
export function isPeriodEnd(schedule: TaskSchedule, n: number): boolean {
  switch (schedule.cadence) {
    case 'DAILY':
      return true;
    case 'WEEKLY':
      return isSunday(n);
    case 'MONTHLY':
      return monthEnd(n) === n;
    case 'ONCE':
      return n === dayNumber(schedule.endsOn ?? schedule.startsOn);
  }
}

/** The first day of the period ending on day n. */
export function periodStartOf(schedule: TaskSchedule, n: number): number {
  switch (schedule.cadence) {
    case 'DAILY':
      return n;
    case 'WEEKLY':
      return n - 6;
    case 'MONTHLY':
      return Math.round(Date.UTC(new Date(n * DAY_MS).getUTCFullYear(), new Date(n * DAY_MS).getUTCMonth(), 1) / DAY_MS);
    case 'ONCE':
      return dayNumber(schedule.startsOn);
  }
}

/** The days [lo, hi] (day numbers) in which a period end of the schedule is due in [from, to] as of asOf; empty when lo > hi. */
export function dueWindow(schedule: TaskSchedule, from: string, to: string, asOf: string): [number, number] {
  const cutoff = schedule.stoppedOn !== null && schedule.stoppedOn < asOf ? schedule.stoppedOn : asOf;
  const lo = Math.max(dayNumber(from), dayNumber(schedule.startsOn));
  let hi = Math.min(dayNumber(to), dayNumber(cutoff) - 1);
  if (schedule.endsOn !== null) {
    const last = dayNumber(schedule.endsOn);
    // The last period is the one holding endsOn: it ends on that day, that week's Sunday or that month's end.
    hi = Math.min(hi, schedule.cadence === 'WEEKLY' ? last + 6 : schedule.cadence === 'MONTHLY' ? monthEnd(last) : last);
  }
  return [lo, hi];
}

/** How many checks of the schedule are due in [from, to] as of asOf. */
export function dueCount(schedule: TaskSchedule, from: string, to: string, asOf: string): number {
  const [lo, hi] = dueWindow(schedule, from, to, asOf);
  if (lo > hi) return 0;
  switch (schedule.cadence) {
    case 'DAILY':
      return hi - lo + 1;
    case 'WEEKLY':
      return Math.floor((hi - 3) / 7) - Math.floor((lo - 1 - 3) / 7);
    case 'MONTHLY':
      return monthIndex(hi + 1) - monthIndex(lo);
    case 'ONCE': {
      const end = dayNumber(schedule.endsOn ?? schedule.startsOn);
      return lo <= end && end <= hi ? 1 : 0;
    }
  }
}
