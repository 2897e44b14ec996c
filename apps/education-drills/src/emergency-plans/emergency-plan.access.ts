import { UNIT_SAFETY_MANAGER_ROLES } from '@campus/auth';
import { policyFromTransitions, scopedAccess, TransitionTable, viewRule } from '@campus/server';
import { EmergencyPlanStatus } from './emergency-plan-enums';
import { EmergencyPlanEntity } from './emergency-plan.entity';

/** Who writes and maintains a unit's emergency plans. */
const PLAN_EDITORS = UNIT_SAFETY_MANAGER_ROLES;
const REFUSAL = '只有本单位负责人、安全员或安全管理部门可以维护应急预案';
const LIVE = [EmergencyPlanStatus.DRAFT, EmergencyPlanStatus.APPROVED];
const RETIRED_REFUSAL = '预案已废止，不能再修改';

export type EmergencyPlanAction = 'EDIT' | 'SAVE_AS_DRAFT' | 'APPROVE' | 'RETIRE';

/** A draft is edited, approved or dropped; an approved plan is edited or retired; a retired one is final. */
export const EMERGENCY_PLAN_TRANSITIONS: TransitionTable<EmergencyPlanStatus, EmergencyPlanAction> = {
  EDIT: { from: LIVE, to: null, roles: PLAN_EDITORS, label: '修改', wrongState: RETIRED_REFUSAL, refusal: REFUSAL },
  SAVE_AS_DRAFT: {
    from: [EmergencyPlanStatus.DRAFT],
    to: EmergencyPlanStatus.DRAFT,
    roles: PLAN_EDITORS,
    label: '保存草案',
    wrongState: '已批准或已废止的预案不能退回草案',
    refusal: REFUSAL,
  },
  APPROVE: { from: LIVE, to: EmergencyPlanStatus.APPROVED, roles: PLAN_EDITORS, label: '批准', wrongState: RETIRED_REFUSAL, refusal: REFUSAL },
  RETIRE: { from: LIVE, to: EmergencyPlanStatus.RETIRED, roles: PLAN_EDITORS, label: '废止', wrongState: RETIRED_REFUSAL, refusal: REFUSAL },
};

/** The action a requested status means in updateEmergencyPlan. */
export const ACTION_FOR_STATUS: Record<EmergencyPlanStatus, EmergencyPlanAction> = {
  DRAFT: 'SAVE_AS_DRAFT',
  APPROVED: 'APPROVE',
  RETIRED: 'RETIRE',
};

export const EMERGENCY_PLAN_POLICY = policyFromTransitions('EmergencyPlan', '应急预案', EMERGENCY_PLAN_TRANSITIONS, {
  view: viewRule(),
  create: { roles: PLAN_EDITORS, label: '新建', refusal: REFUSAL },
});

export const EMERGENCY_PLAN_ACCESS = scopedAccess(EMERGENCY_PLAN_POLICY, EmergencyPlanEntity);
