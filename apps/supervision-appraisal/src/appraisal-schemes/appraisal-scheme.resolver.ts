import { callerOf, ConnectionArgs, RequestContext } from '@campus/graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AppraisalSchemeFilter, CreateAppraisalSchemeInput, UpdateAppraisalSchemeInput } from './appraisal-scheme.inputs';
import { AppraisalSchemeService } from './appraisal-scheme.service';
import { AppraisalIndicator, AppraisalScheme, AppraisalSchemeConnection, AppraisalSchemePayload } from './appraisal-scheme.types';

@Authorized()
@Resolver(() => AppraisalScheme)
export class AppraisalSchemeResolver {
  constructor(private readonly schemeService: AppraisalSchemeService) {}

  @Query(() => AppraisalScheme, { nullable: true, description: '按 ID 查询考核方案' })
  appraisalScheme(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<AppraisalScheme> {
    return this.schemeService.get(callerOf(context), id);
  }

  @Query(() => AppraisalSchemeConnection, { description: '我的管辖范围内的考核方案' })
  appraisalSchemes(
    @Arg('filter', () => AppraisalSchemeFilter, { defaultValue: {} }) filter: AppraisalSchemeFilter,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<AppraisalSchemeConnection> {
    return this.schemeService.list(callerOf(context), filter, first, after);
  }

  @FieldResolver(() => [AppraisalIndicator], { description: '指标表，按顺序' })
  indicators(@Root() scheme: AppraisalScheme, @Ctx() context: RequestContext): Promise<AppraisalIndicator[]> {
    return context.loaders.get('AppraisalScheme.indicators', () => this.schemeService.createIndicatorsLoader()).load(scheme.id);
  }

  @Mutation(() => AppraisalSchemePayload, { description: '新建考核方案（草案）；指标权重合计须为 100' })
  async createAppraisalScheme(
    @Arg('input') input: CreateAppraisalSchemeInput,
    @Ctx() context: RequestContext,
  ): Promise<AppraisalSchemePayload> {
    return { appraisalScheme: await this.schemeService.create(callerOf(context), input) };
  }

  @Mutation(() => AppraisalSchemePayload, { description: '修改考核方案草案' })
  async updateAppraisalScheme(
    @Arg('input') input: UpdateAppraisalSchemeInput,
    @Ctx() context: RequestContext,
  ): Promise<AppraisalSchemePayload> {
    return { appraisalScheme: await this.schemeService.update(callerOf(context), input) };
  }
}
