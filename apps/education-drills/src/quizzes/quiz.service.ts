import { newId, recentFirstKey, recentFirstPage } from '@campus/database';
import { BadUserInputError, Caller, ConflictError, ConnectionShape, decodeCursor, ForbiddenError, LoaderRegistry, NotFoundError, toConnection } from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { clientRequest, lockTransition, oncePerRequest } from '@campus/server';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, In } from 'typeorm';
import { PersonProjectionRow } from '../people/person-projection.entity';
import type { EducationSettings } from '../service';
import { QUIZ_ACCESS, QUIZ_BANK_ACCESS, QUIZ_TRANSITIONS } from './quiz.access';
import { QuizAudienceUnitEntity, QuizBankQuestionEntity, QuizEntity, QuizItemEntity } from './quiz.entities';
import { QuizStatus } from './quiz-enums';
import { CreateQuizInput, PublishQuizInput } from './quiz.inputs';
import { drawRandom } from './quiz-questions';
import { Quiz, toQuiz } from './quiz.types';

/** A quiz as the taker's checks need it: the row and its audience units. */
export interface QuizWithAudience {
  quiz: QuizEntity;
  audience: QuizAudienceUnitEntity[];
}

/** The caller's person (person_projection), active: whom attempts and audiences are about. */
export async function callerPerson(manager: EntityManager, caller: Caller): Promise<PersonProjectionRow> {
  const personId = caller.viewer.personId;
  if (!personId) throw new ForbiddenError(undefined, 'NO_LINKED_PERSON');
  const person = await manager.findOne(PersonProjectionRow, { where: { id: personId, active: true } });
  if (!person) throw new ForbiddenError('您的人员信息尚未同步或已停用，不能参加测验', 'NO_LINKED_PERSON');
  return person;
}

/** Is the person among the people the quiz is for: of its kinds, in the subtree of one of its units? */
export function inAudience(person: PersonProjectionRow, { quiz, audience }: QuizWithAudience): boolean {
  return quiz.audienceKinds.split(',').includes(person.kind) && audience.some((unit) => person.orgPath.startsWith(unit.orgPath));
}

