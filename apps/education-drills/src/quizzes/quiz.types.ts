import { ConnectionType, OrgUnitReference, orgUnitReference, PersonReference, personReference } from '@campus/graphql';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { AudienceKind } from '../people/audience-kind';
import { QuizQuestionKind, QuizStatus } from './quiz-enums';
import { OPTION_KEYS } from './quiz-questions';
import { QuizAttemptEntity, QuizBankEntity, QuizBankQuestionEntity, QuizEntity } from './quiz.entities';

@ObjectType({ description: '选项' })
export class QuizOption {
  @Field({ description: '选项字母 A–F' })
  key: string;

  @Field({ description: '选项内容' })
  text: string;
}

export function optionsOf(texts: string[]): QuizOption[] {
  return texts.map((text, index) => ({ key: OPTION_KEYS[index], text }));
}

@ObjectType({ description: '题库中的题目（含答案，仅题库维护者可见）' })
export class QuizBankQuestion {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: '题号' })
  seq: number;

  @Field(() => QuizQuestionKind)
  kind: QuizQuestionKind;

  @Field({ description: '题干' })
  stem: string;

  @Field(() => [QuizOption])
  options: QuizOption[];

  @Field(() => [String], { description: '正确选项的字母' })
  answer: string[];

  @Field(() => String, { nullable: true, description: '解析' })
  explanation: string | null;
}

export function toQuizBankQuestion(entity: QuizBankQuestionEntity): QuizBankQuestion {
  return { id: entity.id, seq: entity.seq, kind: entity.kind, stem: entity.stem, options: optionsOf(entity.options), answer: entity.answer.split(''), explanation: entity.explanation };
}

@ObjectType({ description: '应知应会题库' })
export class QuizBank {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field({ description: '主题，如 消防、交通、防电信诈骗' })
  topic: string;

  @Field(() => OrgUnitReference, { nullable: true, description: '所属单位' })
  orgUnit: OrgUnitReference | null;

  @Field()
  createdAt: Date;

  @Field(() => Int)
  version: number;
}

export function toQuizBank(entity: QuizBankEntity): QuizBank {
  return { id: entity.id, name: entity.name, topic: entity.topic, orgUnit: orgUnitReference(entity.orgUnitId), createdAt: entity.createdAt, version: entity.version };
}

@ObjectType()
export class QuizBankConnection extends ConnectionType('QuizBank', QuizBank) {}

@ObjectType()
export class QuizBankPayload {
  @Field(() => QuizBank)
  quizBank: QuizBank;
}

@ObjectType()
export class QuizBankQuestionPayload {
  @Field(() => QuizBankQuestion)
  question: QuizBankQuestion;
}

@ObjectType({ description: '被拒绝的行及原因' })
export class QuizQuestionRowProblem {
  @Field(() => Int, { description: '表格中的行号（表头为第 1 行）' })
  row: number;

  @Field(() => [String])
  reasons: string[];
}

@ObjectType({ description: '题目导入结果；有任何一行被拒绝时整批不导入' })
export class QuizQuestionImportReport {
  @Field({ description: '是否已导入' })
  imported: boolean;

  @Field(() => Int)
  totalRows: number;

  @Field(() => Int, { description: '新增题目数' })
  added: number;

  @Field(() => [QuizQuestionRowProblem])
  rejectedRows: QuizQuestionRowProblem[];
}

@ObjectType({ description: '应知应会测验' })
export class Quiz {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field({ description: '主题（取自题库）' })
  topic: string;

  @Field(() => ID, { description: '出题题库' })
  bankId: string;

  @Field(() => Int, { description: '题目数' })
  questionCount: number;

  @Field(() => Int, { description: '及格分（百分制）' })
  passMark: number;

  @Field(() => Int, { description: '答题限时（分钟）' })
  timeLimitMinutes: number;

  @Field({ description: '开放时间' })
  opensAt: Date;

  @Field({ description: '截止时间（答题须在此前提交）' })
  closesAt: Date;

  @Field({ description: '是否允许重考' })
  allowRetakes: boolean;

  @Field(() => [AudienceKind], { description: '参加人员类别' })
  audienceKinds: AudienceKind[];

  @Field(() => [OrgUnitReference], { description: '参加单位（含下级单位）' })
  audienceUnits: OrgUnitReference[];

  @Field(() => QuizStatus)
  status: QuizStatus;

  @Field(() => Date, { nullable: true, description: '发布时间（题目自此固定）' })
  publishedAt: Date | null;

  @Field(() => OrgUnitReference, { nullable: true, description: '组织单位' })
  orgUnit: OrgUnitReference | null;

  @Field()
  createdAt: Date;

  @Field(() => Int)
  version: number;
}

