import { UNIT_HEAD_ROLES } from '@campus/auth';
import { definePolicy, scopedAccess, viewRule } from '@campus/server';
import { DutyLeaderEntity } from './duty-leader.entity';

const REFUSAL = '只有本单位负责人或安全管理部门可以指定或撤销带班领导';

/** The unit's list of designated duty leaders: named by its leadership (the offices above it and its leader). */
export const DUTY_LEADER_POLICY = definePolicy({
  aggregate: 'DutyLeader',
  label: '带班领导',
  actions: {
    view: viewRule(),
    designate: {
      roles: UNIT_HEAD_ROLES,
      label: '指定',
      refusal: REFUSAL,
      condition: '须为本单位或其下级单位的在职人员；同一单位不重复指定',
    },
    withdraw: { roles: UNIT_HEAD_ROLES, label: '撤销', refusal: REFUSAL, condition: '已排的班次保留，但不再算作有带班领导' },
  },
});

export const DUTY_LEADER_ACCESS = scopedAccess(DUTY_LEADER_POLICY, DutyLeaderEntity);
