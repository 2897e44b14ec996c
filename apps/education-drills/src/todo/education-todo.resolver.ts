import { isOwnTodoList, RequestContext, TodoItem, TodoListReference } from '@campus/graphql';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { DataSource } from 'typeorm';
import { educationTodoOf } from './education-todo';

/** TodoList.educationItems: computed for the token's viewer only; another person's list gets nothing. */
@Resolver(() => TodoListReference)
export class EducationTodoResolver {
  constructor(private readonly dataSource: DataSource) {}

  @FieldResolver(() => [TodoItem], { nullable: true, description: '安全教育与演练的待办：演练评估、预案评审、告知回执跟进、重点学生跟进、今日晨午检（最多 200 条）' })
  async educationItems(@Root() list: TodoListReference, @Ctx() context: RequestContext): Promise<TodoItem[]> {
    if (!context.viewer || !isOwnTodoList(list, context.viewer)) return [];
    return educationTodoOf(this.dataSource.manager, context.viewer);
  }
}
