import { GraphQLError, Kind } from 'graphql';
import { CalendarDate, isCalendarDate } from './calendar-date';

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
