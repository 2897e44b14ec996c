import { UNIT_SAFETY_MANAGER_ROLES } from '@campus/auth';
import { policyFromTransitions, scopedAccess, TransitionTable, viewRule } from '@campus/server';
import { DrillStatus } from './drill-enums';
import { DrillEntity } from './drill.entity';

/** Who plans, records and evaluates a unit's drills: its leadership, its safety officer and the offices above. */
const DRILL_MANAGERS = UNIT_SAFETY_MANAGER_ROLES;
const REFUSAL = '只有本单位负责人、安全员或安全管理部门可以组织和评估应急演练';

export type DrillAction = 'PLAN' | 'EDIT' | 'HOLD' | 'EVALUATE' | 'RAISE_PROBLEM' | 'CANCEL';

/** 计划 → 实施 → 评估; a plan not yet held may be changed or cancelled; problems of an evaluation are raised as hazards. */
export const DRILL_TRANSITIONS: TransitionTable<DrillStatus, DrillAction> = {
  PLAN: { from: [], to: DrillStatus.PLANNED, roles: DRILL_MANAGERS, label: '制定演练计划', wrongState: '演练已存在', refusal: REFUSAL },
  EDIT: {
    from: [DrillStatus.PLANNED],
    to: null,
    roles: DRILL_MANAGERS,
    label: '修改演练计划',
    wrongState: '演练已实施或已取消，计划不能再修改',
    refusal: REFUSAL,
  },
  HOLD: {
    from: [DrillStatus.PLANNED],
    to: DrillStatus.HELD,
    roles: DRILL_MANAGERS,
    label: '记录演练实施',
    wrongState: '只有计划中的演练可以记录实施情况',
    wrongStates: { CANCELLED: '演练已取消，不能记录实施' },
    refusal: REFUSAL,
  },
  EVALUATE: {
    from: [DrillStatus.HELD],
    to: DrillStatus.EVALUATED,
    roles: DRILL_MANAGERS,
    label: '评估演练',
    wrongState: '只有已实施的演练可以评估',
    wrongStates: { PLANNED: '演练尚未实施，不能评估', EVALUATED: '演练已评估，不能重复评估' },
    refusal: REFUSAL,
  },
  RAISE_PROBLEM: {
    from: [DrillStatus.EVALUATED],
    to: null,
    roles: DRILL_MANAGERS,
    label: '将演练发现的问题转为隐患',
    wrongState: '只有已评估演练的问题可以转为隐患',
    refusal: REFUSAL,
  },
  CANCEL: {
    from: [DrillStatus.PLANNED],
    to: DrillStatus.CANCELLED,
    roles: DRILL_MANAGERS,
    label: '取消演练',
    wrongState: '只有计划中的演练可以取消',
    refusal: REFUSAL,
  },
};

export const DRILL_POLICY = policyFromTransitions('Drill', '应急演练', DRILL_TRANSITIONS, { view: viewRule() });
export const DRILL_ACCESS = scopedAccess(DRILL_POLICY, DrillEntity);
