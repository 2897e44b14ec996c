import { callerOf, ConnectionArgs, RequestContext } from '@campus/graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ChecklistService } from './checklist.service';
import { ChecklistTemplate } from './checklist.types';
import { InspectionTaskService } from './inspection-task.service';
import { CreateInspectionTaskInput, DeactivateInspectionTaskInput, InspectionTaskFilter } from './inspection.inputs';
import { Inspection, InspectionPeriod, InspectionTask, InspectionTaskConnection, InspectionTaskPayload } from './inspection.types';

@Authorized()
@Resolver(() => InspectionTask)
export class InspectionTaskResolver {
  constructor(
    private readonly tasks: InspectionTaskService,
    private readonly checklists: ChecklistService,
  ) {}

  @FieldResolver(() => ChecklistTemplate, { nullable: true, description: '检查表' })
  template(@Root() task: InspectionTask, @Ctx() context: RequestContext): Promise<ChecklistTemplate | null> {
    return this.checklists.batchedTemplate(callerOf(context), task.templateId);
  }

  @FieldResolver(() => InspectionPeriod, { nullable: true, description: '今天所在的检查周期（任务停用或不在执行期间时为空）' })
  currentPeriod(@Root() task: InspectionTask): InspectionPeriod | null {
    return this.tasks.currentPeriod(task);
  }

  @FieldResolver(() => Inspection, { nullable: true, description: '本周期的检查记录（尚未检查时为空）' })
  currentInspection(@Root() task: InspectionTask, @Ctx() context: RequestContext): Promise<Inspection | null> {
    return this.tasks.batchedCurrentInspection(callerOf(context), task);
  }

  @Query(() => InspectionTask, { nullable: true, description: '按 ID 查询检查任务' })
  inspectionTask(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<InspectionTask> {
    return this.tasks.get(callerOf(context), id);
  }

  @Query(() => InspectionTaskConnection, { description: '检查任务，最新的在前' })
  inspectionTasks(
    @Arg('filter', () => InspectionTaskFilter, { defaultValue: { includeSubtree: true, assignedToMe: false, active: true } }) filter: InspectionTaskFilter,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<InspectionTaskConnection> {
    return this.tasks.list(callerOf(context), filter, first, after);
  }

  @Mutation(() => InspectionTaskPayload, { description: '安排检查任务（日检查、周检查、月检查或一次性检查）' })
  async createInspectionTask(@Arg('input') input: CreateInspectionTaskInput, @Ctx() context: RequestContext): Promise<InspectionTaskPayload> {
    return { inspectionTask: await this.tasks.create(callerOf(context), input) };
  }

  @Mutation(() => InspectionTaskPayload, { description: '停用检查任务' })
  async deactivateInspectionTask(@Arg('input') input: DeactivateInspectionTaskInput, @Ctx() context: RequestContext): Promise<InspectionTaskPayload> {
    return { inspectionTask: await this.tasks.deactivate(callerOf(context), input) };
  }
}
