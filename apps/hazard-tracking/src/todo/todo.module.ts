import { TodoListReference } from '@campus/graphql';
import { FeatureModule } from '@campus/server';
import type { HazardDeps } from '../service';
import { HazardTodoResolver } from './hazard-todo.resolver';

/** 我的待办: hazard-tracking's section of `me { todo }` (TodoList.hazardItems). It owns no table. */
export const TODO_MODULE: FeatureModule<HazardDeps> = {
  name: 'todo',
  types: [TodoListReference],
  resolvers: ({ dataSource }) => [new HazardTodoResolver(dataSource)],
};
