import { lastMondayOf, NATIONAL_SAFETY_DAYS, nationalSafetyDay, ownDayRangeIn, rangesOverlapping } from './calendar';

describe('key safety days: date arithmetic', () => {
  it('finds the last Monday of March whatever weekday March ends on', () => {
    expect(lastMondayOf(2024, 3)).toBe('2024-03-25'); // 31 March 2024 is a Sunday
    expect(lastMondayOf(2025, 3)).toBe('2025-03-31'); // a Monday itself
    expect(lastMondayOf(2026, 3)).toBe('2026-03-30'); // a Tuesday
    expect(lastMondayOf(2027, 3)).toBe('2027-03-29'); // a Wednesday
    for (let year = 2000; year <= 2040; year++) {
      const day = new Date(`${lastMondayOf(year, 3)}T00:00:00Z`);
      expect(day.getUTCDay()).toBe(1);
      expect(day.getUTCMonth()).toBe(2);
      expect(day.getUTCDate()).toBeGreaterThan(24);
    }
  });

  it('gives each national day its dates in a year', () => {
    const in2026 = Object.fromEntries(NATIONAL_SAFETY_DAYS.map((day) => [day.id, day.rangeIn(2026)]));
    expect(in2026).toEqual({
      STUDENT_SAFETY_EDUCATION_DAY: { startDate: '2026-03-30', endDate: '2026-03-30' },
      NATIONAL_SECURITY_EDUCATION_DAY: { startDate: '2026-04-15', endDate: '2026-04-15' },
      DISASTER_PREVENTION_DAY: { startDate: '2026-05-12', endDate: '2026-05-12' },
      WORK_SAFETY_MONTH: { startDate: '2026-06-01', endDate: '2026-06-30' },
      ANTI_DRUG_DAY: { startDate: '2026-06-26', endDate: '2026-06-26' },
      FIRE_SAFETY_DAY: { startDate: '2026-11-09', endDate: '2026-11-09' },
      TRAFFIC_SAFETY_DAY: { startDate: '2026-12-02', endDate: '2026-12-02' },
    });
  });

  it('lists occurrences overlapping a window across New Year, a month that has begun included', () => {
    const fire = nationalSafetyDay('FIRE_SAFETY_DAY')!;
    expect(rangesOverlapping((year) => fire.rangeIn(year), '2026-11-10', '2027-11-09')).toEqual([{ startDate: '2027-11-09', endDate: '2027-11-09' }]);
    const month = nationalSafetyDay('WORK_SAFETY_MONTH')!;
    expect(rangesOverlapping((year) => month.rangeIn(year), '2026-06-20', '2026-08-01')).toEqual([{ startDate: '2026-06-01', endDate: '2026-06-30' }]);
  });

  it('repeats an annual own day from its first year and keeps a one-off in its year', () => {
    const annual = { startDate: '2026-12-30', endDate: '2027-01-02', annual: true };
    expect(ownDayRangeIn(annual, 2025)).toBeNull();
    expect(ownDayRangeIn(annual, 2028)).toEqual({ startDate: '2028-12-30', endDate: '2029-01-02' });
    expect(rangesOverlapping((year) => ownDayRangeIn(annual, year), '2028-01-01', '2028-01-10')).toEqual([
      { startDate: '2027-12-30', endDate: '2028-01-02' },
    ]);
    const once = { startDate: '2026-10-20', endDate: '2026-10-20', annual: false };
    expect(ownDayRangeIn(once, 2026)).toEqual({ startDate: '2026-10-20', endDate: '2026-10-20' });
    expect(ownDayRangeIn(once, 2027)).toBeNull();
  });
});
