import { isOwnTodoList, RequestContext, TodoItem, TodoListReference } from '@campus/graphql';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { DataSource } from 'typeorm';
import { hazardTodoOf } from './hazard-todo';

/** TodoList.hazardItems: computed for the token's viewer only; another person's list gets nothing. */
@Resolver(() => TodoListReference)
export class HazardTodoResolver {
  constructor(private readonly dataSource: DataSource) {}

  @FieldResolver(() => [TodoItem], { nullable: true, description: '隐患排查治理的待办：待我处理的隐患、今日与漏检的检查、专项整治报送、特种设备检验（最多 200 条）' })
  async hazardItems(@Root() list: TodoListReference, @Ctx() context: RequestContext): Promise<TodoItem[]> {
    if (!context.viewer || !isOwnTodoList(list, context.viewer)) return [];
    return hazardTodoOf(this.dataSource.manager, context.viewer);
  }
}
