import { InspectionCadence } from './inspection-enums';
import { addDays, daysBetween, duePeriods, isoWeekOf, monthOf, periodContaining, periodsEndingBetween, Schedule } from './periods';

const schedule = (cadence: InspectionCadence, startsOn: string, endsOn: string | null = null): Schedule => ({ cadence, startsOn, endsOn });

describe('inspection periods (Asia/Shanghai calendar days)', () => {
  it('adds days across months, leap days and years', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(daysBetween('2026-12-25', '2027-01-04')).toBe(10);
  });

  it('takes ISO weeks from Monday to Sunday, across months and years', () => {
    expect(isoWeekOf('2026-11-25')).toEqual({ start: '2026-11-23', end: '2026-11-29' }); // a Wednesday
    expect(isoWeekOf('2026-11-23')).toEqual({ start: '2026-11-23', end: '2026-11-29' }); // the Monday
    expect(isoWeekOf('2026-11-29')).toEqual({ start: '2026-11-23', end: '2026-11-29' }); // the Sunday
    expect(isoWeekOf('2026-12-01')).toEqual({ start: '2026-11-30', end: '2026-12-06' }); // crosses a month
    expect(isoWeekOf('2027-01-01')).toEqual({ start: '2026-12-28', end: '2027-01-03' }); // crosses a year
    expect(isoWeekOf('2026-12-28')).toEqual({ start: '2026-12-28', end: '2027-01-03' });
  });

  it('takes calendar months, February in leap and common years', () => {
    expect(monthOf('2026-11-15')).toEqual({ start: '2026-11-01', end: '2026-11-30' });
    expect(monthOf('2028-02-10')).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(monthOf('2026-02-28')).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    expect(monthOf('2026-12-31')).toEqual({ start: '2026-12-01', end: '2026-12-31' });
  });

  it('finds the period holding a day, none outside the schedule', () => {
    const weekly = schedule(InspectionCadence.WEEKLY, '2026-11-25', '2026-12-09');
    expect(periodContaining(weekly, '2026-11-24')).toBeNull(); // before the start, though in the first week
    expect(periodContaining(weekly, '2026-11-25')).toEqual({ start: '2026-11-23', end: '2026-11-29' });
    expect(periodContaining(weekly, '2026-12-09')).toEqual({ start: '2026-12-07', end: '2026-12-13' });
    expect(periodContaining(weekly, '2026-12-10')).toBeNull();
    expect(periodContaining(schedule(InspectionCadence.DAILY, '2026-11-01'), '2027-03-05')).toEqual({ start: '2027-03-05', end: '2027-03-05' });
    expect(periodContaining(schedule(InspectionCadence.MONTHLY, '2026-11-20'), '2026-12-31')).toEqual({ start: '2026-12-01', end: '2026-12-31' });
  });

  it('gives a ONCE schedule one period from its first to its last day', () => {
    const once = schedule(InspectionCadence.ONCE, '2026-11-10', '2026-11-20');
    expect(periodContaining(once, '2026-11-15')).toEqual({ start: '2026-11-10', end: '2026-11-20' });
    expect(periodContaining(once, '2026-11-21')).toBeNull();
    expect(periodsEndingBetween(once, '2026-11-01', '2026-11-30')).toEqual([{ start: '2026-11-10', end: '2026-11-20' }]);
    expect(periodsEndingBetween(once, '2026-11-21', '2026-11-30')).toEqual([]);
    expect(periodsEndingBetween(once, '2026-11-01', '2026-11-19')).toEqual([]);
  });

  it('lists the periods ending in a range: weeks across the new year, months, days', () => {
    const weekly = schedule(InspectionCadence.WEEKLY, '2026-12-16');
    expect(periodsEndingBetween(weekly, '2026-12-01', '2027-01-10')).toEqual([
      { start: '2026-12-14', end: '2026-12-20' },
      { start: '2026-12-21', end: '2026-12-27' },
      { start: '2026-12-28', end: '2027-01-03' },
      { start: '2027-01-04', end: '2027-01-10' },
    ]);
    // A week belongs to the range it ends in: the week of 2026-12-28 is January's.
    expect(periodsEndingBetween(weekly, '2027-01-01', '2027-01-31').map((period) => period.start)).toEqual([
      '2026-12-28',
      '2027-01-04',
      '2027-01-11',
      '2027-01-18',
      '2027-01-25',
    ]);
    const monthly = schedule(InspectionCadence.MONTHLY, '2026-11-20', '2027-02-01');
    expect(periodsEndingBetween(monthly, '2026-01-01', '2027-12-31')).toEqual([
      { start: '2026-11-01', end: '2026-11-30' },
      { start: '2026-12-01', end: '2026-12-31' },
      { start: '2027-01-01', end: '2027-01-31' },
      { start: '2027-02-01', end: '2027-02-28' },
    ]);
    const daily = schedule(InspectionCadence.DAILY, '2026-11-28', '2026-12-02');
    expect(periodsEndingBetween(daily, '2026-11-01', '2026-11-30').map((period) => period.start)).toEqual(['2026-11-28', '2026-11-29', '2026-11-30']);
    expect(periodsEndingBetween(daily, '2026-12-05', '2026-12-01')).toEqual([]);
  });

  it('counts as due only periods that have ended before today and before the schedule was stopped', () => {
    const daily = schedule(InspectionCadence.DAILY, '2026-11-01');
    expect(duePeriods(daily, '2026-11-01', '2026-11-30', '2026-11-04').map((period) => period.start)).toEqual([
      '2026-11-01',
      '2026-11-02',
      '2026-11-03',
    ]);
    const weekly = schedule(InspectionCadence.WEEKLY, '2026-11-02');
    // Wednesday 2026-11-18: the week of the 16th is still running.
    expect(duePeriods(weekly, '2026-11-01', '2026-11-30', '2026-11-18').map((period) => period.start)).toEqual(['2026-11-02', '2026-11-09']);
    // Stopped on Tuesday the 10th: the week it was stopped in is not due.
    expect(duePeriods(weekly, '2026-11-01', '2026-11-30', '2026-11-30', '2026-11-10').map((period) => period.start)).toEqual(['2026-11-02']);
    const once = schedule(InspectionCadence.ONCE, '2026-11-10', '2026-11-20');
    expect(duePeriods(once, '2026-11-01', '2026-11-30', '2026-11-20')).toEqual([]);
    expect(duePeriods(once, '2026-11-01', '2026-11-30', '2026-11-21')).toEqual([{ start: '2026-11-10', end: '2026-11-20' }]);
  });
});
