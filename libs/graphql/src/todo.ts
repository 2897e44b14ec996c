import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CalendarDate } from './calendar-date';
import { describedBy } from './enum-labels';

/**
 * 我的待办 (`me { todo }`): the value types every subgraph shares. Each subgraph contributes its section of
 * TodoList (hazardItems, educationItems, appraisalItems, responsibilityItems); responsibility-network merges
 * them (`TodoList.items`, `counts`, `total`) through federation's @requires.
 */
export enum TodoKind {
  HAZARD_ASSESS = 'HAZARD_ASSESS',
  HAZARD_REPORT = 'HAZARD_REPORT',
  HAZARD_START = 'HAZARD_START',
  HAZARD_RECTIFY = 'HAZARD_RECTIFY',
  HAZARD_ACCEPT = 'HAZARD_ACCEPT',
  INSPECTION_DUE = 'INSPECTION_DUE',
  INSPECTION_MISSED = 'INSPECTION_MISSED',
  CAMPAIGN_REPORT = 'CAMPAIGN_REPORT',
  SPECIAL_EQUIPMENT_INSPECTION = 'SPECIAL_EQUIPMENT_INSPECTION',
  DRILL_EVALUATE = 'DRILL_EVALUATE',
  PLAN_REVIEW = 'PLAN_REVIEW',
  NOTICE_FOLLOW_UP = 'NOTICE_FOLLOW_UP',
  KEY_STUDENT_FOLLOW_UP = 'KEY_STUDENT_FOLLOW_UP',
  HEALTH_CHECK_MISSING = 'HEALTH_CHECK_MISSING',
  APPRAISAL_SCORE = 'APPRAISAL_SCORE',
  ACCOUNTABILITY_CONFIRM = 'ACCOUNTABILITY_CONFIRM',
  PERIODIC_REPORT = 'PERIODIC_REPORT',
  SUPERVISION = 'SUPERVISION',
  LETTER_SIGN = 'LETTER_SIGN',
  DUTY_SHIFT = 'DUTY_SHIFT',
  LAB_ACCESS_EXPIRING = 'LAB_ACCESS_EXPIRING',
}

export const TODO_KIND_LABELS: Record<TodoKind, string> = {
  HAZARD_ASSESS: '隐患待登记评估',
  HAZARD_REPORT: '隐患待报告',
  HAZARD_START: '隐患待制定方案并开始治理',
  HAZARD_RECTIFY: '隐患待整改',
  HAZARD_ACCEPT: '隐患待验收',
  INSPECTION_DUE: '今日待检查',
  INSPECTION_MISSED: '漏检待补',
  CAMPAIGN_REPORT: '专项行动报表待报送',
  SPECIAL_EQUIPMENT_INSPECTION: '特种设备待检验',
  DRILL_EVALUATE: '演练待评估',
  PLAN_REVIEW: '应急预案待评审',
  NOTICE_FOLLOW_UP: '家校告知待跟进（回执不足）',
  KEY_STUDENT_FOLLOW_UP: '重点学生待跟进',
  HEALTH_CHECK_MISSING: '今日晨午检未填报',
  APPRAISAL_SCORE: '考核待评分',
  ACCOUNTABILITY_CONFIRM: '问责建议待确认',
  PERIODIC_REPORT: '定期报告待报送',
  SUPERVISION: '督导检查进行中（记录问题、提交报告）',
  LETTER_SIGN: '责任书待签署',
  DUTY_SHIFT: '值班',
  LAB_ACCESS_EXPIRING: '实验室准入即将到期',
};

export enum TodoUrgency {
  OVERDUE = 'OVERDUE',
  DUE_TODAY = 'DUE_TODAY',
  DUE_SOON = 'DUE_SOON',
  LATER = 'LATER',
}

export const TODO_URGENCY_LABELS: Record<TodoUrgency, string> = {
  OVERDUE: '已逾期',
  DUE_TODAY: '今日到期',
  DUE_SOON: '三日内到期',
  LATER: '以后或无期限',
};

registerEnumType(TodoKind, { name: 'TodoKind', description: '待办事项类别', valuesConfig: describedBy(TODO_KIND_LABELS) });
registerEnumType(TodoUrgency, { name: 'TodoUrgency', description: '待办紧急程度（按学校所在时区的日历日计算）', valuesConfig: describedBy(TODO_URGENCY_LABELS) });

/** Each subgraph's section is capped at this many items (most urgent first); the rest waits for the next look. */
export const TODO_SECTION_CAP = 200;
/** "Soon" is within this many days after today. */
export const TODO_SOON_DAYS = 3;

/** One thing a person should do, as every subgraph shapes it (identical in all four: @shareable). */
@Directive('@shareable')
@ObjectType({ description: '待办事项' })
export class TodoItem {
  @Field(() => TodoKind)
  kind: TodoKind;

  @Field({ description: '标题（中文），如"隐患待验收：实验楼灭火器过期"' })
  title: string;

