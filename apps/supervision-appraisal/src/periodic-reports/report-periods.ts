import { schoolDayStart } from '@campus/graphql';
import { ReportCadence } from './periodic-report-enums';

/**
 * Report periods are computed from the cadence and calendar days (Asia/Shanghai), never stored: a week is an
 * ISO week (Monday–Sunday, key 2026-W49, the year of its Thursday), a month 2026-12, a quarter 2026-Q4, a year 2026.
 */
export interface ReportPeriod {
  key: string;
  startsOn: string;
  endsOn: string;
}

/**
 * When a period's report is due: `day` of the period `offsetPeriods` after it (0: the period itself), at `minutes`
 * after midnight (1440: the end of that day). For WEEKLY `day` is the ISO weekday (1 Monday … 7 Sunday); for the
 * month-based cadences it is the day of that period's first month, clamped to the month's end.
 */
export interface DueRule {
  offsetPeriods: number;
  day: number;
  minutes: number;
}

const DAY_MS = 86_400_000;
const MONTHS: Record<Exclude<ReportCadence, ReportCadence.WEEKLY>, number> = { MONTHLY: 1, QUARTERLY: 3, ANNUAL: 12 };
const QUARTER_NAMES = ['一', '二', '三', '四'];

/** 周安排 due Monday 12:00 of its week; 月调度 by the 5th of the next month; 季报告 by the 10th after the quarter; 年度 by 15 January. */
export const DEFAULT_DUE_RULES: Record<ReportCadence, DueRule> = {
  WEEKLY: { offsetPeriods: 0, day: 1, minutes: 12 * 60 },
  MONTHLY: { offsetPeriods: 1, day: 5, minutes: 1440 },
  QUARTERLY: { offsetPeriods: 1, day: 10, minutes: 1440 },
  ANNUAL: { offsetPeriods: 1, day: 15, minutes: 1440 },
};

