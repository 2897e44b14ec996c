import { DutyPeriodKind } from './duty-enums';
import { addDays, dateRangeProblems, daysInclusive, shanghaiDateOf, shiftAt, shiftLength, shiftProblems, shiftStartsAt } from './duty-time';

const DAY = { name: '白班', start: '08:00', end: '20:00' };
const NIGHT = { name: '夜班', start: '20:00', end: '08:00' };
const period = { startDate: '2026-10-01', endDate: '2026-10-07', shifts: [DAY, NIGHT] };

describe('dates and clocks in Asia/Shanghai', () => {
  it('measures shifts, counting those past midnight and a whole-day shift', () => {
    expect(shiftLength(DAY)).toBe(720);
    expect(shiftLength(NIGHT)).toBe(720);
    expect(shiftLength({ name: '全天', start: '08:30', end: '08:30' })).toBe(1440);
  });

  it('places a shift start at UTC+8 and reads calendar days there', () => {
    expect(shiftStartsAt('2026-10-01', DAY).toISOString()).toBe('2026-10-01T00:00:00.000Z');
    expect(shiftStartsAt('2026-10-01', { name: '凌晨', start: '00:00', end: '06:00' }).toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(shanghaiDateOf(new Date('2026-09-30T16:00:00Z'))).toBe('2026-10-01');
    expect(shanghaiDateOf(new Date('2026-09-30T15:59:59Z'))).toBe('2026-09-30');
  });

  it('adds and counts days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysInclusive('2028-01-01', '2028-12-31')).toBe(366);
  });
});

describe('shiftAt', () => {
  it('finds the day shift during the day', () => {
    const found = shiftAt(period, new Date('2026-10-03T02:00:00Z')); // 10:00 in Shanghai
    expect(found).toMatchObject({ date: '2026-10-03', shift: DAY });
    expect(found?.endsAt.toISOString()).toBe('2026-10-03T12:00:00.000Z');
  });

  it('finds the night shift that started the previous day after midnight', () => {
    expect(shiftAt(period, new Date('2026-10-03T18:30:00Z'))).toMatchObject({ date: '2026-10-03', shift: NIGHT }); // 02:30 on 10-04
    expect(shiftAt(period, new Date('2026-10-03T12:00:00Z'))).toMatchObject({ date: '2026-10-03', shift: NIGHT }); // 20:00 sharp
  });

  it('covers the last night past the end date, and nothing before the first day', () => {
    expect(shiftAt(period, new Date('2026-10-07T20:00:00Z'))).toMatchObject({ date: '2026-10-07', shift: NIGHT }); // 04:00 on 10-08
    expect(shiftAt(period, new Date('2026-10-08T00:00:00Z'))).toBeNull(); // 08:00 on 10-08
    expect(shiftAt(period, new Date('2026-09-30T20:00:00Z'))).toBeNull(); // 04:00 on 10-01: the night of 09-30
  });

  it('finds nothing between the shifts of a part-day roster', () => {
    const office = { ...period, shifts: [{ name: '白班', start: '08:00', end: '17:00' }] };
    expect(shiftAt(office, new Date('2026-10-03T12:00:00Z'))).toBeNull();
  });
});

describe('shiftProblems', () => {
  it('accepts a day and a night shift covering 24 hours for a holiday', () => {
    expect(shiftProblems([DAY, NIGHT], DutyPeriodKind.HOLIDAY)).toEqual([]);
  });

  it('lets a normal roster cover part of the day but not a holiday roster', () => {
    const office = [{ name: '白班', start: '08:00', end: '17:30' }];
    expect(shiftProblems(office, DutyPeriodKind.NORMAL)).toEqual([]);
    expect(shiftProblems(office, DutyPeriodKind.SENSITIVE)).toEqual([
      { field: 'shifts', message: '敏感时期值班须 24 小时全覆盖，当前班次只覆盖 9 小时 30 分钟' },
    ]);
  });

  it('refuses overlapping shifts, also across midnight, and repeated names', () => {
    const problems = shiftProblems(
      [DAY, { name: '夜班', start: '19:00', end: '09:00' }, { name: '夜班', start: '09:00', end: '10:00' }],
      DutyPeriodKind.NORMAL,
    );
    expect(problems).toEqual([
      { field: 'shifts', message: '班次名称重复：夜班' },
      { field: 'shifts', message: '班次时间重叠：白班与夜班' },
    ]);
  });

  it('accepts one whole-day shift', () => {
    expect(shiftProblems([{ name: '全天', start: '08:00', end: '08:00' }], DutyPeriodKind.HOLIDAY)).toEqual([]);
  });
});

describe('dateRangeProblems', () => {
  it('refuses an end before the start and more than 366 days', () => {
    expect(dateRangeProblems('2026-10-02', '2026-10-01')).toEqual([{ field: 'endDate', message: '结束日期不能早于开始日期' }]);
    expect(dateRangeProblems('2026-01-01', '2027-01-01')).toEqual([]);
    expect(dateRangeProblems('2026-01-01', '2027-01-02')).toEqual([{ field: 'endDate', message: '值班表最长 366 天' }]);
  });
});
