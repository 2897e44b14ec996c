import { clientRequest, oncePerRequest } from '@campus/server';
import { newId, recentFirstKey, recentFirstPage } from '@campus/database';
import { OutboxSignal, QuizAttemptGraded, QuizPassed, recordEvent, transactionWithEvents } from '@campus/events';
import { BadUserInputError, Caller, ConflictError, ConnectionShape, decodeCursor, FieldProblem, ForbiddenError, NotFoundError, schoolDateTimeText, toConnection } from '@campus/graphql';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, In } from 'typeorm';
import type { EducationSettings } from '../service';
import { QUIZ_ACCESS, QUIZ_ATTEMPT_ACCESS } from './quiz.access';
import { QuizAttemptEntity, QuizItemEntity } from './quiz.entities';
import { QuizQuestionKind, QuizStatus } from './quiz-enums';
import { QuizAnswerInput, StartQuizAttemptInput, SubmitQuizAttemptInput } from './quiz.inputs';
import { isCorrect, OPTION_KEYS, scoreOf } from './quiz-questions';
import { callerPerson, inAudience, QuizService } from './quiz.service';
import { optionsOf, QuizAttempt, QuizAttemptConnection, QuizAttemptQuestion, QuizAttemptReviewItem, toQuizAttempt } from './quiz.types';

const DUPLICATE_KEY = 'ER_DUP_ENTRY';

function isDuplicateKey(error: unknown): boolean {
  return (error as { driverError?: { code?: string } })?.driverError?.code === DUPLICATE_KEY || (error as { code?: string })?.code === DUPLICATE_KEY;
}

