import { callerOf, ConnectionArgs, RequestContext } from '@campus/graphql';
import DataLoader from 'dataloader';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DataSource, In } from 'typeorm';
import { DisputeMediationEntity } from './dispute.entity';
import {
  AddDisputeMediationInput,
  CloseDisputeInput,
  DisputeFilter,
  EscalateDisputeInput,
  RegisterDisputeInput,
  ResolveDisputeInput,
} from './dispute.inputs';
import { DisputeService } from './dispute.service';
import { Dispute, DisputeConnection, DisputeMediation, DisputePayload, toDisputeMediation } from './dispute.types';
import { RiskRegisterAccessLogConnection, RiskRegisterAccessLogFilter, RiskRegisterAccessLogService } from './risk-register-access-log';

const HANDLERS = '心理健康中心、安全保卫处、单位负责人和教育局';

@Authorized()
@Resolver(() => Dispute)
export class DisputeResolver {
  constructor(
    private readonly service: DisputeService,
    private readonly accessLog: RiskRegisterAccessLogService,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => Dispute, { nullable: true, description: `按 ID 查看师生矛盾纠纷（仅${HANDLERS}；其他人为 NOT_FOUND；记入访问日志）` })
  dispute(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Dispute> {
    return this.service.get(callerOf(context), id);
  }

  @Query(() => DisputeConnection, {
    description: `师生矛盾纠纷台账，最新的在前（仅${HANDLERS}可见内容，返回的每条都记入访问日志；其他人只见 restrictedCount）`,
  })
  disputes(
    @Arg('filter', () => DisputeFilter, { defaultValue: {} }) filter: DisputeFilter,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<DisputeConnection> {
    return this.service.list(callerOf(context), filter, first, after);
  }

  @Query(() => RiskRegisterAccessLogConnection, { description: `师生矛盾纠纷和重点关注学生台账的访问日志，最新的在前（${HANDLERS}；不含当事人姓名）` })
  riskRegisterAccessLog(
    @Arg('filter', () => RiskRegisterAccessLogFilter, { defaultValue: {} }) filter: RiskRegisterAccessLogFilter,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<RiskRegisterAccessLogConnection> {
    return this.accessLog.list(callerOf(context), filter, first, after);
  }

  @Mutation(() => DisputePayload, { description: '登记师生矛盾纠纷（登记）' })
  async registerDispute(@Arg('input') input: RegisterDisputeInput, @Ctx() context: RequestContext): Promise<DisputePayload> {
    return { dispute: await this.service.register(callerOf(context), input) };
  }

  @Mutation(() => DisputePayload, { description: '记录一次调解（调解中），可调整风险等级' })
  async addDisputeMediation(@Arg('input') input: AddDisputeMediationInput, @Ctx() context: RequestContext): Promise<DisputePayload> {
    return { dispute: await this.service.mediate(callerOf(context), input) };
  }

  @Mutation(() => DisputePayload, { description: '确认纠纷已化解（须写明结果）' })
  async resolveDispute(@Arg('input') input: ResolveDisputeInput, @Ctx() context: RequestContext): Promise<DisputePayload> {
    return { dispute: await this.service.resolve(callerOf(context), input) };
  }

  @Mutation(() => DisputePayload, { description: '上报或移交（须写明部门和原因）' })
  async escalateDispute(@Arg('input') input: EscalateDisputeInput, @Ctx() context: RequestContext): Promise<DisputePayload> {
    return { dispute: await this.service.escalate(callerOf(context), input) };
  }

  @Mutation(() => DisputePayload, { description: '结案（已化解或已上报移交的纠纷）' })
  async closeDispute(@Arg('input') input: CloseDisputeInput, @Ctx() context: RequestContext): Promise<DisputePayload> {
    return { dispute: await this.service.close(callerOf(context), input) };
  }

  @FieldResolver(() => [DisputeMediation], { description: '调解过程，按日期先后' })
  mediations(@Root() dispute: Dispute, @Ctx() context: RequestContext): Promise<DisputeMediation[]> {
    const loader = context.loaders.get('Dispute.mediations', () =>
      new DataLoader<string, DisputeMediation[]>(async (ids) => {
        const rows = await this.dataSource.manager.find(DisputeMediationEntity, {
          where: { disputeId: In([...ids]) },
          order: { occurredOn: 'ASC', createdAt: 'ASC' },
        });
        return ids.map((id) => rows.filter((row) => row.disputeId === id).map(toDisputeMediation));
      }),
    );
    return loader.load(dispute.id);
  }
}
