import { ASCII_ID, ScopedRecord } from '@campus/database';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { QuizQuestionKind, QuizStatus } from './quiz-enums';

/** Option texts in order: A, B, C … */
const JSON_TEXT = { type: 'text' as const, transformer: { to: (value: unknown) => JSON.stringify(value), from: (text: string) => JSON.parse(text) } };
const NULLABLE_JSON_TEXT = {
  type: 'text' as const,
  nullable: true,
  transformer: { to: (value: unknown) => (value == null ? null : JSON.stringify(value)), from: (text: string | null) => (text == null ? null : JSON.parse(text)) },
};

/** 题库: a unit's questions on one topic, maintained by its safety managers. */
@Entity('quiz_bank')
export class QuizBankEntity extends ScopedRecord {
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  topic: string;
}

/** A question as a bank keeps it and as a published quiz copies it: kind, stem, options, answer key, explanation. */
abstract class QuizQuestionColumns {
  @Column({ type: 'varchar', length: 16 })
  kind: QuizQuestionKind;

  @Column({ type: 'varchar', length: 500 })
  stem: string;

  @Column(JSON_TEXT)
  options: string[];

  @Column({ type: 'varchar', length: 8 })
  answer: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  explanation: string | null;
}

/** One question of a bank; `answer` is the keys of the correct options, sorted ("A", "BD"). */
@Entity('quiz_bank_question')
export class QuizBankQuestionEntity extends QuizQuestionColumns {
  @PrimaryColumn(ASCII_ID)
  id: string;

  @Column({ name: 'bank_id', ...ASCII_ID })
  bankId: string;

  @Column({ type: 'int' })
  seq: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}

/** 测验: drawn from a bank; publishing fixes its questions (quiz_item). audienceKinds is comma-separated. */
@Entity('quiz')
export class QuizEntity extends ScopedRecord {
  @Column({ name: 'bank_id', ...ASCII_ID })
  bankId: string;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'varchar', length: 20 })
  topic: string;

  @Column({ name: 'question_count', type: 'int' })
  questionCount: number;

  @Column({ name: 'pass_mark', type: 'int' })
  passMark: number;

  @Column({ name: 'time_limit_minutes', type: 'int' })
  timeLimitMinutes: number;

  @Column({ name: 'opens_at', type: 'datetime', precision: 3 })
  opensAt: Date;

  @Column({ name: 'closes_at', type: 'datetime', precision: 3 })
  closesAt: Date;

  @Column({ name: 'allow_retakes', type: 'boolean' })
  allowRetakes: boolean;

  @Column({ name: 'audience_kinds', type: 'varchar', length: 64 })
  audienceKinds: string;

  @Column({ type: 'varchar', length: 16 })
  status: QuizStatus;

  @Column({ name: 'published_at', type: 'datetime', precision: 3, nullable: true })
  publishedAt: Date | null;
}

/** A unit whose people (of the quiz's kinds, in its subtree) are to take the quiz. */
@Entity('quiz_audience_unit')
export class QuizAudienceUnitEntity {
  @PrimaryColumn({ name: 'quiz_id', ...ASCII_ID })
  quizId: string;

  @PrimaryColumn({ name: 'org_unit_id', ...ASCII_ID })
  orgUnitId: string;

  @Column({ name: 'org_path', type: 'varchar', length: 512, charset: 'ascii', collation: 'ascii_bin' })
  orgPath: string;
}

/** A question as fixed in a quiz when it was published (later edits of the bank do not change it). */
@Entity('quiz_item')
export class QuizItemEntity extends QuizQuestionColumns {
  @PrimaryColumn({ name: 'quiz_id', ...ASCII_ID })
  quizId: string;

  @PrimaryColumn({ type: 'int' })
  seq: number;

  @Column({ name: 'question_id', ...ASCII_ID })
  questionId: string;

}

/** One person's attempt, in their unit at the start (org_path: whose results it counts in). answers: seq → chosen keys. */
@Entity('quiz_attempt')
export class QuizAttemptEntity extends ScopedRecord {
  @Column({ name: 'quiz_id', ...ASCII_ID })
  quizId: string;

  @Column({ name: 'person_id', ...ASCII_ID })
  personId: string;

  @Column({ name: 'person_kind', type: 'varchar', length: 32 })
  personKind: string;

  @Column({ name: 'attempt_no', type: 'int' })
  attemptNo: number;

  @Column({ name: 'started_at', type: 'datetime', precision: 3 })
  startedAt: Date;

  @Column({ name: 'deadline_at', type: 'datetime', precision: 3 })
  deadlineAt: Date;

  @Column({ name: 'submitted_at', type: 'datetime', precision: 3, nullable: true })
  submittedAt: Date | null;

  @Column(NULLABLE_JSON_TEXT)
  answers: Record<string, string> | null;

  @Column({ name: 'correct_count', type: 'int', nullable: true })
  correctCount: number | null;

  @Column({ type: 'int', nullable: true })
  score: number | null;

  @Column({ type: 'boolean', nullable: true })
  passed: boolean | null;
}

export const QUIZ_ENTITIES = [QuizBankEntity, QuizBankQuestionEntity, QuizEntity, QuizAudienceUnitEntity, QuizItemEntity, QuizAttemptEntity];
