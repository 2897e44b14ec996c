import { FeatureModule } from '@campus/server';
import type { AppraisalDeps } from '../service';
import { AppraisalResultsExport, mountAppraisalResults } from './appraisal-results-export';

/**
 * 考核结果 downloads: GET /appraisal-results (汇总, 指标明细, 一票否决), streamed from the stored
 * appraisals of the units in the viewer's scope — a frozen appraisal downloads with the same figures every time.
 */
export const APPRAISAL_EXPORTS_MODULE: FeatureModule<AppraisalDeps> = {
  name: 'appraisal-exports',
  routes: (app, deps) => {
    mountAppraisalResults(app, new AppraisalResultsExport(deps.dataSource), deps.verifyToken);
  },
};
