import { UNIT_HEAD_ROLES } from '@campus/auth';
import { policyFromTransitions, scopedAccess, TransitionTable, viewRule } from '@campus/server';
import { PersonEntity } from './person.entity';

/** Who keeps a unit's people (and sees their full phone numbers): its leadership and the offices above it. */
const PEOPLE_MANAGERS = UNIT_HEAD_ROLES;
const REFUSAL = '只有本单位负责人或安全管理部门可以维护人员信息';

export type PersonState = 'ACTIVE' | 'INACTIVE';

export function personState(person: { active: boolean }): PersonState {
  return person.active ? 'ACTIVE' : 'INACTIVE';
}

/** Someone who left stays on file (history and hazards point at them) but is no longer active. */
export const PERSON_TRANSITIONS: TransitionTable<PersonState, 'DEACTIVATE'> = {
  DEACTIVATE: {
    from: ['ACTIVE'],
    to: 'INACTIVE',
    roles: PEOPLE_MANAGERS,
    label: '停用（离职、毕业）',
    wrongState: '该人员已停用',
    wrongStateReason: 'INACTIVE',
    refusal: REFUSAL,
  },
};

export const PERSON_POLICY = policyFromTransitions('Person', '人员', PERSON_TRANSITIONS, {
  view: viewRule(),
  viewPhone: { roles: PEOPLE_MANAGERS, label: '查看完整联系电话', condition: '本人也看得到自己的号码；其他人看到打码号码' },
  create: { roles: PEOPLE_MANAGERS, label: '新增', refusal: REFUSAL },
  edit: { roles: PEOPLE_MANAGERS, label: '修改或调动', refusal: REFUSAL, condition: '调入的单位也须有授权' },
  importRoster: {
    roles: PEOPLE_MANAGERS,
    label: '从花名册批量导入',
    refusal: REFUSAL,
    condition: '每一行的单位都须有授权，否则整批不导入；按工号/学号更新管辖范围内已有的人员',
  },
});

export const PERSON_ACCESS = scopedAccess(PERSON_POLICY, PersonEntity);
