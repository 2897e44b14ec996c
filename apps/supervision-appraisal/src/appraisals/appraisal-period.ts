import { AppraisalPeriod } from '../appraisal-schemes/appraisal-enums';
import { MetricPeriod } from '../metrics/metric';

const MONTHS: Record<AppraisalPeriod, [number, number]> = {
  ANNUAL: [1, 12],
  FIRST_HALF: [1, 6],
  SECOND_HALF: [7, 12],
  Q1: [1, 3],
  Q2: [4, 6],
  Q3: [7, 9],
  Q4: [10, 12],
};

const pad = (n: number) => String(n).padStart(2, '0');

/** The whole months of a scheme's period in its year, e.g. 2026 FIRST_HALF → 2026-01-01 … 2026-06-30. */
export function schemePeriod(year: number, period: AppraisalPeriod): MetricPeriod {
  const [first, last] = MONTHS[period];
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDay)}` };
}
