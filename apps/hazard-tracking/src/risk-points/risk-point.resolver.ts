import { callerOf, ConnectionArgs, RequestContext } from '@campus/graphql';
import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { CreateRiskPointInput, ReviewRiskPointInput, RiskPointFilter } from './risk-point.inputs';
import { RiskPointService } from './risk-point.service';
import { RiskPoint, RiskPointConnection, RiskPointPayload } from './risk-point.types';

@Authorized()
@Resolver(() => RiskPoint)
export class RiskPointResolver {
  constructor(private readonly riskPointService: RiskPointService) {}

  @Query(() => RiskPoint, { nullable: true, description: '按 ID 查询风险点' })
  riskPoint(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<RiskPoint> {
    return this.riskPointService.get(callerOf(context), id);
  }

  @Query(() => RiskPointConnection, { description: '风险点清单（可只看某等级、某类别或评审逾期的）' })
  riskPoints(
    @Arg('filter', () => RiskPointFilter, { defaultValue: { reviewOverdue: false } }) filter: RiskPointFilter,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<RiskPointConnection> {
    return this.riskPointService.list(callerOf(context), filter, first, after);
  }

  @Mutation(() => RiskPointPayload, { description: '登记风险点：评价（矩阵法或 LEC 法）得出风险等级' })
  async createRiskPoint(@Arg('input') input: CreateRiskPointInput, @Ctx() context: RequestContext): Promise<RiskPointPayload> {
    return { riskPoint: await this.riskPointService.create(callerOf(context), input) };
  }

  @Mutation(() => RiskPointPayload, { description: '复评风险点，确定下次评审日期' })
  async reviewRiskPoint(@Arg('input') input: ReviewRiskPointInput, @Ctx() context: RequestContext): Promise<RiskPointPayload> {
    return { riskPoint: await this.riskPointService.review(callerOf(context), input) };
  }
}
