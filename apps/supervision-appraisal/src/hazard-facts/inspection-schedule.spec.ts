import { dayNumber, dayOf, dueCount, dueWindow, isPeriodEnd, periodStartOf, TaskSchedule } from './inspection-schedule';

/** The due checks counted one day at a time: what the arithmetic must agree with. */
function enumerated(schedule: TaskSchedule, from: string, to: string, asOf: string): string[] {
  const [lo, hi] = dueWindow(schedule, from, to, asOf);
  const ends: string[] = [];
  for (let n = lo; n <= hi; n++) if (isPeriodEnd(schedule, n)) ends.push(dayOf(n));
  return ends;
}

describe('inspection schedules', () => {
  it('counts the days, Sundays and month ends that fall due, before the as-of day', () => {
    const daily: TaskSchedule = { cadence: 'DAILY', startsOn: '2026-03-10', endsOn: null, stoppedOn: null };
    expect(dueCount(daily, '2026-03-01', '2026-03-31', '2026-04-15')).toBe(22);
    expect(dueCount(daily, '2026-03-01', '2026-03-31', '2026-03-20')).toBe(10); // 03-10 … 03-19
    const weekly: TaskSchedule = { cadence: 'WEEKLY', startsOn: '2026-03-04', endsOn: '2026-03-18', stoppedOn: null };
    expect(enumerated(weekly, '2026-01-01', '2026-12-31', '2027-01-01')).toEqual(['2026-03-08', '2026-03-15', '2026-03-22']);
    expect(dueCount(weekly, '2026-01-01', '2026-12-31', '2027-01-01')).toBe(3);
    const monthly: TaskSchedule = { cadence: 'MONTHLY', startsOn: '2026-01-20', endsOn: null, stoppedOn: '2026-05-10' };
    expect(enumerated(monthly, '2026-01-01', '2026-12-31', '2027-01-01')).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
    expect(dueCount(monthly, '2026-01-01', '2026-12-31', '2027-01-01')).toBe(4);
    const once: TaskSchedule = { cadence: 'ONCE', startsOn: '2026-06-01', endsOn: '2026-06-05', stoppedOn: null };
    expect(dueCount(once, '2026-06-01', '2026-06-30', '2026-06-05')).toBe(0);
    expect(dueCount(once, '2026-06-01', '2026-06-30', '2026-06-06')).toBe(1);
    expect(dayOf(periodStartOf(once, dayNumber('2026-06-05')))).toBe('2026-06-01');
    expect(dayOf(periodStartOf(monthly, dayNumber('2026-02-28')))).toBe('2026-02-01');
    expect(dayOf(periodStartOf(weekly, dayNumber('2026-03-15')))).toBe('2026-03-09');
  });

  it('agrees with counting day by day over many schedules and periods', () => {
    const cadences = ['DAILY', 'WEEKLY', 'MONTHLY', 'ONCE'] as const;
    const day = (offset: number) => dayOf(dayNumber('2025-11-01') + offset);
    for (let seed = 0; seed < 400; seed++) {
      const start = (seed * 37) % 300;
      const schedule: TaskSchedule = {
        cadence: cadences[seed % 4],
        startsOn: day(start),
        endsOn: seed % 3 === 0 ? null : day(start + ((seed * 13) % 120)),
        stoppedOn: seed % 5 === 0 ? day(start + ((seed * 7) % 200)) : null,
      };
      const from = day((seed * 11) % 200);
      const to = day((seed * 11) % 200 + 30 + (seed % 250));
      const asOf = day((seed * 17) % 500);
      expect([seed, dueCount(schedule, from, to, asOf)]).toEqual([seed, enumerated(schedule, from, to, asOf).length]);
    }
  });
});
