import { calendarDateOf, schoolDayEnd } from '@campus/graphql';
import { MetricPeriod } from '../metrics/metric';

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

/** The subtree of one unit's path parameter, for its sources. */
export function inSubtree(column: string): string {
  return `${column} >= ? AND ${column} < CONCAT(?, '~')`;
}
