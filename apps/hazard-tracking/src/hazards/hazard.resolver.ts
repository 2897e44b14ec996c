import { callerOf, ConnectionArgs, RequestContext, selectsField } from '@campus/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { HazardAction } from './hazard-enums';
import { HazardLedgerFilter, HazardOrder, RegisterHazardInput, UpdateHazardInput, VoidHazardInput } from './hazard.inputs';
import { HazardService } from './hazard.service';
import { Hazard, HazardConnection, HazardPayload } from './hazard.types';

@Authorized()
@Resolver(() => Hazard)
export class HazardResolver {
  constructor(private readonly hazardService: HazardService) {}

  @Query(() => Hazard, { nullable: true, description: '按 ID 查询隐患（限我的管辖范围）' })
  hazard(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Hazard> {
    return this.hazardService.get(callerOf(context), id);
  }

  @Query(() => HazardConnection, { description: '隐患台账（默认最新登记的在前）' })
  hazards(
    @Arg('filter', () => HazardLedgerFilter, { defaultValue: { includeSubtree: true } }) filter: HazardLedgerFilter,
    @Arg('orderBy', () => HazardOrder, { defaultValue: HazardOrder.NEWEST_FIRST }) orderBy: HazardOrder,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<HazardConnection> {
    return this.hazardService.ledger(callerOf(context), filter, orderBy, first, after, selectsField(info, 'totalCount'));
  }

  @Mutation(() => HazardPayload, { description: '登记隐患' })
  async registerHazard(@Arg('input') input: RegisterHazardInput, @Ctx() context: RequestContext): Promise<HazardPayload> {
    return { hazard: await this.hazardService.register(callerOf(context), input) };
  }

  @Mutation(() => HazardPayload, { description: '发现上报（随手拍）：任何有隐患上报权限的人员提交，待单位登记评估' })
  async reportHazardDiscovery(@Arg('input') input: RegisterHazardInput, @Ctx() context: RequestContext): Promise<HazardPayload> {
    return { hazard: await this.hazardService.register(callerOf(context), input, HazardAction.DISCOVER) };
  }

  @Mutation(() => HazardPayload, { description: '作废隐患（重复登记或误报），须说明原因' })
  async voidHazard(@Arg('input') input: VoidHazardInput, @Ctx() context: RequestContext): Promise<HazardPayload> {
    return { hazard: await this.hazardService.void(callerOf(context), input) };
  }

  @Mutation(() => HazardPayload, { description: '更正隐患基本信息（进入治理前）' })
  async updateHazard(@Arg('input') input: UpdateHazardInput, @Ctx() context: RequestContext): Promise<HazardPayload> {
    return { hazard: await this.hazardService.update(callerOf(context), input) };
  }
}

@Authorized()
@Resolver(() => HazardConnection)
export class HazardConnectionResolver {
  @FieldResolver(() => Int, {
    description:
      '因类别敏感（心理健康等）不向您显示的隐患数：符合同样的筛选条件、在您的管辖范围内，但只有心理健康中心、安全保卫处、单位负责人和教育局可以查看；只计数，不列出任何内容，也不计入 totalCount',
  })
  restrictedCount(@Root() connection: HazardConnection): Promise<number> {
    return connection.countRestricted ? connection.countRestricted() : Promise.resolve(0);
  }
}
