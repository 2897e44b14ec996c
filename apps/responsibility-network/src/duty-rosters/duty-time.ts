import { FieldProblem, SCHOOL_UTC_OFFSET_MS } from '@campus/graphql';
import { DUTY_PERIOD_KIND_LABELS, DutyPeriodKind, needsFullCoverage } from './duty-enums';

// Dates and shift clocks of duty rosters are in the school's time zone, at its fixed SCHOOL_UTC_OFFSET_MS.
const MS_PER_MINUTE = 60 * 1000;
const MS_PER_DAY = 24 * 60 * MS_PER_MINUTE;
export const MINUTES_PER_DAY = 24 * 60;
export const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A shift of every duty day: "08:00"–"20:00"; an end at or before the start runs past midnight. */
export interface ShiftTimes {
  name: string;
  start: string;
  end: string;
}

export interface DutyPeriod<S extends ShiftTimes = ShiftTimes> {
  startDate: string;
  endDate: string;
  shifts: S[];
}

export function clockMinutes(clock: string): number {
  const match = CLOCK.exec(clock);
  if (!match) throw new Error(`not a clock time: ${clock}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export function isOvernight(shift: ShiftTimes): boolean {
  return clockMinutes(shift.end) <= clockMinutes(shift.start);
}

/** Minutes a shift lasts; equal start and end make a 24-hour shift. */
export function shiftLength(shift: ShiftTimes): number {
  const start = clockMinutes(shift.start);
  const end = clockMinutes(shift.end);
  return end > start ? end - start : end + MINUTES_PER_DAY - start;
}

function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
}

function dateOfDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumber(date) + days);
}

/** Days from the first date to the last, both included. */
export function daysInclusive(first: string, last: string): number {
  return dayNumber(last) - dayNumber(first) + 1;
}

export function datesFrom(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let day = dayNumber(first); day <= dayNumber(last); day++) dates.push(dateOfDayNumber(day));
  return dates;
}

/** The calendar day of an instant in Asia/Shanghai. */
export function shanghaiDateOf(instant: Date): string {
  return new Date(instant.getTime() + SCHOOL_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a shift begins on a duty date. */
export function shiftStartsAt(date: string, shift: ShiftTimes): Date {
  return new Date(dayNumber(date) * MS_PER_DAY + clockMinutes(shift.start) * MS_PER_MINUTE - SCHOOL_UTC_OFFSET_MS);
}

export function shiftEndsAt(date: string, shift: ShiftTimes): Date {
  return new Date(shiftStartsAt(date, shift).getTime() + shiftLength(shift) * MS_PER_MINUTE);
}

export interface ShiftOccurrence<S extends ShiftTimes> {
  /** The duty date: the day the shift began. */
  date: string;
  shift: S;
  startsAt: Date;
  endsAt: Date;
}

/**
 * The shift of a roster running at an instant, or null. A night shift that began the day before still
 * runs after midnight, so yesterday's shifts are looked at too.
 */
export function shiftAt<S extends ShiftTimes>(period: DutyPeriod<S>, instant: Date): ShiftOccurrence<S> | null {
  const today = shanghaiDateOf(instant);
  for (const date of [today, addDays(today, -1)]) {
    if (date < period.startDate || date > period.endDate) continue;
    for (const shift of period.shifts) {
      const startsAt = shiftStartsAt(date, shift);
      const endsAt = shiftEndsAt(date, shift);
      if (startsAt <= instant && instant < endsAt) return { date, shift, startsAt, endsAt };
    }
  }
  return null;
}

export const MAX_ROSTER_DAYS = 366;

export function dateRangeProblems(startDate: string, endDate: string): FieldProblem[] {
  if (endDate < startDate) return [{ field: 'endDate', message: '结束日期不能早于开始日期' }];
  if (daysInclusive(startDate, endDate) > MAX_ROSTER_DAYS) {
    return [{ field: 'endDate', message: `值班表最长 ${MAX_ROSTER_DAYS} 天` }];
  }
  return [];
}

/**
 * Shifts of one duty day: unique names, no two overlapping (on the 24-hour clock, counting those past
 * midnight), and covering the whole day for holidays and sensitive periods.
 */
export function shiftProblems(shifts: ShiftTimes[], kind: DutyPeriodKind, field = 'shifts'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const names = shifts.map((shift) => shift.name);
  const repeated = names.filter((name, index) => names.indexOf(name) !== index);
  if (repeated.length) problems.push({ field, message: `班次名称重复：${[...new Set(repeated)].join('、')}` });

  const holder = new Array<string | undefined>(MINUTES_PER_DAY).fill(undefined);
  const overlaps = new Set<string>();
  for (const shift of shifts) {
    const start = clockMinutes(shift.start);
    for (let offset = 0; offset < shiftLength(shift); offset++) {
      const minute = (start + offset) % MINUTES_PER_DAY;
      const earlier = holder[minute];
      if (earlier !== undefined) overlaps.add(`${earlier}与${shift.name}`);
      else holder[minute] = shift.name;
    }
  }
  if (overlaps.size) problems.push({ field, message: `班次时间重叠：${[...overlaps].join('，')}` });

  const covered = holder.filter((name) => name !== undefined).length;
  if (needsFullCoverage(kind) && covered < MINUTES_PER_DAY) {
    problems.push({ field, message: `${DUTY_PERIOD_KIND_LABELS[kind]}值班须 24 小时全覆盖，当前班次只覆盖 ${formatMinutes(covered)}` });
  }
  return problems;
}

function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} 小时 ${rest} 分钟` : `${hours} 小时`;
}
