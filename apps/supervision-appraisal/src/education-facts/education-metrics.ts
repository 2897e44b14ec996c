import { AutomaticMetric } from '../metrics/metric';
import { DRILLS_HELD_METRIC } from './drills-held.metric';
import { EDUCATION_COVERAGE_METRIC } from './education-coverage.metric';
import { LETTERS_SIGNED_METRIC } from './letters-signed.metric';
import { NOTICES_ACKNOWLEDGED_METRIC } from './notices-acknowledged.metric';
import { QUIZ_PASS_RATE_METRIC } from './quiz-pass-rate.metric';

/**
 * The automatic metrics computed from the education- and responsibility-side facts (each defined in its
 * file). As of a day within the period (MetricPeriod.asOf): facts kept by month (attendance, drills, quiz
 * results, notices) count up to that day's month, signatures up to that day.
 */
export const EDUCATION_METRICS: readonly AutomaticMetric[] = [
  EDUCATION_COVERAGE_METRIC,
  DRILLS_HELD_METRIC,
  QUIZ_PASS_RATE_METRIC,
  NOTICES_ACKNOWLEDGED_METRIC,
  LETTERS_SIGNED_METRIC,
];
