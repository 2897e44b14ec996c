import { FeatureModule } from '@campus/server';
import type { ResponsibilityDeps } from '../service';
import { AccountTodoResolver, TodoListResolver } from './todo.resolver';

/**
 * 我的待办: `me { todo }`, the list every subgraph contributes to (TodoList by person id), merged here
 * with federation's @requires. It owns no table.
 */
export const TODO_MODULE: FeatureModule<ResponsibilityDeps> = {
  name: 'todo',
  resolvers: ({ dataSource }) => [new AccountTodoResolver(), new TodoListResolver(dataSource)],
};