const pad = (value: number, width = 2) => String(value).padStart(width, '0');
const toUtc = (day: string) => Date.parse(`${day}T00:00:00Z`);
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  return dayOf(toUtc(day) + days * DAY_MS);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The ISO week holding a day: its Monday, and its key (the week-year is the year of its Thursday). */
function isoWeek(day: string): ReportPeriod {
  const weekday = (new Date(toUtc(day)).getUTCDay() + 6) % 7;
  const monday = addDays(day, -weekday);
  const thursday = addDays(monday, 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((toUtc(thursday) - toUtc(`${year}-01-01`)) / DAY_MS / 7) + 1;
  return { key: `${year}-W${pad(week)}`, startsOn: monday, endsOn: addDays(monday, 6) };
}

/** The month-based period starting in the given year and month (1–12) of a cadence. */
function monthPeriod(cadence: Exclude<ReportCadence, ReportCadence.WEEKLY>, year: number, firstMonth: number): ReportPeriod {
  const months = MONTHS[cadence];
  const lastMonth = firstMonth + months - 1;
  const startsOn = `${year}-${pad(firstMonth)}-01`;
  const endsOn = `${year}-${pad(lastMonth)}-${pad(daysInMonth(year, lastMonth))}`;
  const key = cadence === ReportCadence.MONTHLY ? `${year}-${pad(firstMonth)}` : cadence === ReportCadence.QUARTERLY ? `${year}-Q${(firstMonth + 2) / 3}` : String(year);
  return { key, startsOn, endsOn };
}

/** The period of a cadence that holds a calendar day. */
export function periodOf(cadence: ReportCadence, day: string): ReportPeriod {
  if (cadence === ReportCadence.WEEKLY) return isoWeek(day);
  const months = MONTHS[cadence];
  const month = Number(day.slice(5, 7));
  return monthPeriod(cadence, Number(day.slice(0, 4)), Math.floor((month - 1) / months) * months + 1);
}

/** The period a key names, or null when the key is not one of the cadence (e.g. 2026-W54, 2026-Q5, a month key for a week). */
export function periodByKey(cadence: ReportCadence, key: string): ReportPeriod | null {
  const patterns: Record<ReportCadence, RegExp> = {
    WEEKLY: /^(\d{4})-W(\d{2})$/,
    MONTHLY: /^(\d{4})-(\d{2})$/,
    QUARTERLY: /^(\d{4})-Q(\d)$/,
    ANNUAL: /^(\d{4})$/,
  };
  const match = patterns[cadence].exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  const number = Number(match[2] ?? 1);
  if (year < 2000 || year > 2999 || number < 1) return null;
  if (cadence === ReportCadence.WEEKLY) {
    const period = isoWeek(addDays(isoWeek(`${year}-01-04`).startsOn, (number - 1) * 7));
    return period.key === key ? period : null;
  }
  if (cadence === ReportCadence.MONTHLY) return number <= 12 ? monthPeriod(cadence, year, number) : null;
  if (cadence === ReportCadence.QUARTERLY) return number <= 4 ? monthPeriod(cadence, year, number * 3 - 2) : null;
  return monthPeriod(cadence, year, 1);
}

/** The period `count` periods after (or, negative, before) this one. */
export function shiftPeriod(cadence: ReportCadence, period: ReportPeriod, count: number): ReportPeriod {
  if (cadence === ReportCadence.WEEKLY) return isoWeek(addDays(period.startsOn, count * 7));
  const months = MONTHS[cadence];
  const index = Number(period.startsOn.slice(0, 4)) * 12 + Number(period.startsOn.slice(5, 7)) - 1 + count * months;
  return monthPeriod(cadence, Math.floor(index / 12), (index % 12) + 1);
}

/** The calendar day a period's report is due on. */
export function dueDay(cadence: ReportCadence, period: ReportPeriod, rule: DueRule): string {
  const base = shiftPeriod(cadence, period, rule.offsetPeriods);
  if (cadence === ReportCadence.WEEKLY) return addDays(base.startsOn, rule.day - 1);
  const year = Number(base.startsOn.slice(0, 4));
  const month = Number(base.startsOn.slice(5, 7));
  return `${year}-${pad(month)}-${pad(Math.min(rule.day, daysInMonth(year, month)))}`;
}

/** The instant a period's report is due (UTC). */
export function dueAt(cadence: ReportCadence, period: ReportPeriod, rule: DueRule): Date {
  return new Date(schoolDayStart(dueDay(cadence, period, rule)).getTime() + rule.minutes * 60_000);
}

/** A submission is late when it arrives after the due instant (the due instant itself is on time). */
export function isLate(submittedAt: Date, due: Date): boolean {
  return submittedAt.getTime() > due.getTime();
}

/** The periods from the one holding `fromDay` through the one holding `toDay`, oldest first (none when from is after to). */
export function periodsBetween(cadence: ReportCadence, fromDay: string, toDay: string): ReportPeriod[] {
  const periods: ReportPeriod[] = [];
  for (let period = periodOf(cadence, fromDay); period.startsOn <= toDay; period = shiftPeriod(cadence, period, 1)) periods.push(period);
  return periods;
}

/** "2026年第49周", "2026年12月", "2026年第四季度", "2026年度". */
export function periodLabel(cadence: ReportCadence, period: ReportPeriod): string {
  if (cadence === ReportCadence.WEEKLY) return `${period.key.slice(0, 4)}年第${Number(period.key.slice(6))}周`;
  const year = period.startsOn.slice(0, 4);
  if (cadence === ReportCadence.MONTHLY) return `${year}年${Number(period.startsOn.slice(5, 7))}月`;
  if (cadence === ReportCadence.QUARTERLY) return `${year}年第${QUARTER_NAMES[Number(period.key.slice(6)) - 1]}季度`;
  return `${year}年度`;
}

/** "12:00", "24:00" (the end of the day) ↔ minutes after midnight; null for a malformed time. */
export function minutesOfTime(text: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return Number(match[2]) < 60 && minutes <= 1440 ? minutes : null;
}

export function timeOfMinutes(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
