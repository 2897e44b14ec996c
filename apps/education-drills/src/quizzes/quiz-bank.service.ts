import { clientRequest, oncePerRequest } from '@campus/server';
import { chunks, newId, recentFirstKey, recentFirstPage } from '@campus/database';
import { BadUserInputError, Caller, ConnectionShape, decodeCursor, LoaderRegistry, toConnection } from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, In } from 'typeorm';
import { QUIZ_BANK_ACCESS } from './quiz.access';
import { QuizBankEntity, QuizBankQuestionEntity } from './quiz.entities';
import { AddQuizBankQuestionInput, CreateQuizBankInput, ImportQuizQuestionsInput } from './quiz.inputs';
import { CheckedQuestion, checkQuestion } from './quiz-questions';
import { checkSheetRows, MAX_SHEET_ROWS, QuestionSheetError, readQuestionSheet } from './quiz-sheet';
import {
  QuizBank,
  QuizBankQuestion,
  QuizQuestionImportReport,
  toQuizBank,
  toQuizBankQuestion,
} from './quiz.types';

/** 题库: banks of a unit's questions, written by hand or imported from Excel, read only by their managers. */
export class QuizBankService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
  ) {}

  async get(caller: Caller, id: string): Promise<QuizBank> {
    return toQuizBank(await QUIZ_BANK_ACCESS.find(this.dataSource.manager, caller, 'view', id));
  }

  async list(caller: Caller, first: number, after?: string | null): Promise<ConnectionShape<QuizBank>> {
    const scope = QUIZ_BANK_ACCESS.where(caller, 'view', 'b.org_path');
    const query = this.dataSource.getRepository(QuizBankEntity).createQueryBuilder('b').where(scope.sql, scope.params);
    const page = await recentFirstPage(query, 'b', first, decodeCursor(after, 2));
    return toConnection(page.rows, first, page.totalCount, recentFirstKey, toQuizBank);
  }

  /** The questions of the banks a request shows (already checked for the viewer): one statement per request. */
  questionsOf(loaders: LoaderRegistry, bankId: string): Promise<QuizBankQuestion[]> {
    const loader = loaders.get('QuizBank.questions', () => new DataLoader<string, QuizBankQuestion[]>(async (ids) => {
      const rows = await this.dataSource.getRepository(QuizBankQuestionEntity).find({ where: { bankId: In([...ids]) }, order: { seq: 'ASC' } });
      return ids.map((id) => rows.filter((row) => row.bankId === id).map(toQuizBankQuestion));
    }));
    return loader.load(bankId);
  }

  async create(caller: Caller, input: CreateQuizBankInput): Promise<QuizBank> {
    const path = await visibleUnitPath(this.directory, caller, input.orgUnitId);
    QUIZ_BANK_ACCESS.checkRole(caller, 'create', path);
    const repository = this.dataSource.getRepository(QuizBankEntity);
    const bank = repository.create({ id: newId(), name: input.name.trim(), topic: input.topic.trim(), orgUnitId: input.orgUnitId, orgPath: path });
    const outcome = await this.dataSource.transaction(oncePerRequest(clientRequest(caller.viewer, 'createQuizBank', input), async (manager) => {
      await manager.save(bank);
      return toQuizBank(bank);
    }));
    return outcome.created ?? this.get(caller, outcome.id);
  }

  async addQuestion(caller: Caller, input: AddQuizBankQuestionInput): Promise<QuizBankQuestion> {
    const outcome = await this.dataSource.transaction(oncePerRequest(clientRequest(caller.viewer, 'addQuizBankQuestion', input), async (manager) => {
      const bank = await QUIZ_BANK_ACCESS.lock(manager, caller, 'edit', { id: input.bankId });
      const { question, reasons } = checkQuestion({ ...input, explanation: input.explanation ?? null });
      const existing = await this.existing(manager, bank.id);
      if (question && existing.stems.has(question.stem)) reasons.push('题库中已有相同题干的题目');
      if (!question || reasons.length) throw new BadUserInputError(reasons.map((message) => ({ field: 'question', message })));
      const [stored] = await this.insert(manager, bank.id, existing.lastSeq, [question]);
      return toQuizBankQuestion(stored);
    }));
    return outcome.created ?? toQuizBankQuestion(await this.dataSource.manager.findOneByOrFail(QuizBankQuestionEntity, { id: outcome.id }));
  }

  /**
   * Imports questions from the first sheet of an .xlsx: every row is checked first; if any is rejected
   * nothing is added and the report names each rejected row with its reasons.
   */
  async importQuestions(caller: Caller, input: ImportQuizQuestionsInput): Promise<QuizQuestionImportReport> {
    // Scope and role first, so another unit's bank reads as NOT_FOUND whatever the file holds.
    await QUIZ_BANK_ACCESS.find(this.dataSource.manager, caller, 'edit', input.bankId);
    const rows = await this.readSheet(input.contentBase64);
    return this.dataSource.transaction(async (manager) => {
      const bank = await QUIZ_BANK_ACCESS.lock(manager, caller, 'edit', { id: input.bankId });
      const existing = await this.existing(manager, bank.id);
      const { questions, problems } = checkSheetRows(rows, existing.stems);
      const report = (added: number) => ({ imported: added > 0, totalRows: rows.length, added, rejectedRows: problems });
      if (problems.length || input.dryRun) return report(0);
      await this.insert(manager, bank.id, existing.lastSeq, questions);
      return report(questions.length);
    });
  }

  private async readSheet(contentBase64: string) {
    const content = Buffer.from(contentBase64, 'base64');
    let rows;
    try {
      rows = await readQuestionSheet(content);
    } catch (error) {
      if (error instanceof QuestionSheetError) throw new BadUserInputError([{ field: 'contentBase64', message: error.message }]);
      throw error;
    }
    if (!rows.length) throw new BadUserInputError([{ field: 'contentBase64', message: '表格中没有题目' }]);
    if (rows.length > MAX_SHEET_ROWS) throw new BadUserInputError([{ field: 'contentBase64', message: `一次最多导入 ${MAX_SHEET_ROWS} 题，表格有 ${rows.length} 行` }]);
    return rows;
  }

  private async existing(manager: EntityManager, bankId: string): Promise<{ stems: Set<string>; lastSeq: number }> {
    const rows: { stem: string; seq: number }[] = await manager.query('SELECT stem, seq FROM quiz_bank_question WHERE bank_id = ?', [bankId]);
    return { stems: new Set(rows.map((row) => row.stem)), lastSeq: Math.max(0, ...rows.map((row) => Number(row.seq))) };
  }

  private async insert(manager: EntityManager, bankId: string, lastSeq: number, questions: CheckedQuestion[]): Promise<QuizBankQuestionEntity[]> {
    const entities = questions.map((question, index) =>
      manager.create(QuizBankQuestionEntity, { id: newId(), bankId, seq: lastSeq + index + 1, ...question }),
    );
    for (const part of chunks(entities, 500)) await manager.insert(QuizBankQuestionEntity, part);
    return entities;
  }
}
