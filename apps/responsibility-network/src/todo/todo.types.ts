import { TODO_ITEM_SELECTION, TodoItem } from '@campus/graphql';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The sections the other subgraphs contribute, which the merged fields require (federation @requires). */
export const TODO_SECTIONS_REQUIRED = `hazardItems ${TODO_ITEM_SELECTION} educationItems ${TODO_ITEM_SELECTION} appraisalItems ${TODO_ITEM_SELECTION}`;

/**
 * 我的待办: one person's to-do list. Every subgraph contributes its section by the person's id; this
 * subgraph owns the list and merges the sections (items, counts, total). A section is null when its
 * subgraph failed: the list shows the rest.
 */
@Directive('@key(fields: "personId")')
@ObjectType({ description: '我的待办：各服务的待办事项汇总，按紧急程度排序' })
export class TodoList {
  @Field(() => ID, { description: '待办所属人员' })
  personId: string;

  @Directive('@external')
  @Field(() => [TodoItem], { nullable: true, description: '隐患排查治理服务的待办' })
  hazardItems?: TodoItem[] | null;

  @Directive('@external')
  @Field(() => [TodoItem], { nullable: true, description: '安全教育与演练服务的待办' })
  educationItems?: TodoItem[] | null;

  @Directive('@external')
  @Field(() => [TodoItem], { nullable: true, description: '督导考核服务的待办' })
  appraisalItems?: TodoItem[] | null;
}