/** 答卷: a person of the audience takes a published quiz; grading is done here, and the key is shown only after submitting. */
export class QuizAttemptService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxSignal,
    private readonly settings: EducationSettings,
    private readonly quizzes: QuizService,
  ) {}

  /**
   * Starts an attempt, or gives back the one the person has in progress (a reload of the page). Only the
   * audience, only while the quiz is open, once unless retakes are allowed.
   */
  async start(caller: Caller, input: StartQuizAttemptInput): Promise<QuizAttempt> {
    try {
      const request = clientRequest(caller.viewer, 'startQuizAttempt', input);
      const outcome = await this.dataSource.transaction(oncePerRequest(request, (manager) => this.startIn(manager, caller, input)));
      return outcome.created ?? (await this.get(caller, outcome.id));
    } catch (error) {
      // Two starts at once: the unique (quiz, person, attempt number) lets one through.
      if (isDuplicateKey(error)) throw new ConflictError('DUPLICATE', '您已开始作答本测验');
      throw error;
    }
  }

  private async startIn(manager: EntityManager, caller: Caller, input: StartQuizAttemptInput): Promise<QuizAttempt> {
    const person = await callerPerson(manager, caller);
    const found = await this.quizzes.load(manager, input.quizId);
    const { quiz } = found;
    const inScope = QUIZ_ACCESS.allows(caller, 'view', quiz.orgPath);
    // A draft is shown to its audience only once published: until then it does not exist for them.
    if (!inScope && (quiz.status !== QuizStatus.PUBLISHED || !inAudience(person, found))) throw new NotFoundError(QUIZ_ACCESS.policy.label, quiz.id);
    if (!inAudience(person, found)) throw new ForbiddenError('您不在本测验的参加对象范围内（单位或人员类别不符）', 'NOT_IN_AUDIENCE');
    if (quiz.status !== QuizStatus.PUBLISHED) throw new ConflictError('ILLEGAL_TRANSITION', '测验尚未发布', { status: quiz.status });
    const now = this.settings.now();
    if (now < quiz.opensAt) throw new ConflictError('NOT_YET_DUE', `测验尚未开放，开放时间 ${schoolDateTimeText(quiz.opensAt)}`, { opensAt: quiz.opensAt.toISOString() });
    if (now >= quiz.closesAt) throw new ConflictError('OUTSIDE_RANGE', `测验已于 ${schoolDateTimeText(quiz.closesAt)} 截止`, { closesAt: quiz.closesAt.toISOString() });
    const earlier = await manager.find(QuizAttemptEntity, {
      where: { quizId: quiz.id, personId: person.id },
      order: { attemptNo: 'DESC' },
      lock: { mode: 'pessimistic_write' },
    });
    const inProgress = earlier.find((attempt) => !attempt.submittedAt && attempt.deadlineAt > now);
    if (inProgress) return toQuizAttempt(inProgress);
    if (earlier.length && !quiz.allowRetakes) {
      throw new ConflictError('DUPLICATE', '本测验每人只能参加一次，您已作答过', { attemptId: earlier[0].id });
    }
    const limitEnds = new Date(now.getTime() + quiz.timeLimitMinutes * 60_000);
    const attempt = manager.create(QuizAttemptEntity, {
      id: newId(),
      orgUnitId: person.orgUnitId,
      orgPath: person.orgPath,
      quizId: quiz.id,
      personId: person.id,
      personKind: person.kind,
      attemptNo: (earlier[0]?.attemptNo ?? 0) + 1,
      startedAt: now,
      deadlineAt: limitEnds < quiz.closesAt ? limitEnds : quiz.closesAt,
      submittedAt: null,
      answers: null,
      correctCount: null,
      score: null,
      passed: null,
    });
    await manager.insert(QuizAttemptEntity, attempt);
    return toQuizAttempt(attempt);
  }

  /** Grades the answers against the quiz's fixed key; a submission after the deadline is refused and nothing is stored. */
  async submit(caller: Caller, input: SubmitQuizAttemptInput): Promise<QuizAttempt> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const attempt = await manager.findOne(QuizAttemptEntity, { where: { id: input.attemptId }, lock: { mode: 'pessimistic_write' } });
      if (!attempt || attempt.personId !== caller.viewer.personId) {
        // Someone else's attempt: a manager in scope learns it is not theirs to submit; anyone else, nothing.
        QUIZ_ATTEMPT_ACCESS.guard(caller, 'review', input.attemptId, attempt);
        throw new ForbiddenError('只能提交本人的答卷', 'NOT_THE_NAMED_PERSON');
      }
      if (attempt.submittedAt) throw new ConflictError('DUPLICATE', '答卷已提交，不能再次提交', { submittedAt: attempt.submittedAt.toISOString() });
      const now = this.settings.now();
      if (now > attempt.deadlineAt) {
        throw new ConflictError('OUTSIDE_RANGE', `已超过答题时限（应在 ${schoolDateTimeText(attempt.deadlineAt)} 前提交），答卷不能再提交`, {
          deadline: attempt.deadlineAt.toISOString(),
        });
      }
      const { quiz } = await this.quizzes.load(manager, attempt.quizId);
      const items = await manager.find(QuizItemEntity, { where: { quizId: quiz.id }, order: { seq: 'ASC' } });
      const answers = checkedAnswers(items, input.answers);
      const correct = items.filter((item) => isCorrect(item.answer, answers[item.seq])).length;
      attempt.answers = answers;
      attempt.correctCount = correct;
      attempt.score = scoreOf(correct, items.length);
      attempt.passed = attempt.score >= quiz.passMark;
      attempt.submittedAt = now;
      await manager.save(attempt);
      const facts = { quizId: quiz.id, attemptId: attempt.id, personId: attempt.personId, orgUnitId: attempt.orgUnitId, orgPath: attempt.orgPath, topic: quiz.topic, score: attempt.score };
      await recordEvent(manager, QuizAttemptGraded, attempt.id, { ...facts, passed: attempt.passed, gradedAt: now.toISOString() });
      if (attempt.passed) await recordEvent(manager, QuizPassed, attempt.id, { ...facts, passedAt: now.toISOString() });
      return toQuizAttempt(attempt);
    });
  }

  /** One's own attempt, or another's for a manager in scope (NOT_FOUND outside it, FORBIDDEN inside without the role). */
  async get(caller: Caller, id: string): Promise<QuizAttempt> {
    const attempt = await this.dataSource.manager.findOneBy(QuizAttemptEntity, { id });
    if (attempt && attempt.personId === caller.viewer.personId) return toQuizAttempt(attempt);
    return toQuizAttempt(QUIZ_ATTEMPT_ACCESS.guard(caller, 'review', id, attempt));
  }

  /** The caller's own attempts at a quiz, latest first: one statement for all the quizzes of a request. */
  async mine(caller: Caller, quizId: string): Promise<QuizAttempt[]> {
    const personId = caller.viewer.personId;
    if (!personId) return [];
    const loader = caller.loaders.get('Quiz.myAttempts', () => new DataLoader<string, QuizAttempt[]>(async (quizIds) => {
      const rows = await this.dataSource.getRepository(QuizAttemptEntity).find({ where: { quizId: In([...quizIds]), personId }, order: { attemptNo: 'DESC' } });
      return quizIds.map((id) => rows.filter((row) => row.quizId === id).map(toQuizAttempt));
    }));
    return loader.load(quizId);
  }

  /** Everyone's attempts at a quiz that the caller manages people of. */
  async list(caller: Caller, quizId: string, first: number, after?: string | null): Promise<ConnectionShape<QuizAttempt>> {
    const scope = QUIZ_ATTEMPT_ACCESS.where(caller, 'review', 't.org_path');
    const query = this.dataSource.getRepository(QuizAttemptEntity).createQueryBuilder('t').where('t.quiz_id = :quizId', { quizId }).andWhere(scope.sql, scope.params);
    const page = await recentFirstPage(query, 't', first, decodeCursor(after, 2));
    return toConnection(page.rows, first, page.totalCount, recentFirstKey, toQuizAttempt) as QuizAttemptConnection;
  }

  /** The attempt's questions as the taker sees them: no key. */
  async questions(caller: Caller, attempt: QuizAttempt): Promise<QuizAttemptQuestion[]> {
    const items = await this.quizzes.itemsOf(caller.loaders, attempt.quizId);
    return items.map((item) => ({ seq: item.seq, kind: item.kind, stem: item.stem, options: optionsOf(item.options) }));
  }

  /** What was chosen against the key, only once the attempt is submitted. */
  async review(caller: Caller, attempt: QuizAttempt): Promise<QuizAttemptReviewItem[] | null> {
    const { answers, submittedAt } = attempt.entity;
    if (!submittedAt || !answers) return null;
    const items = await this.quizzes.itemsOf(caller.loaders, attempt.quizId);
    return items.map((item) => ({
      seq: item.seq,
      stem: item.stem,
      chosen: (answers[item.seq] ?? '').split('').filter(Boolean),
      correct: item.answer.split(''),
      isCorrect: isCorrect(item.answer, answers[item.seq]),
      explanation: item.explanation,
    }));
  }
}

