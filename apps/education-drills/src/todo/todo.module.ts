import { TodoListReference } from '@campus/graphql';
import { FeatureModule } from '@campus/server';
import type { EducationDeps } from '../service';
import { EducationTodoResolver } from './education-todo.resolver';

/** 我的待办: education-drills' section of `me { todo }` (TodoList.educationItems). It owns no table. */
export const TODO_MODULE: FeatureModule<EducationDeps> = {
  name: 'todo',
  types: [TodoListReference],
  resolvers: ({ dataSource }) => [new EducationTodoResolver(dataSource)],
};
