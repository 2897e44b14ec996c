import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const FORMAT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  const match = FORMAT.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

function parse(value: unknown): string {
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    throw new GraphQLError(`日期格式应为 YYYY-MM-DD，收到 ${JSON.stringify(value)} (BAD_USER_INPUT)`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

/** A day as people mean it (deadline, review date, duty date), in the school's time zone: "2026-11-24". */
export const CalendarDate = new GraphQLScalarType<string, string>({
  name: 'CalendarDate',
  description: '日历日期 YYYY-MM-DD（学校所在时区）',
  serialize: (value) => String(value).slice(0, 10),
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) return parse(undefined);
    return parse(ast.value);
  },
});

/** The school's time zone; days people mean (deadlines, months of a report) are counted in it. */
export const SCHOOL_TIME_ZONE = 'Asia/Shanghai';

/** SCHOOL_TIME_ZONE's offset from UTC (+08:00). A constant is exact: China has kept no daylight saving time since 1991. */
export const SCHOOL_UTC_OFFSET_MS = 8 * 3600 * 1000;

const DAY_MS = 24 * 3600 * 1000;

/** The instant a school day (YYYY-MM-DD) begins: 00:00 in the school's time zone. */
export function schoolDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - SCHOOL_UTC_OFFSET_MS);
}

/** The instant a school day (YYYY-MM-DD) is over: 00:00 of the next day in the school's time zone (exclusive end). */
export function schoolDayEnd(day: string): Date {
  return new Date(schoolDayStart(day).getTime() + DAY_MS);
}

/** Noon of a school day (YYYY-MM-DD) in the school's time zone. */
export function schoolNoon(day: string): Date {
  return new Date(schoolDayStart(day).getTime() + DAY_MS / 2);
}

/** Formatters of other time zones, built once each: building one costs far more than formatting with it. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar day of an instant in the school's time zone: "2026-01-01" for 2025-12-31T16:00Z. The school's
 * own zone is a fixed offset (SCHOOL_UTC_OFFSET_MS), so its day is plain arithmetic: this runs for every
 * date of every answer, and an Intl formatter built per call was half the CPU of a simple query.
 */
export function calendarDateOf(instant: Date, timeZone = SCHOOL_TIME_ZONE): string {
  if (timeZone === SCHOOL_TIME_ZONE) return new Date(instant.getTime() + SCHOOL_UTC_OFFSET_MS).toISOString().slice(0, 10);
  let format = dayFormats.get(timeZone);
  if (!format) dayFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return format.format(instant);
}

const SCHOOL_DATE_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: SCHOOL_TIME_ZONE,
  hour12: false,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** An instant as the school's wall-clock time for documents and messages, e.g. "2026/3/5 09:02:03" (one formatter, built once). */
export function schoolDateTimeText(instant: Date): string {
  return SCHOOL_DATE_TIME.format(instant);
}
