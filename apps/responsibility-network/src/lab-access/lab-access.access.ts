import { UNIT_SAFETY_MANAGER_ROLES } from '@campus/auth';
import { definePolicy, policyFromTransitions, scopedAccess, TransitionTable, viewRule } from '@campus/server';
import { LabAccessEntity, LabAccessState, LabRequirementsEntity } from './lab-access.entity';

/** Who keeps a lab's access: the lab's unit leadership and safety officer, and the safety office above. */
const LAB_MANAGERS = UNIT_SAFETY_MANAGER_ROLES;
const REFUSAL = '只有本单位负责人、安全员或安全管理部门可以办理实验室准入';

export const LAB_ACCESS_TRANSITIONS: TransitionTable<LabAccessState, 'REVOKE'> = {
  REVOKE: {
    from: ['ACTIVE'],
    to: 'REVOKED',
    roles: LAB_MANAGERS,
    label: '撤销',
    wrongState: '该准入已撤销',
    refusal: REFUSAL,
    condition: '须说明理由；已过期的准入也可撤销',
  },
};

/** Admissions: read by everyone in the lab's scope; admitted only when the lab's requirements are met. */
export const LAB_ACCESS_POLICY = policyFromTransitions('LabAccess', '实验室准入', LAB_ACCESS_TRANSITIONS, {
  view: viewRule(),
  admit: {
    roles: LAB_MANAGERS,
    label: '准入',
    refusal: REFUSAL,
    condition: '须满足实验室的准入条件（安全培训、安全测试在有效期内）；不满足时拒绝并记录所缺条件',
  },
});

export const LAB_ACCESS_ACCESS = scopedAccess(LAB_ACCESS_POLICY, LabAccessEntity);

export const LAB_REQUIREMENTS_POLICY = definePolicy({
  aggregate: 'LabRequirements',
  label: '实验室准入条件',
  actions: {
    view: viewRule(),
    set: { roles: LAB_MANAGERS, label: '设定', refusal: '只有本单位负责人、安全员或安全管理部门可以设定实验室准入条件', condition: '仅功能为实验实训室的在用场所' },
  },
});

export const LAB_REQUIREMENTS_ACCESS = scopedAccess(LAB_REQUIREMENTS_POLICY, LabRequirementsEntity);
