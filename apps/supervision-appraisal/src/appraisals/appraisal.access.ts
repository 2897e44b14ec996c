import { definePolicy, scopedAccess, viewRule } from '@campus/server';
import { AppraisalEntity } from './appraisal.entity';

/** An appraisal is seen by its unit (and the units above it, whose scope covers it); it is computed under its scheme's transitions. */
export const APPRAISAL_POLICY = definePolicy({
  aggregate: 'Appraisal',
  label: '考核结果',
  actions: { view: viewRule('查看（被考核单位及其上级）') },
});

export const APPRAISAL_ACCESS = scopedAccess(APPRAISAL_POLICY, AppraisalEntity);
