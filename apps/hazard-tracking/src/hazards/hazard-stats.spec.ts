import { HazardCategory, HazardGrade, HazardStatus } from './hazard-enums';
import { categoryCounter, gradeCounter, statusCounter } from './hazard-rollup';
import { periodPlan, statsQuery, toHazardStats } from './hazard-stats';

const DAY = 24 * 3600 * 1000;
const day = (date: string) => Date.parse(`${date}T00:00:00+08:00`);
const iso = (ms: number) => new Date(ms).toISOString();
const spans = (list: { start: number; end: number }[]) => list.map((span) => [iso(span.start), iso(span.end)]);

describe('periodPlan', () => {
  it('sums whole months from the rollup and reads nothing else', () => {
    const plan = periodPlan(day('2026-01-01'), day('2026-04-01'), day('2026-06-01'));
    expect(plan).toEqual({ months: ['2026-01-01', '2026-02-01', '2026-03-01'], add: [], subtract: [] });
  });

  it('reads a small leading part of a month from the hazards', () => {
    const plan = periodPlan(day('2026-01-25'), day('2026-03-01'), day('2026-06-01'));
    expect(plan.months).toEqual(['2026-02-01']);
    expect(spans(plan.add)).toEqual([[iso(day('2026-01-25')), iso(day('2026-02-01'))]]);
    expect(plan.subtract).toEqual([]);
  });

  it('sums a mostly covered month whole and takes the rest away', () => {
    const plan = periodPlan(day('2026-01-03'), day('2026-03-01'), day('2026-06-01'));
    expect(plan.months).toEqual(['2026-01-01', '2026-02-01']);
    expect(spans(plan.subtract)).toEqual([[iso(day('2026-01-01')), iso(day('2026-01-03'))]]);
    expect(plan.add).toEqual([]);
  });

  it('counts the current month whole, minus its future (where nothing is discovered yet)', () => {
    const now = day('2026-11-25') + 10 * 3600 * 1000;
    const plan = periodPlan(day('2026-11-01'), day('2026-11-26'), now);
    expect(plan.months).toEqual(['2026-11-01']);
    expect(spans(plan.subtract)).toEqual([[iso(day('2026-11-26')), iso(day('2026-12-01'))]]);
  });

  it('handles a period inside one month, months across a year end, and an empty period', () => {
    expect(periodPlan(day('2026-03-10'), day('2026-03-12'), day('2026-06-01'))).toEqual({
      months: [],
      add: [{ start: day('2026-03-10'), end: day('2026-03-12') }],
      subtract: [],
    });
    expect(periodPlan(day('2025-12-01'), day('2026-02-01'), day('2026-06-01')).months).toEqual(['2025-12-01', '2026-01-01']);
    expect(periodPlan(day('2026-03-10'), day('2026-03-10'), day('2026-06-01'))).toEqual({ months: [], add: [], subtract: [] });
  });

  it('cuts months at midnight in Asia/Shanghai (16:00 UTC the day before)', () => {
    const plan = periodPlan(day('2026-02-01'), day('2026-03-01'), day('2026-06-01'));
    expect(plan.months).toEqual(['2026-02-01']);
    expect(iso(day('2026-02-01'))).toBe('2026-01-31T16:00:00.000Z');
    expect(periodPlan(day('2026-02-01'), day('2026-02-01') + DAY, day('2026-06-01')).add).toHaveLength(1);
  });
});

describe('toHazardStats', () => {
  it('turns summed counters into counts, rates and days', () => {
    const totals = new Map<string, number>([
      ['hazards', 4],
      [statusCounter(HazardStatus.CLOSED), 1],
      [statusCounter(HazardStatus.ARCHIVED), 1],
      [statusCounter(HazardStatus.RECTIFYING), 2],
      [statusCounter(HazardStatus.VOIDED), 3],
      [categoryCounter(HazardCategory.FIRE), 3],
      [categoryCounter(HazardCategory.GAS), 1],
      [gradeCounter(HazardGrade.GENERAL), 4],
      ['accepted_with_deadline', 2],
      ['accepted_on_time', 1],
      ['closed', 2],
      ['close_ms', 5 * DAY],
      ['overdue', 1],
    ]);
    expect(toHazardStats(totals, '2026-01-01', '2026-01-31')).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
      total: 4,
      byStatus: [
        { status: 'RECTIFYING', count: 2 },
        { status: 'CLOSED', count: 1 },
        { status: 'ARCHIVED', count: 1 },
      ],
      byCategory: [
        { category: 'FIRE', count: 3 },
        { category: 'GAS', count: 1 },
      ],
      byGrade: [{ grade: 'GENERAL', count: 4 }],
      rectified: 2,
      rectificationRate: 0.5,
      onTimeRate: 0.5,
      overdue: 1,
      averageDaysToClose: 2.5,
    });
  });

  it('has no rates without hazards', () => {
    const stats = toHazardStats(new Map(), '2026-01-01', '2026-01-31');
    expect(stats).toMatchObject({ total: 0, byStatus: [], rectificationRate: null, onTimeRate: null, averageDaysToClose: null, overdue: 0 });
  });
});

describe('statsQuery', () => {
  const plan = periodPlan(day('2026-01-25'), day('2026-03-01'), day('2026-06-01'));

  it('counts one unit without grouping, in one statement', () => {
    const query = statsQuery(['/a/b/'], plan, day('2026-01-25'), day('2026-03-01'), '2026-06-01');
    expect(query.sql.split('UNION ALL')).toHaveLength(3);
    expect(query.sql).not.toContain('GROUP BY');
    expect(query.params[0]).toBe('/a/b/');
    expect(query.params.filter((param) => param === '/a/b/%')).toHaveLength(3);
  });

  it('groups by the longest asked-for path and reads nested units once', () => {
    const query = statsQuery(['/a/', '/a/b/', '/a/c/'], plan, day('2026-01-25'), day('2026-03-01'), '2026-06-01');
    expect(query.sql).toContain('LEFT(m.org_path, 5)');
    expect(query.sql).toContain('GROUP BY unit_key');
    expect(query.params.filter((param) => typeof param === 'string' && param.endsWith('%'))).toEqual(['/a/%', '/a/%', '/a/%']);
  });

  it('reads many units under their common ancestor', () => {
    const paths = Array.from({ length: 60 }, (_, n) => `/root/county${n % 3}/school${n}/`);
    const query = statsQuery(paths, plan, day('2026-01-25'), day('2026-03-01'), '2026-06-01');
    expect(query.params.filter((param) => typeof param === 'string' && param.endsWith('%'))).toEqual(['/root/%', '/root/%', '/root/%']);
  });
});
