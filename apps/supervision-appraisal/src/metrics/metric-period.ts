import { BadUserInputError, FieldProblem } from '@campus/graphql';
import { MetricPeriod } from './metric';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function lastDayOfMonth(day: string): string {
  const [year, month] = day.split('-').map(Number);
  return `${day.slice(0, 8)}${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** A period of whole months (from the 1st to a month's last day), as the metrics are defined; BAD_USER_INPUT otherwise. */
export function wholeMonths(from: string, to: string): MetricPeriod {
  const problems: FieldProblem[] = [];
  if (!DAY.test(from) || !from.endsWith('-01')) problems.push({ field: 'from', message: '开始日期应为某月 1 日（YYYY-MM-01）' });
  if (!DAY.test(to) || to !== lastDayOfMonth(to)) problems.push({ field: 'to', message: '结束日期应为某月最后一天' });
  if (!problems.length && from > to) problems.push({ field: 'to', message: '结束日期不能早于开始日期' });
  if (problems.length) throw new BadUserInputError(problems);
  return { from, to };
}