/** The answers as seq → sorted keys, refusing unknown questions, keys that are not options, and several keys for a one-answer question. */
export function checkedAnswers(items: QuizItemEntity[], answers: QuizAnswerInput[]): Record<number, string> {
  const bySeq = new Map(items.map((item) => [item.seq, item]));
  const problems: FieldProblem[] = [];
  const checked: Record<number, string> = {};
  for (const answer of answers) {
    const item = bySeq.get(answer.seq);
    const field = `answers[${answer.seq}]`;
    if (!item) problems.push({ field, message: `没有第 ${answer.seq} 题` });
    else if (checked[answer.seq] !== undefined) problems.push({ field, message: `第 ${answer.seq} 题的答案重复提交` });
    else {
      const keys = [...new Set(answer.choices.map((choice) => choice.trim().toUpperCase()))].sort();
      const valid = OPTION_KEYS.slice(0, item.options.length) as readonly string[];
      if (keys.some((key) => !valid.includes(key))) problems.push({ field, message: `第 ${answer.seq} 题的选项应为 ${valid.join('、')}` });
      else if (item.kind !== QuizQuestionKind.MULTIPLE && keys.length > 1) problems.push({ field, message: `第 ${answer.seq} 题只能选一个答案` });
      else checked[answer.seq] = keys.join('');
    }
  }
  if (problems.length) throw new BadUserInputError(problems);
  return checked;
}
