import { CalendarDate, callerOf, ConnectionArgs, RequestContext } from '@campus/graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Hazard } from '../hazards/hazard.types';
import { InspectionCompletionService } from './inspection-completion.service';
import { InspectionCompletionGroupBy } from './inspection-enums';
import { InspectionTaskService } from './inspection-task.service';
import { InspectionFilter, PerformInspectionInput } from './inspection.inputs';
import { InspectionService } from './inspection.service';
import {
  Inspection,
  InspectionCompletion,
  InspectionConnection,
  InspectionItemResult,
  InspectionPayload,
  InspectionTask,
  MissedInspectionConnection,
} from './inspection.types';

@Authorized()
@Resolver(() => Inspection)
export class InspectionResolver {
  constructor(
    private readonly inspectionService: InspectionService,
    private readonly tasks: InspectionTaskService,
    private readonly completion: InspectionCompletionService,
  ) {}

  @FieldResolver(() => InspectionTask, { nullable: true, description: '检查任务' })
  task(@Root() inspection: Inspection, @Ctx() context: RequestContext): Promise<InspectionTask | null> {
    return this.tasks.batchedTask(callerOf(context), inspection.taskId);
  }

  @FieldResolver(() => [InspectionItemResult], { description: '各检查项的结果，按检查表顺序' })
  results(@Root() inspection: Inspection, @Ctx() context: RequestContext): Promise<InspectionItemResult[]> {
    return this.inspectionService.batchedResults(callerOf(context), inspection.id);
  }

  @FieldResolver(() => [Hazard], { description: '不合格项登记的隐患' })
  hazards(@Root() inspection: Inspection, @Ctx() context: RequestContext): Promise<Hazard[]> {
    return this.inspectionService.batchedHazards(callerOf(context), inspection.id);
  }

  @Query(() => Inspection, { nullable: true, description: '按 ID 查询检查记录' })
  inspection(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Inspection> {
    return this.inspectionService.get(callerOf(context), id);
  }

  @Query(() => InspectionConnection, { description: '检查记录，最新登记的在前' })
  inspections(
    @Arg('filter', () => InspectionFilter, { defaultValue: { includeSubtree: true } }) filter: InspectionFilter,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<InspectionConnection> {
    return this.inspectionService.list(callerOf(context), filter, first, after);
  }

  @Query(() => InspectionCompletion, {
    description: '单位（含下级单位）在期间内的检查完成率：期间内已结束的周期为应检，有检查记录的为已检；按单位或网格分组',
  })
  inspectionCompletion(
    @Arg('orgUnitId', () => ID) orgUnitId: string,
    @Arg('from', () => CalendarDate) from: string,
    @Arg('to', () => CalendarDate) to: string,
    @Arg('groupBy', () => InspectionCompletionGroupBy, { defaultValue: InspectionCompletionGroupBy.UNIT }) groupBy: InspectionCompletionGroupBy,
    @Ctx() context: RequestContext,
  ): Promise<InspectionCompletion> {
    return this.completion.completion(callerOf(context), orgUnitId, from, to, groupBy);
  }

  @Query(() => MissedInspectionConnection, { description: '漏检：单位（含下级单位）期间内已结束而没有检查记录的周期，最近的在前' })
  missedInspections(
    @Arg('orgUnitId', () => ID) orgUnitId: string,
    @Arg('from', () => CalendarDate) from: string,
    @Arg('to', () => CalendarDate) to: string,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<MissedInspectionConnection> {
    return this.completion.missed(callerOf(context), orgUnitId, from, to, first, after);
  }

  @Mutation(() => InspectionPayload, { description: '执行检查：记录每一项的结果，每个不合格项登记一条隐患（来源：日常检查），同一事务完成' })
  async performInspection(@Arg('input') input: PerformInspectionInput, @Ctx() context: RequestContext): Promise<InspectionPayload> {
    return { inspection: await this.inspectionService.perform(callerOf(context), input) };
  }
}
