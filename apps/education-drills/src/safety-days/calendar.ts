/**
 * The national key safety days (国家规定的安全主题日) and the date arithmetic of their occurrences, on
 * calendar days of the school's time zone (YYYY-MM-DD strings; Date values only as UTC midnights of them).
 */

/** One stretch of days a safety day falls on in a year (a day, or a month like 安全生产月), inclusive. */
export interface DayRange {
  startDate: string;
  endDate: string;
}

export interface NationalSafetyDay {
  /** Stable id used in plans, links and the calendar file, e.g. "FIRE_SAFETY_DAY". */
  id: string;
  name: string;
  /** How the date is fixed, in words, e.g. "每年11月9日". */
  rule: string;
  description: string;
  /** The first year the day was kept. */
  since: number;
  rangeIn(year: number): DayRange;
}

const DAY_MS = 24 * 3600 * 1000;

export function dayString(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function utc(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

/** The calendar day `days` after `day` (negative: before). */
export function addDays(day: string, days: number): string {
  return dayString(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

function fixed(year: number, month: number, day: number): DayRange {
  const date = dayString(utc(year, month, day));
  return { startDate: date, endDate: date };
}

/** The last Monday of a month: back from its last day to a Monday (getUTCDay: 0 Sunday … 1 Monday). */
export function lastMondayOf(year: number, month: number): string {
  const last = utc(year, month + 1, 0);
  const back = (last.getUTCDay() + 6) % 7;
  return dayString(new Date(last.getTime() - back * DAY_MS));
}

function wholeMonth(year: number, month: number): DayRange {
  return { startDate: dayString(utc(year, month, 1)), endDate: dayString(utc(year, month + 1, 0)) };
}

export const NATIONAL_SAFETY_DAYS: readonly NationalSafetyDay[] = [
  {
    id: 'STUDENT_SAFETY_EDUCATION_DAY',
    name: '全国中小学生安全教育日',
    rule: '每年3月最后一个星期一',
    description: '国家教委等部门1996年设立，每年3月最后一周的星期一',
    since: 1996,
    rangeIn: (year) => {
      const date = lastMondayOf(year, 3);
      return { startDate: date, endDate: date };
    },
  },
  {
    id: 'NATIONAL_SECURITY_EDUCATION_DAY',
    name: '全民国家安全教育日',
    rule: '每年4月15日',
    description: '《中华人民共和国国家安全法》（2015年）规定',
    since: 2016,
    rangeIn: (year) => fixed(year, 4, 15),
  },
  {
    id: 'DISASTER_PREVENTION_DAY',
    name: '全国防灾减灾日',
    rule: '每年5月12日',
    description: '国务院2009年批准设立',
    since: 2009,
    rangeIn: (year) => fixed(year, 5, 12),
  },
  {
    id: 'WORK_SAFETY_MONTH',
    name: '安全生产月',
    rule: '每年6月',
    description: '国务院安全生产委员会组织的全国安全生产月活动',
    since: 2002,
    rangeIn: (year) => wholeMonth(year, 6),
  },
  {
    id: 'ANTI_DRUG_DAY',
    name: '国际禁毒日',
    rule: '每年6月26日',
    description: '联合国1987年确定，我国每年开展全民禁毒宣传',
    since: 1988,
    rangeIn: (year) => fixed(year, 6, 26),
  },
  {
    id: 'FIRE_SAFETY_DAY',
    name: '全国消防日',
    rule: '每年11月9日',
    description: '公安部1992年发起设立（“119”）',
    since: 1992,
    rangeIn: (year) => fixed(year, 11, 9),
  },
  {
    id: 'TRAFFIC_SAFETY_DAY',
    name: '全国交通安全日',
    rule: '每年12月2日',
    description: '国务院2012年批准设立（“122”）',
    since: 2012,
    rangeIn: (year) => fixed(year, 12, 2),
  },
];

export function nationalSafetyDay(id: string): NationalSafetyDay | undefined {
  return NATIONAL_SAFETY_DAYS.find((day) => day.id === id);
}

/** A unit's own day as stored: its first dates and whether it comes back every year. */
export interface OwnDayDates {
  startDate: string;
  endDate: string;
  annual: boolean;
}

/** The same month-day in another year (an own annual day never falls on 02-29: creation refuses it). */
function inYear(day: string, year: number): string {
  return `${year}${day.slice(4)}`;
}

/** The own day's range in a year, or null when it does not fall in that year. */
export function ownDayRangeIn(day: OwnDayDates, year: number): DayRange | null {
  const firstYear = Number(day.startDate.slice(0, 4));
  if (!day.annual) return firstYear === year ? { startDate: day.startDate, endDate: day.endDate } : null;
  if (year < firstYear) return null;
  const span = daysBetween(day.startDate, day.endDate);
  const startDate = inYear(day.startDate, year);
  return { startDate, endDate: addDays(startDate, span) };
}

/** Ranges (of any year) that overlap [from, to]. */
export function rangesOverlapping(rangeIn: (year: number) => DayRange | null, from: string, to: string): DayRange[] {
  const ranges: DayRange[] = [];
  // A range starting in the previous year can still reach into `from` (a span across New Year).
  for (let year = Number(from.slice(0, 4)) - 1; year <= Number(to.slice(0, 4)); year++) {
    const range = rangeIn(year);
    if (range && range.endDate >= from && range.startDate <= to) ranges.push(range);
  }
  return ranges;
}
