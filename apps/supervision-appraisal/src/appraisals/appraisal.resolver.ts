import { callerOf, ConnectionArgs, RequestContext, VersionedInput } from '@campus/graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AppraisalStage } from './appraisal.entity';
import { AppraisalService } from './appraisal.service';
import { Appraisal, AppraisalConnection, AppraisalIndicatorValue, AppraisalObjection, AppraisalRunPayload, AppraisalVeto } from './appraisal.types';

@InputType({ description: '发布或结束考核方案：方案 ID 与读取时的版本号' })
export class AppraisalSchemeRunInput extends VersionedInput {}

@Authorized()
@Resolver(() => Appraisal)
export class AppraisalResolver {
  constructor(private readonly service: AppraisalService) {}

  @Query(() => AppraisalConnection, { description: '考核方案下我管辖范围内单位的考核结果，按排名' })
  appraisals(
    @Arg('schemeId', () => ID) schemeId: string,
    @Arg('stage', () => AppraisalStage, { defaultValue: AppraisalStage.PROCESS }) stage: AppraisalStage,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<AppraisalConnection> {
    return this.service.list(callerOf(context), schemeId, stage, first, after);
  }

  @Query(() => Appraisal, { nullable: true, description: '按 ID 查询考核结果' })
  appraisal(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Appraisal> {
    return this.service.get(callerOf(context), id);
  }

  @FieldResolver(() => [AppraisalIndicatorValue], { description: '各项指标的取值和得分' })
  values(@Root() appraisal: Appraisal, @Ctx() context: RequestContext): Promise<AppraisalIndicatorValue[]> {
    return this.service.values(context.loaders, appraisal.id);
  }

  @FieldResolver(() => [AppraisalObjection], { description: '申诉及处理' })
  objections(@Root() appraisal: Appraisal, @Ctx() context: RequestContext): Promise<AppraisalObjection[]> {
    return this.service.objections(context.loaders, appraisal.id);
  }

  @FieldResolver(() => [AppraisalVeto], { description: '一票否决情形及依据' })
  vetoes(@Root() appraisal: Appraisal, @Ctx() context: RequestContext): Promise<AppraisalVeto[]> {
    return this.service.vetoes(context.loaders, appraisal.id);
  }

  @Mutation(() => AppraisalRunPayload, { description: '发布考核方案（开始过程考核）并计算各单位的过程考核结果；自动指标须有计分规则' })
  publishAppraisalScheme(@Arg('input') input: AppraisalSchemeRunInput, @Ctx() context: RequestContext): Promise<AppraisalRunPayload> {
    return this.service.publish(callerOf(context), input);
  }

  @Mutation(() => AppraisalRunPayload, { description: '结束考核方案并计算年终考核结果（数据截至考核周期最后一天；周期未满提前结束的截至当日）' })
  closeAppraisalScheme(@Arg('input') input: AppraisalSchemeRunInput, @Ctx() context: RequestContext): Promise<AppraisalRunPayload> {
    return this.service.close(callerOf(context), input);
  }

  @Mutation(() => AppraisalRunPayload, { description: '按最新业务数据重新计算已发布方案的过程考核结果' })
  recomputeAppraisals(@Arg('schemeId', () => ID) schemeId: string, @Ctx() context: RequestContext): Promise<AppraisalRunPayload> {
    return this.service.recompute(callerOf(context), schemeId);
  }
}
