import { UNIT_SAFETY_MANAGER_ROLES } from '@campus/auth';
import { definePolicy, scopedAccess, viewRule } from '@campus/server';
import { RiskPointEntity } from './risk-point.entity';

/** Who identifies and grades risks: the unit's leader and safety officer, the school, the bureau. */
const RISK_MANAGERS = UNIT_SAFETY_MANAGER_ROLES;

export const RISK_POINT_POLICY = definePolicy({
  aggregate: 'RiskPoint',
  label: '风险点',
  actions: {
    view: viewRule(),
    create: { roles: RISK_MANAGERS, label: '登记', refusal: '您无权在该单位登记风险点' },
    review: { roles: RISK_MANAGERS, label: '复评', refusal: '您无权评审该风险点' },
  },
});

export const RISK_POINT_ACCESS = scopedAccess(RISK_POINT_POLICY, RiskPointEntity);
