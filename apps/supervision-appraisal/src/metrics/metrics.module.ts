import { FeatureModule } from '@campus/server';
import type { AppraisalDeps } from '../service';
import { AppraisalMetricResolver } from './metric.resolver';
import { APPRAISAL_METRIC_POLICY } from './metrics.access';

/** Automatic indicators' values of a unit and period, and the records behind them: Query.appraisalMetric. */
export const METRICS_MODULE: FeatureModule<AppraisalDeps> = {
  name: 'metrics',
  policies: [APPRAISAL_METRIC_POLICY],
  resolvers: ({ dataSource, directory }) => [new AppraisalMetricResolver(dataSource, directory)],
};
