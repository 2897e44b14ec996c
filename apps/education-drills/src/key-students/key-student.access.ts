import { policyFromTransitions, ScopedAccess, scopedAccess, TransitionTable, viewRule } from '@campus/server';
import { PEOPLE_AT_RISK_HANDLERS, PEOPLE_AT_RISK_REFUSAL } from '../disputes/dispute.access';
import { PersonProjectionRow } from '../people/person-projection.entity';
import { KeyStudentReason, KeyStudentStatus } from './key-student-enums';
import { KeyStudentEntity } from './key-student.entity';

export type KeyStudentAction = 'FOLLOW_UP' | 'RELEASE';

/** 关注中 → 已解除关注; follow-ups while followed. A released student is added again as a new entry. */
export const KEY_STUDENT_TRANSITIONS: TransitionTable<KeyStudentStatus, KeyStudentAction> = {
  FOLLOW_UP: {
    from: [KeyStudentStatus.ACTIVE],
    to: null,
    roles: PEOPLE_AT_RISK_HANDLERS,
    label: '记录跟进',
    wrongState: '该学生已解除关注，不能再记录跟进',
    refusal: PEOPLE_AT_RISK_REFUSAL,
  },
  RELEASE: {
    from: [KeyStudentStatus.ACTIVE],
    to: KeyStudentStatus.RELEASED,
    roles: PEOPLE_AT_RISK_HANDLERS,
    label: '解除关注',
    wrongState: '该学生已解除关注',
    refusal: PEOPLE_AT_RISK_REFUSAL,
    condition: '须写明解除原因',
  },
};

/** Every reason is restricted: the whole register is reached only by its handlers (the kit's restricted kinds). */
export const KEY_STUDENT_POLICY = {
  ...policyFromTransitions('KeyStudent', '重点关注学生', KEY_STUDENT_TRANSITIONS, {
    view: { ...viewRule(), condition: '每次查看都记入访问日志' },
    create: { roles: PEOPLE_AT_RISK_HANDLERS, label: '列入重点关注', refusal: PEOPLE_AT_RISK_REFUSAL, condition: '学生须为本范围内在籍学生，且未在关注中' },
  }),
  restricted: {
    column: 'reason_category',
    kinds: Object.values(KeyStudentReason),
    roles: PEOPLE_AT_RISK_HANDLERS,
    label: '重点关注学生（全部原因类别）',
  },
};

export const KEY_STUDENT_ACCESS = scopedAccess(KEY_STUDENT_POLICY, KeyStudentEntity, undefined, (entry) => entry.reasonCategory);

/** The student (or teacher) named, checked with the create rule: NOT_FOUND names a person, not an entry. */
export const KEY_STUDENT_PERSON_ACCESS = new ScopedAccess(
  { aggregate: 'KeyStudentPerson', label: '人员', actions: { create: KEY_STUDENT_POLICY.actions.create } },
  PersonProjectionRow,
);
