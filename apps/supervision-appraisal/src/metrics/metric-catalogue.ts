import { EDUCATION_METRICS } from '../education-facts/education-metrics';
import { HAZARD_METRICS } from '../hazard-facts/hazard-metric-list';
import { AutomaticMetric } from './metric';

/** Every automatic metric the service computes, by its IndicatorMetric code. */
export const AUTOMATIC_METRICS: readonly AutomaticMetric[] = [...HAZARD_METRICS, ...EDUCATION_METRICS];

export function automaticMetric(code: string): AutomaticMetric | undefined {
  return AUTOMATIC_METRICS.find((metric) => metric.code === code);
}
