import { AutomaticMetric } from '../metrics/metric';
import { CAMPAIGN_REPORTS_ON_TIME } from './campaign-report-metric';
import { HAZARD_LEDGER_METRICS } from './hazard-metrics';
import { INCIDENTS } from './incident-metric';
import { INSPECTION_COMPLETION } from './inspection-completion.metric';

/** The hazard-side automatic metrics, computed from the facts this module keeps. */
export const HAZARD_METRICS: readonly AutomaticMetric[] = [...HAZARD_LEDGER_METRICS, INSPECTION_COMPLETION, CAMPAIGN_REPORTS_ON_TIME, INCIDENTS];
