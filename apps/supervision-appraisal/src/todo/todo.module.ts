import { TodoListReference } from '@campus/graphql';
import { FeatureModule } from '@campus/server';
import type { AppraisalDeps } from '../service';
import { AppraisalTodoResolver } from './appraisal-todo.resolver';

/** 我的待办: supervision-appraisal's section of `me { todo }` (TodoList.appraisalItems). It owns no table. */
export const TODO_MODULE: FeatureModule<AppraisalDeps> = {
  name: 'todo',
  types: [TodoListReference],
  resolvers: ({ dataSource }) => [new AppraisalTodoResolver(dataSource)],
};
