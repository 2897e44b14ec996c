import { calendarDateOf, decodeCursor, encodeCursor, schoolDayEnd } from '@campus/graphql';
import { MetricPeriod, MetricSource, MetricSourcePage, MetricUnit, MetricValue } from '../metrics/metric';

/** YYYY-MM of an instant in the school's time zone: the month a fact is kept under. */
export function monthOf(instant: string | Date): string {
  return calendarDateOf(new Date(instant)).slice(0, 7);
}

/** The period's last day that counts: its end, or the day it is taken as of when that is earlier. */
function lastCountedDay(period: MetricPeriod): string {
  return period.asOf && period.asOf < period.to ? period.asOf : period.to;
}

/**
 * A period's first and last month (periods are whole months); as of a day within the period, the months up
 * to that day's (facts kept by month count for the whole of their month).
 */
export function monthsOf(period: MetricPeriod): [string, string] {
  return [period.from.slice(0, 7), lastCountedDay(period).slice(0, 7)];
}

/** The instant a period is over (exclusive): 00:00 of the day after its last day, or after the day it is taken as of. */
export function periodEnd(period: MetricPeriod): Date {
  return schoolDayEnd(lastCountedDay(period));
}

/** More disjoint subtrees than this are read as one range from the first to the last (fewer conditions per row). */
const MAX_RANGES = 64;

/**
 * The rows of many units' subtrees in one statement, as index ranges of an org_path column: a unit's
 * subtree is [path, path + '~') — not `LIKE CONCAT(path, '%')`, which MariaDB cannot serve from the index;
 * paths hold only [A-Za-z0-9_-/], all below '~' in ascii_bin, so the range is exactly the subtree. A unit
 * under another asked unit adds no range. Up to MAX_RANGES subtrees are OR'd ranges; beyond (a year-end run's
 * 2,000 schools) one range from the first to the last path, read once, rows outside every unit ignored when
 * rolling up. (Joining a derived table of units instead makes MariaDB scan the whole index once per unit.)
 */
export function subtreesOf(units: readonly MetricUnit[], column: string): { sql: string; params: string[] } {
  const paths = [...new Set(units.map((unit) => unit.path))].sort();
  const tops = paths.filter((path, index) => !paths.slice(0, index).some((earlier) => path.startsWith(earlier)));
  if (tops.length > MAX_RANGES) return { sql: `${column} >= ? AND ${column} < ?`, params: [tops[0], `${tops[tops.length - 1]}~`] };
  return { sql: `(${tops.map(() => `(${column} >= ? AND ${column} < ?)`).join(' OR ')})`, params: tops.flatMap((path) => [path, `${path}~`]) };
}

/**
 * Sums figures counted per org path (rows of `GROUP BY org_path`) into every asked unit whose subtree holds
 * the path: each ancestor path of a row's path (itself included) that was asked for gets its figures.
 */
export function totalsByUnit<F extends string>(units: readonly MetricUnit[], rows: ({ org_path: string } & Record<F, string | number | null>)[], figures: readonly F[]): Map<string, Record<F, number>> {
  const zero = () => Object.fromEntries(figures.map((figure) => [figure, 0])) as Record<F, number>;
  const totals = new Map(units.map((unit) => [unit.id, zero()]));
  const unitsByPath = new Map<string, string[]>();
  for (const unit of units) unitsByPath.set(unit.path, [...(unitsByPath.get(unit.path) ?? []), unit.id]);
  for (const row of rows) {
    for (let end = row.org_path.indexOf('/', 1); end > 0; end = row.org_path.indexOf('/', end + 1)) {
      for (const unitId of unitsByPath.get(row.org_path.slice(0, end + 1)) ?? []) {
        const total = totals.get(unitId)!;
        for (const figure of figures) total[figure] += Number(row[figure] ?? 0);
      }
    }
  }
  return totals;
}

/** The subtree of one unit's path parameter, for its sources. */
export function inSubtree(column: string): string {
  return `${column} >= ? AND ${column} < CONCAT(?, '~')`;
}

export function rate(numerator: number, denominator: number): MetricValue {
  return { value: denominator ? numerator / denominator : null, numerator, denominator };
}

export function count(numerator: number): MetricValue {
  return { value: numerator, numerator, denominator: null };
}

/** A keyset cursor of `length` parts, or null for the first page. */
export function cursorOf(after: string | null, length: number): (string | number)[] | null {
  return decodeCursor(after, length);
}

/** A page from up to first + 1 rows read in key order. */
export function pageOf<R>(rows: R[], first: number, keyOf: (row: R) => (string | number)[], toSource: (row: R) => MetricSource): MetricSourcePage {
  const page = rows.slice(0, first);
  return {
    rows: page.map(toSource),
    hasMore: rows.length > first,
    endCursor: page.length ? encodeCursor(keyOf(page[page.length - 1])) : null,
  };
}

export function isoOrNull(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}
