import { countTodoKinds, isOwnTodoList, mergeTodoSections, RequestContext, TodoCount, TodoItem } from '@campus/graphql';
import DataLoader from 'dataloader';
import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { DataSource } from 'typeorm';
import { Account } from '../accounts/account.types';
import { responsibilityTodoOf } from './responsibility-todo';
import { TODO_SECTIONS_REQUIRED, TodoList } from './todo.types';

const MAX_FIRST = 500;

/** `me { todo }`: the account's person's to-do list (null for an account without a person). */
@Resolver(() => Account)
export class AccountTodoResolver {
  @FieldResolver(() => TodoList, { nullable: true, description: '我的待办（各服务汇总，按紧急程度排序）；账号未关联人员时为空' })
  todo(@Root() account: Account): TodoList | null {
    return account.person ? { personId: account.person.id } : null;
  }
}

/**
 * TodoList's own section and the merged fields. The sections of the other subgraphs arrive in the
 * representation (@requires); this subgraph's own section is computed for the token's viewer only, once per
 * request whatever the fields asked (a per-request loader). The merged fields are nullable: with a subgraph
 * down the gateway cannot build the representation they require and leaves them null, while the sections
 * that answered (and this one) stay readable.
 */
@Resolver(() => TodoList)
export class TodoListResolver {
  constructor(private readonly dataSource: DataSource) {}

  @FieldResolver(() => [TodoItem], { nullable: true, description: '责任体系服务的待办：待签责任书、今明两日值班、即将到期的实验室准入' })
  responsibilityItems(@Root() list: TodoList, @Ctx() context: RequestContext): Promise<TodoItem[]> {
    return this.ownSection(list, context);
  }

  @Directive(`@requires(fields: "${TODO_SECTIONS_REQUIRED}")`)
  @FieldResolver(() => [TodoItem], { nullable: true, description: '全部待办：逾期在前，再按期限、类别排序；某个服务暂时不可用时为空（各服务的分项仍可查询）' })
  async items(
    @Root() list: TodoList,
    @Ctx() context: RequestContext,
    @Arg('first', () => Int, { nullable: true, description: `最多返回条数（上限 ${MAX_FIRST}）` }) first?: number | null,
  ): Promise<TodoItem[]> {
    const items = await this.merged(list, context);
    return items.slice(0, Math.max(0, Math.min(first ?? MAX_FIRST, MAX_FIRST)));
  }

  @Directive(`@requires(fields: "${TODO_SECTIONS_REQUIRED}")`)
  @FieldResolver(() => [TodoCount], { nullable: true, description: '各类待办的数量（角标）；某个服务暂时不可用时为空' })
  async counts(@Root() list: TodoList, @Ctx() context: RequestContext): Promise<TodoCount[]> {
    return countTodoKinds(await this.merged(list, context));
  }

  @Directive(`@requires(fields: "${TODO_SECTIONS_REQUIRED}")`)
  @FieldResolver(() => Int, { nullable: true, description: '待办总数；某个服务暂时不可用时为空' })
  async total(@Root() list: TodoList, @Ctx() context: RequestContext): Promise<number> {
    return (await this.merged(list, context)).length;
  }

  private async merged(list: TodoList, context: RequestContext): Promise<TodoItem[]> {
    const own = await this.ownSection(list, context);
    return mergeTodoSections([own, list.hazardItems, list.educationItems, list.appraisalItems]);
  }

  /** Only the viewer's own list: another person's key gets nothing from this subgraph. */
  private ownSection(list: TodoList, context: RequestContext): Promise<TodoItem[]> {
    if (!isOwnTodoList(list, context.viewer)) return Promise.resolve([]);
    const loader = context.loaders.get('todo:responsibility', () =>
      new DataLoader<string, TodoItem[]>((personIds) => Promise.all(personIds.map((personId) => responsibilityTodoOf(this.dataSource.manager, personId)))),
    );
    return loader.load(list.personId);
  }
}
