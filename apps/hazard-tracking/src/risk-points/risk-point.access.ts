import { UNIT_SAFETY_MANAGER_ROLES } from '@campus/auth';
import { policyFromTransitions, scopedAccess, TransitionTable, viewRule } from '@campus/server';
import { RiskPointEntity } from './risk-point.entity';

/** Who identifies and grades risks: the unit's leader and safety officer, the school, the bureau. */
const RISK_MANAGERS = UNIT_SAFETY_MANAGER_ROLES;

export enum RiskPointState {
  ACTIVE = 'ACTIVE',
  STRUCK_OFF = 'STRUCK_OFF',
}

export type RiskPointAction = 'review' | 'strikeOff';

/** 在管 → 已销号 (terminal): a struck-off point is no longer reviewed or edited. */
export const RISK_POINT_TRANSITIONS: TransitionTable<RiskPointState, RiskPointAction> = {
  review: {
    from: [RiskPointState.ACTIVE],
    to: null,
    roles: RISK_MANAGERS,
    label: '复评',
    refusal: '您无权评审该风险点',
    wrongState: '该风险点已销号，不能再复评或修改',
    wrongStateReason: 'INACTIVE',
  },
  strikeOff: {
    from: [RiskPointState.ACTIVE],
    to: RiskPointState.STRUCK_OFF,
    roles: RISK_MANAGERS,
    label: '销号',
    refusal: '您无权对该风险点销号',
    wrongState: '该风险点已销号',
    wrongStateReason: 'INACTIVE',
    condition: '须填写销号原因，审批人为操作人本人',
  },
};

export const RISK_POINT_POLICY = policyFromTransitions('RiskPoint', '风险点', RISK_POINT_TRANSITIONS, {
  view: viewRule(),
  create: { roles: RISK_MANAGERS, label: '登记', refusal: '您无权在该单位登记风险点' },
});

export const RISK_POINT_ACCESS = scopedAccess(RISK_POINT_POLICY, RiskPointEntity);

export function riskPointState(point: RiskPointEntity): RiskPointState {
  return point.active ? RiskPointState.ACTIVE : RiskPointState.STRUCK_OFF;
}
