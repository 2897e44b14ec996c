import { isOwnTodoList, RequestContext, TodoItem, TodoListReference } from '@campus/graphql';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { DataSource } from 'typeorm';
import { appraisalTodoOf } from './appraisal-todo';

/** TodoList.appraisalItems: computed for the token's viewer only; another person's list gets nothing. */
@Resolver(() => TodoListReference)
export class AppraisalTodoResolver {
  constructor(private readonly dataSource: DataSource) {}

  @FieldResolver(() => [TodoItem], { nullable: true, description: '督导考核的待办：考核评分、问责建议确认、定期报告报送（最多 200 条）' })
  async appraisalItems(@Root() list: TodoListReference, @Ctx() context: RequestContext): Promise<TodoItem[]> {
    if (!context.viewer || !isOwnTodoList(list, context.viewer)) return [];
    return appraisalTodoOf(this.dataSource.manager, context.viewer);
  }
}
