import { UNIT_SAFETY_MANAGER_ROLES } from '@campus/auth';
import { policyFromTransitions, scopedAccess, TransitionTable, viewRule } from '@campus/server';
import { FireAcceptanceEntity } from './fire-acceptance.entity';
import { FireAcceptanceStatus } from './fire-acceptance-status';

const REFUSAL = '只有本单位负责人、安全员或安全管理部门可以登记消防验收情况';

/** The record's state; NONE before the first entry. */
export type FireAcceptanceState = FireAcceptanceStatus | 'NONE';

const ANY_STATE: FireAcceptanceState[] = ['NONE', ...Object.values(FireAcceptanceStatus)];

/**
 * Any standing may follow any other (a renovated building goes back to 验收中; a mistaken entry is corrected);
 * every change is kept in the history. The target status comes from the input.
 */
export const FIRE_ACCEPTANCE_TRANSITIONS: TransitionTable<FireAcceptanceState, 'RECORD'> = {
  RECORD: {
    from: ANY_STATE,
    to: null,
    roles: UNIT_SAFETY_MANAGER_ROLES,
    label: '登记或变更',
    wrongState: '当前状态不允许变更消防验收情况',
    refusal: REFUSAL,
    condition: '仅在用的楼栋；已验收或已备案须有文号、日期和出具机关，无需验收须有理由；版本号须为最新',
  },
};

export const FIRE_ACCEPTANCE_POLICY = policyFromTransitions('FireAcceptance', '消防验收记录', FIRE_ACCEPTANCE_TRANSITIONS, { view: viewRule() });

export const FIRE_ACCEPTANCE_ACCESS = scopedAccess(FIRE_ACCEPTANCE_POLICY, FireAcceptanceEntity);
