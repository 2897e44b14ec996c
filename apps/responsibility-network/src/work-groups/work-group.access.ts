import { UNIT_HEAD_ROLES } from '@campus/auth';
import { policyFromTransitions, scopedAccess, TransitionTable, viewRule } from '@campus/server';
import { WorkGroupEntity } from './work-group.entity';

/**
 * Leading groups, task forces and supervision groups are set up by the bureau and the school safety offices,
 * and by a unit's leader for the unit itself: seed 001 五(一) asks each college to form its own 工作专班.
 */
const GROUP_KEEPERS = UNIT_HEAD_ROLES;
const REFUSAL = '只有教育局、学校安全保卫处或本单位负责人可以设立和调整工作机构';
const DISSOLVED = '工作机构已撤销，不能再修改';
const MEMBER_RULE = '成员须为成立单位或其下级单位的在职人员';

export type WorkGroupState = 'ACTIVE' | 'DISSOLVED';

export function workGroupState(group: { active: boolean }): WorkGroupState {
  return group.active ? 'ACTIVE' : 'DISSOLVED';
}

export type WorkGroupAction = 'EDIT' | 'SET_MEMBERS' | 'DISSOLVE';

/** An active group is edited, re-staffed or dissolved (撤销); a dissolved one is kept with its members for the record. */
export const WORK_GROUP_TRANSITIONS: TransitionTable<WorkGroupState, WorkGroupAction> = {
  EDIT: {
    from: ['ACTIVE'],
    to: null,
    roles: GROUP_KEEPERS,
    label: '修改',
    wrongState: DISSOLVED,
    wrongStateReason: 'INACTIVE',
    refusal: REFUSAL,
    condition: '办公室挂靠单位须为成立单位或其下级单位',
  },
  SET_MEMBERS: {
    from: ['ACTIVE'],
    to: null,
    roles: GROUP_KEEPERS,
    label: '调整成员',
    wrongState: DISSOLVED,
    wrongStateReason: 'INACTIVE',
    refusal: REFUSAL,
    condition: MEMBER_RULE,
  },
  DISSOLVE: { from: ['ACTIVE'], to: 'DISSOLVED', roles: GROUP_KEEPERS, label: '撤销', wrongState: DISSOLVED, wrongStateReason: 'INACTIVE', refusal: REFUSAL },
};

export const WORK_GROUP_POLICY = policyFromTransitions('WorkGroup', '工作机构', WORK_GROUP_TRANSITIONS, {
  view: viewRule(),
  create: {
    roles: GROUP_KEEPERS,
    label: '成立',
    refusal: REFUSAL,
    condition: `${MEMBER_RULE}；办公室挂靠单位须为成立单位或其下级单位`,
  },
});

export const WORK_GROUP_ACCESS = scopedAccess(WORK_GROUP_POLICY, WorkGroupEntity);
