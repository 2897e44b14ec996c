import { callerOf, RequestContext } from '@campus/graphql';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { EmergencyPlan } from './emergency-plan.types';
import { PlanReviewReads } from './plan-review';
import { EmergencyPlanRevision } from './plan-revision.types';

@Authorized()
@Resolver(() => EmergencyPlan)
export class PlanReviewResolver {
  constructor(private readonly reads: PlanReviewReads) {}

  @FieldResolver(() => [EmergencyPlanRevision], { description: '修订记录（每次批准一条，按序号）' })
  revisions(@Root() plan: EmergencyPlan, @Ctx() context: RequestContext): Promise<EmergencyPlanRevision[]> {
    return this.reads.revisions(callerOf(context), plan.id);
  }

  @FieldResolver(() => EmergencyPlanRevision, { nullable: true, description: '现行修订（最近一次批准）' })
  currentRevision(@Root() plan: EmergencyPlan, @Ctx() context: RequestContext): Promise<EmergencyPlanRevision | null> {
    return this.reads.currentRevision(callerOf(context), plan.id);
  }

  @Query(() => [EmergencyPlan], { description: '单位及下级已批准、评审已到期或将在 within 天内到期的应急预案（最逾期的在前）' })
  emergencyPlansDueForReview(
    @Arg('orgUnitId', () => ID) orgUnitId: string,
    @Arg('within', () => Int, { defaultValue: 30, description: '天数：今天起多少天内到期' }) within: number,
    @Ctx() context: RequestContext,
  ): Promise<EmergencyPlan[]> {
    return this.reads.dueForReview(callerOf(context), orgUnitId, within);
  }
}
