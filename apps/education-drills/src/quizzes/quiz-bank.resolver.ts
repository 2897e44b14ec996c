import { callerOf, ConnectionArgs, RequestContext } from '@campus/graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { QuizBankService } from './quiz-bank.service';
import { AddQuizBankQuestionInput, CreateQuizBankInput, ImportQuizQuestionsInput } from './quiz.inputs';
import { QuizBank, QuizBankConnection, QuizBankPayload, QuizBankQuestion, QuizBankQuestionPayload, QuizQuestionImportReport } from './quiz.types';

@Authorized()
@Resolver(() => QuizBank)
export class QuizBankResolver {
  constructor(private readonly banks: QuizBankService) {}

  @Query(() => QuizBank, { nullable: true, description: '按 ID 查询题库（含答案，仅题库维护者）' })
  quizBank(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<QuizBank> {
    return this.banks.get(callerOf(context), id);
  }

  @Query(() => QuizBankConnection, { description: '我维护的题库' })
  quizBanks(@Args() { first, after }: ConnectionArgs, @Ctx() context: RequestContext): Promise<QuizBankConnection> {
    return this.banks.list(callerOf(context), first, after);
  }

  @FieldResolver(() => [QuizBankQuestion], { description: '题目（按题号）' })
  questions(@Root() bank: QuizBank, @Ctx() context: RequestContext): Promise<QuizBankQuestion[]> {
    return this.banks.questionsOf(callerOf(context).loaders, bank.id);
  }

  @FieldResolver(() => Int, { description: '题目数' })
  async questionCount(@Root() bank: QuizBank, @Ctx() context: RequestContext): Promise<number> {
    return (await this.banks.questionsOf(callerOf(context).loaders, bank.id)).length;
  }

  @Mutation(() => QuizBankPayload, { description: '新建题库' })
  async createQuizBank(@Arg('input') input: CreateQuizBankInput, @Ctx() context: RequestContext): Promise<QuizBankPayload> {
    return { quizBank: await this.banks.create(callerOf(context), input) };
  }

  @Mutation(() => QuizBankQuestionPayload, { description: '向题库添加一道题' })
  async addQuizBankQuestion(@Arg('input') input: AddQuizBankQuestionInput, @Ctx() context: RequestContext): Promise<QuizBankQuestionPayload> {
    return { question: await this.banks.addQuestion(callerOf(context), input) };
  }

  @Mutation(() => QuizQuestionImportReport, { description: '从 Excel 导入题目：逐行校验，全部通过才导入' })
  importQuizQuestions(@Arg('input') input: ImportQuizQuestionsInput, @Ctx() context: RequestContext): Promise<QuizQuestionImportReport> {
    return this.banks.importQuestions(callerOf(context), input);
  }
}