export function toQuiz(entity: QuizEntity, audienceUnitIds: string[]): Quiz {
  return {
    id: entity.id,
    title: entity.title,
    topic: entity.topic,
    bankId: entity.bankId,
    questionCount: entity.questionCount,
    passMark: entity.passMark,
    timeLimitMinutes: entity.timeLimitMinutes,
    opensAt: entity.opensAt,
    closesAt: entity.closesAt,
    allowRetakes: entity.allowRetakes,
    audienceKinds: entity.audienceKinds.split(',') as AudienceKind[],
    audienceUnits: audienceUnitIds.map(orgUnitReference),
    status: entity.status,
    publishedAt: entity.publishedAt,
    orgUnit: orgUnitReference(entity.orgUnitId),
    createdAt: entity.createdAt,
    version: entity.version,
  };
}

@ObjectType()
export class QuizConnection extends ConnectionType('Quiz', Quiz) {}

@ObjectType()
export class QuizPayload {
  @Field(() => Quiz)
  quiz: Quiz;
}

/** A question as the taker sees it: deliberately without any answer field. */
@ObjectType({ description: '答卷上的题目（不含答案）' })
export class QuizAttemptQuestion {
  @Field(() => Int)
  seq: number;

  @Field(() => QuizQuestionKind)
  kind: QuizQuestionKind;

  @Field()
  stem: string;

  @Field(() => [QuizOption])
  options: QuizOption[];
}

@ObjectType({ description: '提交后的逐题对照：所选与正确答案' })
export class QuizAttemptReviewItem {
  @Field(() => Int)
  seq: number;

  @Field()
  stem: string;

  @Field(() => [String], { description: '所选选项' })
  chosen: string[];

  @Field(() => [String], { description: '正确选项' })
  correct: string[];

  @Field()
  isCorrect: boolean;

  @Field(() => String, { nullable: true, description: '解析' })
  explanation: string | null;
}

@ObjectType({ description: '答卷' })
export class QuizAttempt {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  quizId: string;

  @Field(() => Int, { description: '第几次作答' })
  attemptNo: number;

  @Field(() => PersonReference, { nullable: true, description: '答题人' })
  person: PersonReference | null;

  @Field(() => OrgUnitReference, { nullable: true, description: '答题人所在单位（开始答题时）' })
  orgUnit: OrgUnitReference | null;

  @Field()
  startedAt: Date;

  @Field({ description: '提交截止时间：开始时间加限时，且不晚于测验截止时间' })
  deadline: Date;

  @Field(() => Date, { nullable: true })
  submittedAt: Date | null;

  @Field(() => Int, { nullable: true, description: '答对题数（提交后）' })
  correctCount: number | null;

  @Field(() => Int, { nullable: true, description: '得分（百分制，提交后）' })
  score: number | null;

  @Field(() => Boolean, { nullable: true, description: '是否通过（提交后）' })
  passed: boolean | null;

  /** The stored row, for the field resolvers (questions, review); not in the schema. */
  entity: QuizAttemptEntity;
}

export function toQuizAttempt(entity: QuizAttemptEntity): QuizAttempt {
  return {
    id: entity.id,
    quizId: entity.quizId,
    attemptNo: entity.attemptNo,
    person: personReference(entity.personId),
    orgUnit: orgUnitReference(entity.orgUnitId),
    startedAt: entity.startedAt,
    deadline: entity.deadlineAt,
    submittedAt: entity.submittedAt,
    correctCount: entity.correctCount,
    score: entity.score,
    passed: entity.passed,
    entity,
  };
}

@ObjectType()
export class QuizAttemptConnection extends ConnectionType('QuizAttempt', QuizAttempt) {}

@ObjectType()
export class QuizAttemptPayload {
  @Field(() => QuizAttempt)
  attempt: QuizAttempt;
}

@ObjectType({ description: '某单位参加对象的测验结果' })
export class QuizUnitResult {
  @Field(() => OrgUnitReference, { nullable: true })
  orgUnit: OrgUnitReference | null;

  @Field(() => Int, { description: '参加对象人数（在岗、类别相符）' })
  audienceCount: number;

  @Field(() => Int, { description: '已提交答卷人数' })
  attemptedCount: number;

  @Field(() => Int, { description: '通过人数' })
  passedCount: number;

  @Field(() => Float, { description: '通过率 = 通过人数 ÷ 参加对象人数' })
  passRate: number;

  @Field(() => Float, { nullable: true, description: '已提交者最高分的平均分' })
  averageScore: number | null;
}

@ObjectType({ description: '测验结果：合计与各单位（仅查看者管辖范围内的人员）' })
export class QuizResults {
  @Field(() => Quiz)
  quiz: Quiz;

  @Field(() => QuizUnitResult, { description: '合计（orgUnit 为空）' })
  total: QuizUnitResult;

  @Field(() => [QuizUnitResult], { description: '按答题人所在单位' })
  rows: QuizUnitResult[];
}
