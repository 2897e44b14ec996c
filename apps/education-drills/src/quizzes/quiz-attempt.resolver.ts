import { callerOf, ConnectionArgs, OrgUnitReference, RequestContext } from '@campus/graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { QuizAttemptService } from './quiz-attempt.service';
import { QuizResultsService } from './quiz-results.service';
import { StartQuizAttemptInput, SubmitQuizAttemptInput } from './quiz.inputs';
import { QuizAttempt, QuizAttemptConnection, QuizAttemptPayload, QuizAttemptQuestion, QuizAttemptReviewItem, QuizUnitResult } from './quiz.types';

@Authorized()
@Resolver(() => QuizAttempt)
export class QuizAttemptResolver {
  constructor(private readonly attempts: QuizAttemptService) {}

  @Query(() => QuizAttempt, { nullable: true, description: '按 ID 查询答卷（本人的，或管理者查看管辖范围内的）' })
  quizAttempt(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<QuizAttempt> {
    return this.attempts.get(callerOf(context), id);
  }

  @Query(() => QuizAttemptConnection, { description: '测验的答卷（管理者，管辖范围内的人员）' })
  quizAttempts(@Arg('quizId', () => ID) quizId: string, @Args() { first, after }: ConnectionArgs, @Ctx() context: RequestContext): Promise<QuizAttemptConnection> {
    return this.attempts.list(callerOf(context), quizId, first, after);
  }

  @FieldResolver(() => [QuizAttemptQuestion], { description: '题目（不含答案）' })
  questions(@Root() attempt: QuizAttempt, @Ctx() context: RequestContext): Promise<QuizAttemptQuestion[]> {
    return this.attempts.questions(callerOf(context), attempt);
  }

  @FieldResolver(() => [QuizAttemptReviewItem], { nullable: true, description: '逐题对照（含正确答案），提交后才有' })
  review(@Root() attempt: QuizAttempt, @Ctx() context: RequestContext): Promise<QuizAttemptReviewItem[] | null> {
    return this.attempts.review(callerOf(context), attempt);
  }

  @Mutation(() => QuizAttemptPayload, { description: '开始答题（已有未提交的答卷时返回该答卷）' })
  async startQuizAttempt(@Arg('input') input: StartQuizAttemptInput, @Ctx() context: RequestContext): Promise<QuizAttemptPayload> {
    return { attempt: await this.attempts.start(callerOf(context), input) };
  }

  @Mutation(() => QuizAttemptPayload, { description: '提交答卷：在服务器上评分，超过时限不能提交' })
  async submitQuizAttempt(@Arg('input') input: SubmitQuizAttemptInput, @Ctx() context: RequestContext): Promise<QuizAttemptPayload> {
    return { attempt: await this.attempts.submit(callerOf(context), input) };
  }
}

@Authorized()
@Resolver(() => OrgUnitReference)
export class OrgUnitQuizResolver {
  constructor(private readonly results: QuizResultsService) {}

  @FieldResolver(() => QuizUnitResult, { nullable: true, description: '本单位（含下级）参加对象在某测验的通过率，仅统计我的管辖范围内的人员' })
  quizPassRate(@Root() unit: OrgUnitReference, @Arg('quizId', () => ID) quizId: string, @Ctx() context: RequestContext): Promise<QuizUnitResult | null> {
    return this.results.unitPassRate(callerOf(context), unit.id, quizId);
  }
}
