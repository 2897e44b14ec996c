import { calendarDateOf, decodeCursor, encodeCursor, schoolDayEnd } from '@campus/graphql';
import { MetricPeriod, MetricSource, MetricSourcePage, MetricUnit, MetricValue } from '../metrics/metric';

/** YYYY-MM of an instant in the school's time zone: the month a fact is kept under. */
export function monthOf(instant: string | Date): string {
  return calendarDateOf(new Date(instant)).slice(0, 7);
}

/** A period's first and last month (periods are whole months). */
export function monthsOf(period: MetricPeriod): [string, string] {
  return [period.from.slice(0, 7), period.to.slice(0, 7)];
}

/** The instant a period is over (exclusive): 00:00 of the day after its last day, school time. */
export function periodEnd(period: MetricPeriod): Date {
  return schoolDayEnd(period.to);
}

/**
 * The units asked for as a derived table `u (unit_id, unit_path)`, one row per distinct unit id. The path is
 * ascii_bin like the facts' org_path columns, so a subtree condition on them is an index range.
 */
export function unitsTable(units: readonly MetricUnit[]): { sql: string; params: string[] } {
  const distinct = [...new Map(units.map((unit) => [unit.id, unit])).values()];
  return {
    sql: distinct.map(() => 'SELECT CONVERT(? USING ascii) COLLATE ascii_bin AS unit_id, CONVERT(? USING ascii) COLLATE ascii_bin AS unit_path').join(' UNION ALL '),
    params: distinct.flatMap((unit) => [unit.id, unit.path]),
  };
}

/**
 * A column's rows in the subtree of `pathSql` (a unit path): an index range [path, path + '~'), not
 * `LIKE CONCAT(path, '%')`, which MariaDB cannot serve from the index; paths hold only [A-Za-z0-9_-/],
 * all below '~' in ascii_bin, so the range is exactly the subtree.
 */
export function inSubtree(column: string, pathSql: string): string {
  return `${column} >= ${pathSql} AND ${column} < CONCAT(${pathSql}, '~')`;
}

export function rate(numerator: number, denominator: number): MetricValue {
  return { value: denominator ? numerator / denominator : null, numerator, denominator };
}

export function count(numerator: number): MetricValue {
  return { value: numerator, numerator, denominator: null };
}

/** Every unit asked for, with its value from the rows (units without rows get `empty`). */
export function valuesByUnit<R extends { unit_id: string }>(units: readonly MetricUnit[], rows: R[], toValue: (row: R | undefined) => MetricValue): Map<string, MetricValue> {
  const byUnit = new Map(rows.map((row) => [row.unit_id, row]));
  return new Map(units.map((unit) => [unit.id, toValue(byUnit.get(unit.id))]));
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
