import { describedBy } from '@campus/graphql';
import { registerEnumType } from 'type-graphql';

export enum QuizQuestionKind {
  SINGLE = 'SINGLE',
  MULTIPLE = 'MULTIPLE',
  TRUE_FALSE = 'TRUE_FALSE',
}

export const QUIZ_QUESTION_KIND_LABELS: Record<QuizQuestionKind, string> = {
  SINGLE: '单选题',
  MULTIPLE: '多选题',
  TRUE_FALSE: '判断题',
};

export enum QuizStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
}

registerEnumType(QuizQuestionKind, { name: 'QuizQuestionKind', description: '题型', valuesConfig: describedBy(QUIZ_QUESTION_KIND_LABELS) });
registerEnumType(QuizStatus, {
  name: 'QuizStatus',
  description: '测验状态',
  valuesConfig: describedBy({ DRAFT: '草稿（题目未抽定）', PUBLISHED: '已发布（题目已固定）' }),
});
