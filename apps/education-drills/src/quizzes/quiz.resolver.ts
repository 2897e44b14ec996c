import { callerOf, ConnectionArgs, RequestContext } from '@campus/graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { QuizAttemptService } from './quiz-attempt.service';
import { QuizResultsService } from './quiz-results.service';
import { QuizService } from './quiz.service';
import { CreateQuizInput, PublishQuizInput } from './quiz.inputs';
import { Quiz, QuizAttempt, QuizConnection, QuizPayload, QuizResults } from './quiz.types';

@Authorized()
@Resolver(() => Quiz)
export class QuizResolver {
  constructor(
    private readonly quizService: QuizService,
    private readonly attempts: QuizAttemptService,
    private readonly results: QuizResultsService,
  ) {}

  @Query(() => Quiz, { nullable: true, description: '按 ID 查询测验（管辖范围内，或本人是参加对象）' })
  quiz(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Quiz> {
    return this.quizService.get(callerOf(context), id);
  }

  @Query(() => QuizConnection, { description: '我的管辖范围内组织的测验' })
  quizzes(@Args() { first, after }: ConnectionArgs, @Ctx() context: RequestContext): Promise<QuizConnection> {
    return this.quizService.list(callerOf(context), first, after);
  }

  @Query(() => [Quiz], { description: '我要参加的测验（已发布、我是参加对象），最近的在前' })
  myQuizzes(@Ctx() context: RequestContext): Promise<Quiz[]> {
    return this.quizService.mine(callerOf(context));
  }

  @Query(() => QuizResults, { description: '测验结果：各单位参加人数、通过人数与通过率（仅我的管辖范围内的人员）' })
  quizResults(@Arg('quizId', () => ID) quizId: string, @Ctx() context: RequestContext): Promise<QuizResults> {
    return this.results.results(callerOf(context), quizId);
  }

  @FieldResolver(() => [QuizAttempt], { description: '我在本测验的答卷，最近的在前' })
  myAttempts(@Root() quiz: Quiz, @Ctx() context: RequestContext): Promise<QuizAttempt[]> {
    return this.attempts.mine(callerOf(context), quiz.id);
  }

  @Mutation(() => QuizPayload, { description: '新建测验（草稿）：从题库抽题，设定及格分、限时、开放时间和参加对象' })
  async createQuiz(@Arg('input') input: CreateQuizInput, @Ctx() context: RequestContext): Promise<QuizPayload> {
    return { quiz: await this.quizService.create(callerOf(context), input) };
  }

  @Mutation(() => QuizPayload, { description: '发布测验：从题库随机抽定题目，此后不再变化' })
  async publishQuiz(@Arg('input') input: PublishQuizInput, @Ctx() context: RequestContext): Promise<QuizPayload> {
    return { quiz: await this.quizService.publish(callerOf(context), input) };
  }
}
