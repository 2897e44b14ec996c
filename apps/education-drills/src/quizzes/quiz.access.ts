import { ALL_ROLES, UNIT_SAFETY_MANAGER_ROLES } from '@campus/auth';
import { definePolicy, policyFromTransitions, scopedAccess, TransitionTable, viewRule } from '@campus/server';
import { QuizStatus } from './quiz-enums';
import { QuizAttemptEntity, QuizBankEntity, QuizEntity } from './quiz.entities';

/** Who writes a unit's question banks and sets its quizzes. */
const QUIZ_MANAGERS = UNIT_SAFETY_MANAGER_ROLES;
const BANK_REFUSAL = '只有本单位负责人、安全员或安全管理部门可以维护题库';
const QUIZ_REFUSAL = '只有本单位负责人、安全员或安全管理部门可以组织测验';

/** A bank holds the answer key: only its unit's managers (and those above) read it. */
export const QUIZ_BANK_POLICY = definePolicy({
  aggregate: 'QuizBank',
  label: '题库',
  actions: {
    view: { roles: QUIZ_MANAGERS, label: '查看（含答案）', refusal: BANK_REFUSAL },
    create: { roles: QUIZ_MANAGERS, label: '新建', refusal: BANK_REFUSAL },
    edit: { roles: QUIZ_MANAGERS, label: '添加或导入题目', refusal: BANK_REFUSAL },
  },
});

export type QuizAction = 'PUBLISH';

/** A draft is published once: its questions are drawn then and never change. */
export const QUIZ_TRANSITIONS: TransitionTable<QuizStatus, QuizAction> = {
  PUBLISH: {
    from: [QuizStatus.DRAFT],
    to: QuizStatus.PUBLISHED,
    roles: QUIZ_MANAGERS,
    label: '发布',
    wrongState: '测验已发布，题目已固定',
    refusal: QUIZ_REFUSAL,
  },
};

export const QUIZ_POLICY = policyFromTransitions('Quiz', '测验', QUIZ_TRANSITIONS, {
  view: { ...viewRule(), condition: '参加对象本人也可查看（不含题目答案）' },
  create: { roles: QUIZ_MANAGERS, label: '新建', refusal: QUIZ_REFUSAL },
  viewResults: { ...viewRule('查看通过率'), condition: '只统计查看者管辖范围内的人员' },
});

export const QUIZ_ATTEMPT_POLICY = definePolicy({
  aggregate: 'QuizAttempt',
  label: '答卷',
  actions: {
    take: {
      roles: ALL_ROLES,
      label: '答题',
      condition: '仅参加对象本人（账号关联的人员在受众单位内且类别相符），在开放时间和限时内；未允许重考时每人一次',
    },
    review: { roles: QUIZ_MANAGERS, label: '查看他人答卷', refusal: '只能查看本人的答卷', condition: '本人的答卷本人可查看，提交后含正确答案' },
  },
});

export const QUIZ_BANK_ACCESS = scopedAccess(QUIZ_BANK_POLICY, QuizBankEntity);
export const QUIZ_ACCESS = scopedAccess(QUIZ_POLICY, QuizEntity);
export const QUIZ_ATTEMPT_ACCESS = scopedAccess(QUIZ_ATTEMPT_POLICY, QuizAttemptEntity);