  @Field(() => String, { nullable: true, description: '补充说明（单位、班次等）' })
  detail: string | null;

  @Field({ description: '打开该事项的对象类型（GraphQL 类型名，如 Hazard、InspectionTask）' })
  objectType: string;

  @Field(() => ID, { description: '打开该事项的对象编号' })
  objectId: string;

  @Field(() => ID, { nullable: true, description: '事项所属单位' })
  orgUnitId: string | null;

  @Field(() => CalendarDate, { nullable: true, description: '期限（日历日，学校所在时区）；无期限为空' })
  deadline: string | null;

  @Field(() => TodoUrgency)
  urgency: TodoUrgency;
}

/** The selection of every TodoItem field: what responsibility-network @requires of each section. */
export const TODO_ITEM_SELECTION = '{ kind title detail objectType objectId orgUnitId deadline urgency }';

@Directive('@shareable')
@ObjectType({ description: '某类待办的数量（角标）' })
export class TodoCount {
  @Field(() => TodoKind)
  kind: TodoKind;

  @Field(() => Int)
  count: number;
}

/**
 * The to-do list as a contributing subgraph sees it: the viewer's person id as its key. A subgraph answers
 * its section for the token's viewer only, and nothing when the key is someone else's.
 */
@Directive('@key(fields: "personId")')
@ObjectType('TodoList')
export class TodoListReference {
  @Field(() => ID, { description: '待办所属人员' })
  personId: string;
}

/** Days after `from` (both YYYY-MM-DD), negative when `day` is before. */
function daysBetween(from: string, day: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / (24 * 3600 * 1000));
}

/** How urgent a deadline is on `today` (both calendar days in the school's time zone). */
export function todoUrgencyOf(deadline: string | null, today: string): TodoUrgency {
  if (!deadline) return TodoUrgency.LATER;
  const days = daysBetween(today, deadline.slice(0, 10));
  if (days < 0) return TodoUrgency.OVERDUE;
  if (days === 0) return TodoUrgency.DUE_TODAY;
  if (days <= TODO_SOON_DAYS) return TodoUrgency.DUE_SOON;
  return TodoUrgency.LATER;
}

/** What a section builds: the item without its urgency, which todoItem computes. */
export type TodoItemFacts = Omit<TodoItem, 'urgency' | 'detail' | 'orgUnitId'> & { detail?: string | null; orgUnitId?: string | null };

export function todoItem(facts: TodoItemFacts, today: string): TodoItem {
  const deadline = facts.deadline ? facts.deadline.slice(0, 10) : null;
  return {
    kind: facts.kind,
    title: facts.title,
    detail: facts.detail ?? null,
    objectType: facts.objectType,
    objectId: facts.objectId,
    orgUnitId: facts.orgUnitId ?? null,
    deadline,
    urgency: todoUrgencyOf(deadline, today),
  };
}

const URGENCY_ORDER: readonly TodoUrgency[] = [TodoUrgency.OVERDUE, TodoUrgency.DUE_TODAY, TodoUrgency.DUE_SOON, TodoUrgency.LATER];
const KIND_ORDER: readonly TodoKind[] = Object.values(TodoKind);

/** Overdue first, then by deadline (none last), then kind (the enum's order), then object id. */
export function compareTodoItems(a: TodoItem, b: TodoItem): number {
  return (
    URGENCY_ORDER.indexOf(a.urgency) - URGENCY_ORDER.indexOf(b.urgency) ||
    (a.deadline ?? '9999-12-31').localeCompare(b.deadline ?? '9999-12-31') ||
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    a.objectId.localeCompare(b.objectId)
  );
}

/** A section sorted and capped at TODO_SECTION_CAP. */
export function todoSection(items: readonly TodoItem[]): TodoItem[] {
  return [...items].sort(compareTodoItems).slice(0, TODO_SECTION_CAP);
}

/** The sections merged into one sorted list (missing sections, e.g. a subgraph that failed, count as empty). */
export function mergeTodoSections(sections: readonly (readonly TodoItem[] | null | undefined)[]): TodoItem[] {
  return sections.flatMap((section) => section ?? []).sort(compareTodoItems);
}

/** Items per kind, in the kinds' order, only the kinds present. */
export function countTodoKinds(items: readonly TodoItem[]): TodoCount[] {
  const counts = new Map<TodoKind, number>();
  for (const item of items) counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1);
  return KIND_ORDER.filter((kind) => counts.has(kind)).map((kind) => ({ kind, count: counts.get(kind) ?? 0 }));
}

/**
 * Whether a subgraph answers a TodoList key for this viewer: only their own person's list. Anyone else's
 * key (a crafted `_entities` call) gets an empty section.
 */
export function isOwnTodoList(reference: { personId: string }, viewer: { personId: string | null } | null): boolean {
  return !!viewer?.personId && reference.personId === viewer.personId;
}
