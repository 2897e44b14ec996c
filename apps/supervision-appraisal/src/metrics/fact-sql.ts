import { calendarDateOf, decodeCursor, encodeCursor, schoolDayEnd } from '@campus/graphql';
import { MetricPeriod, MetricSource, MetricSourcePage, MetricUnit, MetricValue } from './metric';

export interface SqlFragment {
  sql: string;
  params: unknown[];
}

/** Above this many disjoint subtrees, one range under their common ancestor is read instead (see subtreeRanges). */
export const MAX_SUBTREE_RANGES = 50;

/** The longest path (ending in '/') that starts every path given. */
export function commonAncestor(paths: readonly string[]): string {
  let prefix = paths[0];
  for (const path of paths) while (!path.startsWith(prefix)) prefix = prefix.slice(0, prefix.lastIndexOf('/', prefix.length - 2) + 1);
  return prefix;
}

/**
 * The asked units' subtrees as index ranges of an org_path column: [path, path + '~') — paths hold only
 * [A-Za-z0-9_-/], all below '~' in ascii_bin, so the range is exactly the subtree, and MariaDB serves it
 * from the index (it cannot for `LIKE CONCAT(path, '%')`). A unit inside another asked unit adds no range:
 * its rows are read once, under the outer one, and counted for both by rollUp. Beyond MAX_SUBTREE_RANGES
 * disjoint subtrees (a year-end run over 2,000 schools) the statement reads the one range of their common
 * ancestor: MariaDB re-checks an OR of ranges on every row it reads (2,000 ranges took minutes over 1 M
 * hazards), while rollUp drops the rows of units not asked for at no cost.
 */
export function subtreeRanges(column: string, units: readonly MetricUnit[]): SqlFragment {
  const outer: string[] = [];
  for (const path of [...new Set(units.map((unit) => unit.path))].sort()) {
    // Sorted, a path's descendants follow it directly.
    if (!outer.length || !path.startsWith(outer[outer.length - 1])) outer.push(path);
  }
  if (!outer.length) return { sql: '1 = 0', params: [] };
  const ranges = outer.length > MAX_SUBTREE_RANGES ? [commonAncestor(outer)] : outer;
  return { sql: `(${ranges.map(() => `(${column} >= ? AND ${column} < ?)`).join(' OR ')})`, params: ranges.flatMap((path) => [path, `${path}~`]) };
}

/** One unit's subtree as an index range. */
export function subtreeRange(column: string, unit: MetricUnit): SqlFragment {
  return { sql: `${column} >= ? AND ${column} < ?`, params: [unit.path, `${unit.path}~`] };
}

/**
 * Sums counts read per org_path (GROUP BY org_path) into every asked unit whose subtree holds the path;
 * every unit asked for has an entry, zero when nothing was read under it.
 */
export function rollUp<K extends string>(units: readonly MetricUnit[], rows: readonly ({ org_path: string } & Record<K, unknown>)[], keys: readonly K[]): Map<string, Record<K, number>> {
  const zero = () => Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  const totals = new Map(units.map((unit) => [unit.id, zero()]));
  const unitsAt = new Map<string, string[]>();
  for (const unit of units) unitsAt.set(unit.path, [...(unitsAt.get(unit.path) ?? []), unit.id]);
  for (const row of rows) {
    for (let end = row.org_path.indexOf('/', 1); end > 0; end = row.org_path.indexOf('/', end + 1)) {
      for (const unitId of unitsAt.get(row.org_path.slice(0, end + 1)) ?? []) {
        const total = totals.get(unitId)!;
        for (const key of keys) total[key] += Number(row[key] ?? 0);
      }
    }
  }
  return totals;
}

export function rateOf(numerator: number, denominator: number): MetricValue {
  return { value: denominator ? numerator / denominator : null, numerator, denominator };
}

export function countOf(numerator: number): MetricValue {
  return { value: numerator, numerator, denominator: null };
}

/** Keyset paging of sources by [sort key, id]: the condition after a cursor, in the index's order. */
export function afterKey(keyColumn: string, idColumn: string, after: string | null): SqlFragment {
  const cursor = decodeCursor(after, 2);
  if (!cursor) return { sql: '1 = 1', params: [] };
  const [key, id] = cursor;
  return { sql: `(${keyColumn} > ? OR (${keyColumn} = ? AND ${idColumn} > ?))`, params: [key, key, id] };
}

/** A keyset cursor of `length` parts, or null for the first page. */
export function cursorOf(after: string | null, length: number): (string | number)[] | null {
  return decodeCursor(after, length);
}

/** A page from up to first + 1 rows read in key order. */
export function sourcePage<R>(rows: readonly R[], first: number, keyOf: (row: R) => (string | number)[], toSource: (row: R) => MetricSource): MetricSourcePage {
  const page = rows.slice(0, first);
  return { rows: page.map(toSource), hasMore: rows.length > first, endCursor: page.length ? encodeCursor(keyOf(page[page.length - 1])) : null };
}

/** A DATE or DATETIME column as read by mysql2 (dates are strings, datetimes Date objects) to ISO text. */
export function isoOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString() : String(value);
}

/**
 * The day a period's values are taken as of (today by default), and the instant they are: the end of that
 * day, or now when that is earlier (facts of instants — a report 24 hours after discovery — are then exact).
 */
export function asOfOf(period: MetricPeriod, now = new Date()): { day: string; instant: Date } {
  const day = period.asOf ?? calendarDateOf(now);
  const end = schoolDayEnd(day);
  return { day, instant: end < now ? end : now };
}
