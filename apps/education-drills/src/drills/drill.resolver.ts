import { callerOf, CalendarDate, ConnectionArgs, ExportFile, RequestContext } from '@campus/graphql';
import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { DrillEvaluation } from './drill-evaluation';
import { DrillReads } from './drill-reads';
import { DrillRecords } from './drill-records';
import { DrillService } from './drill.service';
import { DrillType } from './drill-enums';
import {
  CancelDrillInput,
  DrillFilter,
  EvaluateDrillInput,
  HoldDrillInput,
  PlanDrillInput,
  RaiseDrillProblemInput,
  UpdateDrillInput,
} from './drill.inputs';
import { Drill, DrillConnection, DrillGapReport, DrillPayload } from './drill.types';

@Authorized()
@Resolver(() => Drill)
export class DrillResolver {
  constructor(
    private readonly drillService: DrillService,
    private readonly evaluation: DrillEvaluation,
    private readonly reads: DrillReads,
    private readonly records: DrillRecords,
  ) {}

  @Query(() => Drill, { nullable: true, description: '按 ID 查询应急演练' })
  drill(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Drill> {
    return this.drillService.get(callerOf(context), id);
  }

  @Query(() => DrillConnection, { description: '我的管辖范围内的应急演练，最新建立的在前' })
  drills(
    @Arg('filter', () => DrillFilter, { defaultValue: {} }) filter: DrillFilter,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<DrillConnection> {
    return this.drillService.list(callerOf(context), filter, first, after);
  }

  @Query(() => DrillGapReport, { description: '某单位及其下级单位中，指定日期所在学期内尚未实施某类演练的单位（如每学期至少一次疏散演练）' })
  drillGaps(
    @Arg('orgUnitId', () => ID) orgUnitId: string,
    @Arg('type', () => DrillType, { defaultValue: DrillType.EVACUATION }) type: DrillType,
    @Arg('date', () => CalendarDate, { nullable: true, description: '学期内任一日，默认今天' }) date: string | undefined,
    @Arg('kinds', () => [String], { nullable: true, description: '只检查这些类型的单位，如 SCHOOL、COLLEGE' }) kinds: string[] | undefined,
    @Ctx() context: RequestContext,
  ): Promise<DrillGapReport> {
    return this.reads.gaps(callerOf(context), orgUnitId, type, date ?? undefined, kinds ?? undefined);
  }

  @Query(() => ExportFile, { description: '《应急演练记录》Excel 工作簿：单位及下级单位的演练（按计划日期）及发现问题' })
  drillRecordsWorkbook(
    @Arg('orgUnitId', () => ID) orgUnitId: string,
    @Arg('from', () => CalendarDate, { nullable: true, description: '计划日期不早于' }) from: string | undefined,
    @Arg('to', () => CalendarDate, { nullable: true, description: '计划日期不晚于' }) to: string | undefined,
    @Ctx() context: RequestContext,
  ): Promise<ExportFile> {
    return this.records.workbook(callerOf(context), orgUnitId, from ?? undefined, to ?? undefined);
  }

  @Mutation(() => DrillPayload, { description: '制定应急演练计划' })
  async planDrill(@Arg('input') input: PlanDrillInput, @Ctx() context: RequestContext): Promise<DrillPayload> {
    return { drill: await this.drillService.plan(callerOf(context), input) };
  }

  @Mutation(() => DrillPayload, { description: '修改计划中的应急演练' })
  async updateDrill(@Arg('input') input: UpdateDrillInput, @Ctx() context: RequestContext): Promise<DrillPayload> {
    return { drill: await this.drillService.update(callerOf(context), input) };
  }

  @Mutation(() => DrillPayload, { description: '记录演练实施情况（参演人数、起止时间、疏散用时）' })
  async holdDrill(@Arg('input') input: HoldDrillInput, @Ctx() context: RequestContext): Promise<DrillPayload> {
    return { drill: await this.drillService.hold(callerOf(context), input) };
  }

  @Mutation(() => DrillPayload, { description: '评估已实施的演练：得分、做得好的方面、发现的问题及改进措施，问题可同时转为隐患' })
  async evaluateDrill(@Arg('input') input: EvaluateDrillInput, @Ctx() context: RequestContext): Promise<DrillPayload> {
    return { drill: await this.evaluation.evaluate(callerOf(context), input) };
  }

  @Mutation(() => DrillPayload, { description: '将已评估演练中尚未转为隐患的问题转为隐患' })
  async raiseDrillProblem(@Arg('input') input: RaiseDrillProblemInput, @Ctx() context: RequestContext): Promise<DrillPayload> {
    return { drill: await this.evaluation.raise(callerOf(context), input) };
  }

  @Mutation(() => DrillPayload, { description: '取消计划中的演练' })
  async cancelDrill(@Arg('input') input: CancelDrillInput, @Ctx() context: RequestContext): Promise<DrillPayload> {
    return { drill: await this.drillService.cancel(callerOf(context), input) };
  }
}
