import { ReportCadence } from './periodic-report-enums';
import { DEFAULT_DUE_RULES, dueAt, dueDay, isLate, minutesOfTime, periodByKey, periodLabel, periodOf, periodsBetween, shiftPeriod } from './report-periods';

const { WEEKLY, MONTHLY, QUARTERLY, ANNUAL } = ReportCadence;

describe('periodic reports: periods and due times (Asia/Shanghai)', () => {
  it('puts days into ISO weeks, including weeks that cross a year', () => {
    expect(periodOf(WEEKLY, '2026-12-07')).toEqual({ key: '2026-W50', startsOn: '2026-12-07', endsOn: '2026-12-13' });
    // 2026-12-31 is a Thursday: its week is the year's 53rd and runs into January.
    expect(periodOf(WEEKLY, '2027-01-02')).toEqual({ key: '2026-W53', startsOn: '2026-12-28', endsOn: '2027-01-03' });
    // 2024-12-30 is a Monday whose Thursday is in 2025: week 1 of 2025.
    expect(periodOf(WEEKLY, '2024-12-31')).toEqual({ key: '2025-W01', startsOn: '2024-12-30', endsOn: '2025-01-05' });
    expect(periodOf(WEEKLY, '2021-01-03').key).toBe('2020-W53');
  });

  it('reads week keys back and refuses weeks a year does not have', () => {
    expect(periodByKey(WEEKLY, '2026-W53')?.startsOn).toBe('2026-12-28');
    expect(periodByKey(WEEKLY, '2025-W01')?.startsOn).toBe('2024-12-30');
    expect(periodByKey(WEEKLY, '2025-W53')).toBeNull();
    expect(periodByKey(WEEKLY, '2026-12')).toBeNull();
    expect(periodByKey(WEEKLY, '2026-W00')).toBeNull();
  });

  it('computes months with their real ends, quarters and years', () => {
    expect(periodOf(MONTHLY, '2024-02-10')).toEqual({ key: '2024-02', startsOn: '2024-02-01', endsOn: '2024-02-29' });
    expect(periodOf(MONTHLY, '2026-02-28').endsOn).toBe('2026-02-28');
    expect(periodOf(QUARTERLY, '2026-11-30')).toEqual({ key: '2026-Q4', startsOn: '2026-10-01', endsOn: '2026-12-31' });
    expect(periodOf(QUARTERLY, '2026-04-01').key).toBe('2026-Q2');
    expect(periodOf(ANNUAL, '2026-06-01')).toEqual({ key: '2026', startsOn: '2026-01-01', endsOn: '2026-12-31' });
    expect(periodByKey(MONTHLY, '2026-13')).toBeNull();
    expect(periodByKey(QUARTERLY, '2026-Q5')).toBeNull();
    expect(periodByKey(QUARTERLY, '2026-Q3')).toEqual({ key: '2026-Q3', startsOn: '2026-07-01', endsOn: '2026-09-30' });
  });

  it('shifts periods across year ends both ways', () => {
    expect(shiftPeriod(MONTHLY, periodOf(MONTHLY, '2026-12-01'), 1).key).toBe('2027-01');
    expect(shiftPeriod(MONTHLY, periodOf(MONTHLY, '2026-01-31'), -1).key).toBe('2025-12');
    expect(shiftPeriod(QUARTERLY, periodOf(QUARTERLY, '2026-11-01'), 1).key).toBe('2027-Q1');
    expect(shiftPeriod(WEEKLY, periodOf(WEEKLY, '2026-12-28'), 1).key).toBe('2027-W01');
    expect(periodsBetween(MONTHLY, '2026-11-15', '2027-01-02').map((period) => period.key)).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(periodsBetween(MONTHLY, '2027-02-01', '2027-01-02')).toEqual([]);
  });

  it('places the default due times: Monday 12:00 of the week, the 5th of the next month, the 10th after the quarter', () => {
    const week = periodOf(WEEKLY, '2026-12-09');
    expect(dueAt(WEEKLY, week, DEFAULT_DUE_RULES.WEEKLY).toISOString()).toBe('2026-12-07T04:00:00.000Z');
    const december = periodOf(MONTHLY, '2026-12-09');
    expect(dueDay(MONTHLY, december, DEFAULT_DUE_RULES.MONTHLY)).toBe('2027-01-05');
    expect(dueAt(MONTHLY, december, DEFAULT_DUE_RULES.MONTHLY).toISOString()).toBe('2027-01-05T16:00:00.000Z');
    expect(dueDay(QUARTERLY, periodOf(QUARTERLY, '2026-12-09'), DEFAULT_DUE_RULES.QUARTERLY)).toBe('2027-01-10');
    expect(dueDay(ANNUAL, periodOf(ANNUAL, '2026-12-09'), DEFAULT_DUE_RULES.ANNUAL)).toBe('2027-01-15');
  });

  it('clamps a due day to the month end and counts the due instant itself as on time', () => {
    const january = periodOf(MONTHLY, '2026-01-20');
    expect(dueDay(MONTHLY, january, { offsetPeriods: 1, day: 31, minutes: 1440 })).toBe('2026-02-28');
    expect(dueDay(MONTHLY, periodOf(MONTHLY, '2024-01-20'), { offsetPeriods: 1, day: 31, minutes: 1440 })).toBe('2024-02-29');
    expect(dueDay(MONTHLY, january, { offsetPeriods: 0, day: 31, minutes: 1440 })).toBe('2026-01-31');
    const due = dueAt(WEEKLY, periodOf(WEEKLY, '2026-12-07'), DEFAULT_DUE_RULES.WEEKLY);
    expect(isLate(due, due)).toBe(false);
    expect(isLate(new Date(due.getTime() + 1), due)).toBe(true);
  });

  it('labels periods in Chinese and reads due times', () => {
    expect(periodLabel(WEEKLY, periodOf(WEEKLY, '2026-12-07'))).toBe('2026年第50周');
    expect(periodLabel(MONTHLY, periodOf(MONTHLY, '2026-03-07'))).toBe('2026年3月');
    expect(periodLabel(QUARTERLY, periodOf(QUARTERLY, '2026-12-07'))).toBe('2026年第四季度');
    expect(periodLabel(ANNUAL, periodOf(ANNUAL, '2026-12-07'))).toBe('2026年度');
    expect(minutesOfTime('12:00')).toBe(720);
    expect(minutesOfTime('24:00')).toBe(1440);
    expect(minutesOfTime('24:30')).toBeNull();
    expect(minutesOfTime('9:00')).toBeNull();
  });
});
