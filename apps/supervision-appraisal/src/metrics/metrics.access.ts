import { UNIT_SAFETY_MANAGER_ROLES } from '@campus/auth';
import { OrgUnitProjectionRow } from '@campus/org-directory';
import { definePolicy, scopedAccess } from '@campus/server';

/** An automatic indicator's value of a unit (its subtree) and the records behind it: for those who answer for the unit's safety work. */
export const APPRAISAL_METRIC_POLICY = definePolicy({
  aggregate: 'AppraisalMetricValue',
  label: '考核指标值',
  actions: {
    view: { roles: UNIT_SAFETY_MANAGER_ROLES, label: '查看', refusal: '只有单位负责人、安全员或上级管理部门可以查看考核指标值' },
  },
});

export const APPRAISAL_METRIC_ACCESS = scopedAccess(APPRAISAL_METRIC_POLICY, OrgUnitProjectionRow, (unit) => unit.path);
