import { GraphQLError, Kind } from 'graphql';
import { CalendarDate, calendarDateOf, isCalendarDate, schoolDayEnd, schoolDateTimeText, schoolDayStart, schoolNoon } from './calendar-date';

function parseError(value: unknown): GraphQLError {
  try {
    CalendarDate.parseValue(value);
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return error as GraphQLError;
  }
  throw new Error(`expected ${JSON.stringify(value)} to be refused`);
}

describe('isCalendarDate', () => {
  it.each(['2026-02-28', '2024-02-29', '2026-12-31', '2000-02-29'])('accepts %s', (value) => {
    expect(isCalendarDate(value)).toBe(true);
  });

  it.each(['2026-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-1-1', '', '2026-02-28T00:00:00Z', ' 2026-02-28'])(
    'rejects "%s"',
    (value) => {
      expect(isCalendarDate(value)).toBe(false);
    },
  );
});

describe('CalendarDate scalar', () => {
  it('passes a valid date through parseValue and parseLiteral', () => {
    expect(CalendarDate.parseValue('2026-11-24')).toBe('2026-11-24');
    expect(CalendarDate.parseLiteral({ kind: Kind.STRING, value: '2024-02-29' })).toBe('2024-02-29');
  });

  it.each([['2026-02-29'], ['2026-1-1'], [''], [20260101], [null]])('refuses %p with BAD_USER_INPUT', (value) => {
    const error = parseError(value);
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('YYYY-MM-DD');
  });

  it('refuses a non-string literal with BAD_USER_INPUT', () => {
    expect(() => CalendarDate.parseLiteral({ kind: Kind.INT, value: '20260101' })).toThrow(GraphQLError);
  });

  it('serializes to the day part only', () => {
    expect(CalendarDate.serialize('2026-11-24')).toBe('2026-11-24');
    expect(CalendarDate.serialize('2026-11-24T10:00:00.000Z')).toBe('2026-11-24');
  });
});

describe('school day instants', () => {
  it('starts a school day at 00:00 +08:00, the previous UTC day at 16:00', () => {
    expect(schoolDayStart('2026-01-01').toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(schoolDayStart('2026-11-22').getTime()).toBe(Date.parse('2026-11-22T00:00:00+08:00'));
    expect(schoolDayStart('2024-03-01').toISOString()).toBe('2024-02-29T16:00:00.000Z');
  });

  it('ends a school day where the next one starts', () => {
    expect(schoolDayEnd('2026-12-31').toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(schoolDayEnd('2024-02-28').getTime()).toBe(schoolDayStart('2024-02-29').getTime());
  });

  it('puts noon at 12:00 +08:00', () => {
    expect(schoolNoon('2026-11-24').toISOString()).toBe('2026-11-24T04:00:00.000Z');
  });

  it('agrees with calendarDateOf on the day an instant belongs to', () => {
    for (const day of ['2026-01-01', '2026-06-30', '2026-12-31']) {
      expect(calendarDateOf(schoolDayStart(day))).toBe(day);
      expect(calendarDateOf(schoolNoon(day))).toBe(day);
      expect(calendarDateOf(new Date(schoolDayEnd(day).getTime() - 1))).toBe(day);
    }
  });

  it('gives the same day as the time zone database, for the school and for another zone', () => {
    const zoned = (instant: Date, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
    for (let hour = 0; hour < 24 * 400; hour += 7) {
      const instant = new Date(Date.UTC(2025, 11, 1) + hour * 3600_000 + 59 * 60_000);
      expect(calendarDateOf(instant)).toBe(zoned(instant, 'Asia/Shanghai'));
      expect(calendarDateOf(instant, 'Europe/Berlin')).toBe(zoned(instant, 'Europe/Berlin'));
    }
  });

  it('gives an invalid date for text that is not a date', () => {
    expect(Number.isNaN(schoolDayStart('not a day').getTime())).toBe(true);
  });
});

describe('schoolDateTimeText', () => {
  it('writes an instant as Beijing wall-clock time, the day turning at midnight there', () => {
    expect(schoolDateTimeText(new Date('2026-03-05T01:02:03Z'))).toBe('2026/3/5 09:02:03');
    expect(schoolDateTimeText(new Date('2026-03-05T16:00:00Z'))).toBe('2026/3/6 00:00:00');
  });
});