/** 测验: set by a unit's managers from a bank, published (questions fixed) to an audience of units and kinds. */
export class QuizService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
    private readonly settings: EducationSettings,
  ) {}

  /** A quiz for its unit's scope, or for a person of its audience (a published one); NOT_FOUND for anyone else. */
  async get(caller: Caller, id: string): Promise<Quiz> {
    const found = await this.load(this.dataSource.manager, id);
    if (!QUIZ_ACCESS.allows(caller, 'view', found.quiz.orgPath)) {
      const person = caller.viewer.personId ? await this.dataSource.manager.findOneBy(PersonProjectionRow, { id: caller.viewer.personId, active: true }) : null;
      if (!person || found.quiz.status !== QuizStatus.PUBLISHED || !inAudience(person, found)) throw new NotFoundError(QUIZ_ACCESS.policy.label, id);
    }
    return toQuiz(found.quiz, found.audience.map((unit) => unit.orgUnitId));
  }

  /** The quiz and its audience, unchecked: NOT_FOUND only when it does not exist. */
  async load(manager: EntityManager, id: string, lock = false): Promise<QuizWithAudience> {
    const quiz = await manager.findOne(QuizEntity, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_read' as const } } : {}) });
    if (!quiz) throw new NotFoundError(QUIZ_ACCESS.policy.label, id);
    return { quiz, audience: await manager.findBy(QuizAudienceUnitEntity, { quizId: id }) };
  }

  async list(caller: Caller, first: number, after?: string | null): Promise<ConnectionShape<Quiz>> {
    const scope = QUIZ_ACCESS.where(caller, 'view', 'q.org_path');
    const query = this.dataSource.getRepository(QuizEntity).createQueryBuilder('q').where(scope.sql, scope.params);
    const page = await recentFirstPage(query, 'q', first, decodeCursor(after, 2));
    const audience = await this.audienceOf(page.rows.map((quiz) => quiz.id));
    return toConnection(page.rows, first, page.totalCount, recentFirstKey, (quiz) => toQuiz(quiz, audience.get(quiz.id) ?? []));
  }

  /** Published quizzes whose audience takes in the caller's person, newest first (at most 100). */
  async mine(caller: Caller): Promise<Quiz[]> {
    const person = await callerPerson(this.dataSource.manager, caller);
    const quizzes = await this.dataSource
      .getRepository(QuizEntity)
      .createQueryBuilder('q')
      .where('q.status = :published', { published: QuizStatus.PUBLISHED })
      .andWhere('FIND_IN_SET(:kind, q.audience_kinds) > 0', { kind: person.kind })
      .andWhere('EXISTS (SELECT 1 FROM quiz_audience_unit a WHERE a.quiz_id = q.id AND LEFT(:personPath, CHAR_LENGTH(a.org_path)) = a.org_path)', { personPath: person.orgPath })
      .orderBy('q.opens_at', 'DESC')
      .limit(100)
      .getMany();
    const audience = await this.audienceOf(quizzes.map((quiz) => quiz.id));
    return quizzes.map((quiz) => toQuiz(quiz, audience.get(quiz.id) ?? []));
  }

  async create(caller: Caller, input: CreateQuizInput): Promise<Quiz> {
    const path = await visibleUnitPath(this.directory, caller, input.orgUnitId);
    QUIZ_ACCESS.checkRole(caller, 'create', path);
    const bank = await QUIZ_BANK_ACCESS.find(this.dataSource.manager, caller, 'view', input.bankId);
    const problems: { field: string; message: string }[] = [];
    if (input.closesAt <= input.opensAt) problems.push({ field: 'closesAt', message: '截止时间应晚于开放时间' });
    if (input.closesAt <= this.settings.now()) problems.push({ field: 'closesAt', message: '截止时间已过' });
    const available = await this.dataSource.getRepository(QuizBankQuestionEntity).countBy({ bankId: bank.id });
    if (input.questionCount > available) problems.push({ field: 'questionCount', message: `题库只有 ${available} 道题，不够抽取 ${input.questionCount} 道` });
    const unitIds = [...new Set(input.audienceUnitIds)];
    const audience: QuizAudienceUnitEntity[] = [];
    for (const unitId of unitIds) {
      const unitPath = await visibleUnitPath(this.directory, caller, unitId);
      if (!unitPath.startsWith(path)) problems.push({ field: 'audienceUnitIds', message: `参加单位 ${unitId} 不在组织单位之内` });
      audience.push(Object.assign(new QuizAudienceUnitEntity(), { orgUnitId: unitId, orgPath: unitPath }));
    }
    if (problems.length) throw new BadUserInputError(problems);
    const quiz = this.dataSource.getRepository(QuizEntity).create({
      id: newId(),
      orgUnitId: input.orgUnitId,
      orgPath: path,
      bankId: bank.id,
      title: input.title.trim(),
      topic: bank.topic,
      questionCount: input.questionCount,
      passMark: input.passMark,
      timeLimitMinutes: input.timeLimitMinutes,
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      allowRetakes: input.allowRetakes,
      audienceKinds: [...new Set(input.audienceKinds)].join(','),
      status: QuizStatus.DRAFT,
      publishedAt: null,
    });
    const outcome = await this.dataSource.transaction(oncePerRequest(clientRequest(caller.viewer, 'createQuiz', input), async (manager) => {
      await manager.save(quiz);
      await manager.insert(QuizAudienceUnitEntity, audience.map((unit) => ({ ...unit, quizId: quiz.id })));
      return toQuiz(quiz, unitIds);
    }));
    return outcome.created ?? this.get(caller, outcome.id);
  }

  /** Draws the quiz's questions from its bank at random and fixes them (copied, so later bank edits change nothing). */
  async publish(caller: Caller, input: PublishQuizInput): Promise<Quiz> {
    return this.dataSource.transaction(async (manager) => {
      const { row: quiz, next } = await lockTransition(QUIZ_ACCESS, manager, caller, QUIZ_TRANSITIONS, 'PUBLISH', input);
      const now = this.settings.now();
      if (quiz.closesAt <= now) throw new ConflictError('OUTSIDE_RANGE', '测验截止时间已过，不能发布', { closesAt: quiz.closesAt.toISOString() });
      const questions = await manager.findBy(QuizBankQuestionEntity, { bankId: quiz.bankId });
      if (questions.length < quiz.questionCount) {
        throw new ConflictError('INCOMPLETE', `题库只有 ${questions.length} 道题，不够抽取 ${quiz.questionCount} 道`, { available: questions.length });
      }
      const items = drawRandom(questions, quiz.questionCount).map((question, index) =>
        manager.create(QuizItemEntity, {
          quizId: quiz.id,
          seq: index + 1,
          questionId: question.id,
          kind: question.kind,
          stem: question.stem,
          options: question.options,
          answer: question.answer,
          explanation: question.explanation,
        }),
      );
      await manager.insert(QuizItemEntity, items);
      quiz.status = next;
      quiz.publishedAt = now;
      await manager.save(quiz);
      const audience = await manager.findBy(QuizAudienceUnitEntity, { quizId: quiz.id });
      return toQuiz(quiz, audience.map((unit) => unit.orgUnitId));
    });
  }

  /** The fixed questions of quizzes, with their keys (for grading and for review after submitting): one statement per request. */
  itemsOf(loaders: LoaderRegistry, quizId: string): Promise<QuizItemEntity[]> {
    const loader = loaders.get('Quiz.items', () => new DataLoader<string, QuizItemEntity[]>(async (ids) => {
      const rows = await this.dataSource.getRepository(QuizItemEntity).find({ where: { quizId: In([...ids]) }, order: { seq: 'ASC' } });
      return ids.map((id) => rows.filter((row) => row.quizId === id));
    }));
    return loader.load(quizId);
  }

  private async audienceOf(quizIds: string[]): Promise<Map<string, string[]>> {
    const byQuiz = new Map<string, string[]>();
    if (!quizIds.length) return byQuiz;
    const rows = await this.dataSource.getRepository(QuizAudienceUnitEntity).findBy({ quizId: In(quizIds) });
    for (const row of rows) byQuiz.set(row.quizId, [...(byQuiz.get(row.quizId) ?? []), row.orgUnitId]);
    return byQuiz;
  }
}
