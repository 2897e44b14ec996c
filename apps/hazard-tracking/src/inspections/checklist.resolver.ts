import { callerOf, ConnectionArgs, RequestContext } from '@campus/graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ChecklistTemplateFilter, CreateChecklistTemplateInput, RetireChecklistTemplateInput } from './checklist.inputs';
import { ChecklistService } from './checklist.service';
import { ChecklistItem, ChecklistTemplate, ChecklistTemplateConnection, ChecklistTemplatePayload } from './checklist.types';

@Authorized()
@Resolver(() => ChecklistTemplate)
export class ChecklistTemplateResolver {
  constructor(private readonly checklists: ChecklistService) {}

  @FieldResolver(() => [ChecklistItem], { description: '检查项，按序号' })
  items(@Root() template: ChecklistTemplate, @Ctx() context: RequestContext): Promise<ChecklistItem[]> {
    return this.checklists.batchedItems(callerOf(context), template.id);
  }

  @Query(() => ChecklistTemplate, { nullable: true, description: '按 ID 查询检查表' })
  checklistTemplate(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<ChecklistTemplate> {
    return this.checklists.get(callerOf(context), id);
  }

  @Query(() => ChecklistTemplateConnection, { description: '我可见的检查表（内置的、本单位及上下级单位的），最新的在前' })
  checklistTemplates(
    @Arg('filter', () => ChecklistTemplateFilter, { defaultValue: { includeRetired: false } }) filter: ChecklistTemplateFilter,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<ChecklistTemplateConnection> {
    return this.checklists.list(callerOf(context), filter, first, after);
  }

  @Mutation(() => ChecklistTemplatePayload, { description: '新建本单位的检查表（学校安全管理部门、教育局）' })
  async createChecklistTemplate(@Arg('input') input: CreateChecklistTemplateInput, @Ctx() context: RequestContext): Promise<ChecklistTemplatePayload> {
    return { checklistTemplate: await this.checklists.create(callerOf(context), input) };
  }

  @Mutation(() => ChecklistTemplatePayload, { description: '停用本单位的检查表（内置检查表不能停用）' })
  async retireChecklistTemplate(@Arg('input') input: RetireChecklistTemplateInput, @Ctx() context: RequestContext): Promise<ChecklistTemplatePayload> {
    return { checklistTemplate: await this.checklists.retire(callerOf(context), input) };
  }
}
