import { calendarDateOf, schoolNoon } from '@campus/graphql';

/** The calendar day `days` after `day` (Asia/Shanghai), e.g. the last day of an "inspection due within N days" window. */
export function daysAfter(day: string, days: number): string {
  return calendarDateOf(new Date(schoolNoon(day).getTime() + days * 24 * 3600 * 1000));
}
