import { callerOf, ConnectionArgs, RequestContext } from '@campus/graphql';
import { OutboxSignal } from '@campus/events';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DataSource } from 'typeorm';
import { raiseEquipmentHazard } from './special-equipment-hazard';
import { SpecialEquipmentQueries } from './special-equipment-queries';
import {
  RaiseSpecialEquipmentHazardInput,
  RecordEquipmentInspectionInput,
  RegisterSpecialEquipmentInput,
  ResumeSpecialEquipmentInput,
  RetireSpecialEquipmentInput,
  SpecialEquipmentFilter,
  SuspendSpecialEquipmentInput,
  UpdateSpecialEquipmentInput,
} from './special-equipment.inputs';
import { SpecialEquipmentService } from './special-equipment.service';
import {
  OperatorCertificate,
  OperatorCertificateConnection,
  SpecialEquipment,
  SpecialEquipmentConnection,
  SpecialEquipmentInspection,
  SpecialEquipmentPayload,
} from './special-equipment.types';

const DEFAULT_WINDOW_DAYS = 30;

@Authorized()
@Resolver(() => SpecialEquipment)
export class SpecialEquipmentResolver {
  constructor(
    private readonly queries: SpecialEquipmentQueries,
    private readonly service: SpecialEquipmentService,
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxSignal,
  ) {}

  @Query(() => SpecialEquipment, { nullable: true, description: '按 ID 查询特种设备（已销号的也可查看）' })
  specialEquipment(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<SpecialEquipment> {
    return this.queries.get(callerOf(context), id);
  }

  @Query(() => SpecialEquipmentConnection, { description: '特种设备台账（可按单位及其下级、种类、状态、检验到期筛选），新登记的在前' })
  specialEquipmentRegister(
    @Arg('filter', () => SpecialEquipmentFilter, { defaultValue: { inspectionOverdue: false } }) filter: SpecialEquipmentFilter,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<SpecialEquipmentConnection> {
    return this.queries.list(callerOf(context), filter, first, after);
  }

  @Query(() => SpecialEquipmentConnection, { description: '定期检验到期（N 天内）和已逾期的未销号特种设备，最早到期的在前' })
  specialEquipmentInspectionsDue(
    @Arg('orgUnitId', () => ID, { nullable: true, description: '只看该单位及其下级单位' }) orgUnitId: string | null,
    @Arg('withinDays', () => Int, { defaultValue: DEFAULT_WINDOW_DAYS, description: '到期天数窗口（含已逾期）' }) withinDays: number,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<SpecialEquipmentConnection> {
    return this.queries.inspectionsDue(callerOf(context), orgUnitId, Math.max(0, Math.min(withinDays, 3650)), first, after);
  }

  @Query(() => OperatorCertificateConnection, { description: '即将到期（N 天内）和已过期的特种设备作业人员证书（未销号设备），最早到期的在前' })
  expiringOperatorCertificates(
    @Arg('orgUnitId', () => ID, { nullable: true, description: '只看该单位及其下级单位' }) orgUnitId: string | null,
    @Arg('withinDays', () => Int, { defaultValue: DEFAULT_WINDOW_DAYS, description: '到期天数窗口（含已过期）' }) withinDays: number,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<OperatorCertificateConnection> {
    return this.queries.expiringCertificates(callerOf(context), orgUnitId, Math.max(0, Math.min(withinDays, 3650)), first, after);
  }

  @FieldResolver(() => [OperatorCertificate], { description: '作业人员证书，最早到期的在前' })
  certificates(@Root() equipment: SpecialEquipment, @Ctx() context: RequestContext): Promise<OperatorCertificate[]> {
    return this.queries.certificates(context.loaders, equipment.id);
  }

  @FieldResolver(() => [SpecialEquipmentInspection], { description: '定期检验记录，最近的在前' })
  inspections(@Root() equipment: SpecialEquipment, @Ctx() context: RequestContext): Promise<SpecialEquipmentInspection[]> {
    return this.queries.inspections(context.loaders, equipment.id);
  }

  @Mutation(() => SpecialEquipmentPayload, { description: '登记特种设备（建立台账）' })
  async registerSpecialEquipment(@Arg('input') input: RegisterSpecialEquipmentInput, @Ctx() context: RequestContext): Promise<SpecialEquipmentPayload> {
    return { specialEquipment: await this.service.register(callerOf(context), input) };
  }

  @Mutation(() => SpecialEquipmentPayload, { description: '修改特种设备信息（已销号的不能修改）' })
  async updateSpecialEquipment(@Arg('input') input: UpdateSpecialEquipmentInput, @Ctx() context: RequestContext): Promise<SpecialEquipmentPayload> {
    return { specialEquipment: await this.service.update(callerOf(context), input) };
  }

  @Mutation(() => SpecialEquipmentPayload, { description: '记录定期检验（结论、报告编号、下次检验日期）' })
  async recordSpecialEquipmentInspection(
    @Arg('input') input: RecordEquipmentInspectionInput,
    @Ctx() context: RequestContext,
  ): Promise<SpecialEquipmentPayload> {
    return { specialEquipment: await this.service.recordInspection(callerOf(context), input) };
  }

  @Mutation(() => SpecialEquipmentPayload, { description: '停用特种设备' })
  async suspendSpecialEquipment(@Arg('input') input: SuspendSpecialEquipmentInput, @Ctx() context: RequestContext): Promise<SpecialEquipmentPayload> {
    return { specialEquipment: await this.service.suspend(callerOf(context), input) };
  }

  @Mutation(() => SpecialEquipmentPayload, { description: '停用的特种设备恢复使用' })
  async resumeSpecialEquipment(@Arg('input') input: ResumeSpecialEquipmentInput, @Ctx() context: RequestContext): Promise<SpecialEquipmentPayload> {
    return { specialEquipment: await this.service.resume(callerOf(context), input) };
  }

  @Mutation(() => SpecialEquipmentPayload, { description: '特种设备销号（报废）：填写原因，审批人为操作人本人；销号后不能再修改' })
  async retireSpecialEquipment(@Arg('input') input: RetireSpecialEquipmentInput, @Ctx() context: RequestContext): Promise<SpecialEquipmentPayload> {
    return { specialEquipment: await this.service.retire(callerOf(context), input) };
  }

  @Mutation(() => SpecialEquipmentPayload, { description: '据定期检验逾期或不合格登记隐患（特种设备安全类），设备记下隐患；隐患未闭环前不能重复登记' })
  async raiseSpecialEquipmentHazard(
    @Arg('input') input: RaiseSpecialEquipmentHazardInput,
    @Ctx() context: RequestContext,
  ): Promise<SpecialEquipmentPayload> {
    return { specialEquipment: await raiseEquipmentHazard(this.dataSource, this.outbox, callerOf(context), input) };
  }
}
