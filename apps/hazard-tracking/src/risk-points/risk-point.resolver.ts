import { callerOf, ConnectionArgs, RequestContext } from '@campus/graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DataSource } from 'typeorm';
import { OrgUnitDirectory } from '@campus/org-directory';
import { riskListGaps, RiskListGapConnection } from './risk-list-gaps';
import { CreateRiskPointInput, ReviewRiskPointInput, RiskPointFilter, StrikeOffRiskPointInput } from './risk-point.inputs';
import { RiskPointService } from './risk-point.service';
import { RiskPoint, RiskPointConnection, RiskPointPayload, RiskPointStep } from './risk-point.types';

@Authorized()
@Resolver(() => RiskPoint)
export class RiskPointResolver {
  constructor(
    private readonly riskPointService: RiskPointService,
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
  ) {}

  @Query(() => RiskPoint, { nullable: true, description: '按 ID 查询风险点（已销号的也可查看，含销号记录）' })
  riskPoint(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<RiskPoint> {
    return this.riskPointService.get(callerOf(context), id);
  }

  @Query(() => RiskPointConnection, { description: '风险点清单（可按单位及其下级、等级、类别或评审逾期筛选；默认只列在管的）' })
  riskPoints(
    @Arg('filter', () => RiskPointFilter, { defaultValue: { reviewOverdue: false } }) filter: RiskPointFilter,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<RiskPointConnection> {
    return this.riskPointService.list(callerOf(context), filter, first, after);
  }

  @Query(() => RiskListGapConnection, { description: '我管辖范围内未建立风险清单或有评审逾期风险点的单位（学校、二级学院、处室）' })
  riskListGaps(
    @Arg('orgUnitId', () => ID, { nullable: true, description: '只看该单位及其下级单位' }) orgUnitId: string | null,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<RiskListGapConnection> {
    return riskListGaps(this.dataSource, this.directory, callerOf(context), orgUnitId, first, after);
  }

  @FieldResolver(() => [RiskPointStep], { description: '历史记录（复评、销号），按时间先后' })
  history(@Root() point: RiskPoint, @Ctx() context: RequestContext): Promise<RiskPointStep[]> {
    return this.riskPointService.history(context.loaders, point.id);
  }

  @Mutation(() => RiskPointPayload, { description: '登记风险点：评价（矩阵法或 LEC 法）得出风险等级' })
  async createRiskPoint(@Arg('input') input: CreateRiskPointInput, @Ctx() context: RequestContext): Promise<RiskPointPayload> {
    return { riskPoint: await this.riskPointService.create(callerOf(context), input) };
  }

  @Mutation(() => RiskPointPayload, { description: '复评风险点，确定下次评审日期（已销号的不能复评）' })
  async reviewRiskPoint(@Arg('input') input: ReviewRiskPointInput, @Ctx() context: RequestContext): Promise<RiskPointPayload> {
    return { riskPoint: await this.riskPointService.review(callerOf(context), input) };
  }

  @Mutation(() => RiskPointPayload, { description: '风险点销号：填写原因，审批人为操作人本人，记入历史；销号后移出在管清单，仍可查看' })
  async strikeOffRiskPoint(@Arg('input') input: StrikeOffRiskPointInput, @Ctx() context: RequestContext): Promise<RiskPointPayload> {
    return { riskPoint: await this.riskPointService.strikeOff(callerOf(context), input) };
  }
}
