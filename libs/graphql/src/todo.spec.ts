import { compareTodoItems, countTodoKinds, isOwnTodoList, mergeTodoSections, TODO_SECTION_CAP, TodoItem, todoItem, TodoKind, todoSection, TodoUrgency, todoUrgencyOf } from './todo';

const TODAY = '2026-12-07';

function item(kind: TodoKind, deadline: string | null, objectId = `${kind}-${deadline}`): TodoItem {
  return todoItem({ kind, title: kind, objectType: 'Hazard', objectId, deadline }, TODAY);
}

describe('to-do urgency', () => {
  it('is overdue before today, due today, due soon within three days, and later after that or without a deadline', () => {
    expect(todoUrgencyOf('2026-12-06', TODAY)).toBe(TodoUrgency.OVERDUE);
    expect(todoUrgencyOf('2025-01-01', TODAY)).toBe(TodoUrgency.OVERDUE);
    expect(todoUrgencyOf('2026-12-07', TODAY)).toBe(TodoUrgency.DUE_TODAY);
    expect(todoUrgencyOf('2026-12-08', TODAY)).toBe(TodoUrgency.DUE_SOON);
    expect(todoUrgencyOf('2026-12-10', TODAY)).toBe(TodoUrgency.DUE_SOON);
    expect(todoUrgencyOf('2026-12-11', TODAY)).toBe(TodoUrgency.LATER);
    expect(todoUrgencyOf(null, TODAY)).toBe(TodoUrgency.LATER);
  });

  it('counts across a month and a year end in calendar days', () => {
    expect(todoUrgencyOf('2027-01-01', '2026-12-31')).toBe(TodoUrgency.DUE_SOON);
    expect(todoUrgencyOf('2026-12-31', '2027-01-01')).toBe(TodoUrgency.OVERDUE);
  });

  it('keeps only the day of a deadline given with a time', () => {
    expect(todoItem({ kind: TodoKind.HAZARD_RECTIFY, title: 't', objectType: 'Hazard', objectId: 'h', deadline: '2026-12-07T00:00:00.000Z' }, TODAY)).toMatchObject({
      deadline: '2026-12-07',
      urgency: TodoUrgency.DUE_TODAY,
      detail: null,
      orgUnitId: null,
    });
  });
});

describe('merging the sections', () => {
  it('puts overdue first, then by deadline (none last), then by kind, then by id', () => {
    const later = item(TodoKind.LETTER_SIGN, null);
    const soon = item(TodoKind.DUTY_SHIFT, '2026-12-08');
    const today = item(TodoKind.INSPECTION_DUE, TODAY);
    const todayHazard = item(TodoKind.HAZARD_ACCEPT, TODAY);
    const overdueOld = item(TodoKind.PERIODIC_REPORT, '2026-11-01');
    const overdueNew = item(TodoKind.HAZARD_RECTIFY, '2026-12-01');
    const farAway = item(TodoKind.PLAN_REVIEW, '2027-01-05');
    const merged = mergeTodoSections([[later, soon], [today, overdueNew], null, undefined, [farAway, todayHazard, overdueOld]]);
    expect(merged).toEqual([overdueOld, overdueNew, todayHazard, today, soon, farAway, later]);
  });

  it('orders items of the same kind and deadline by object id, so the order is stable', () => {
    const b = item(TodoKind.HAZARD_ASSESS, null, 'b');
    const a = item(TodoKind.HAZARD_ASSESS, null, 'a');
    expect([b, a].sort(compareTodoItems)).toEqual([a, b]);
  });

  it('counts items per kind in the kinds’ order, only the kinds present', () => {
    const items = [item(TodoKind.LETTER_SIGN, null), item(TodoKind.HAZARD_ACCEPT, TODAY, 'x'), item(TodoKind.HAZARD_ACCEPT, TODAY, 'y')];
    expect(countTodoKinds(items)).toEqual([
      { kind: TodoKind.HAZARD_ACCEPT, count: 2 },
      { kind: TodoKind.LETTER_SIGN, count: 1 },
    ]);
    expect(countTodoKinds([])).toEqual([]);
  });

  it('caps a section at TODO_SECTION_CAP, keeping the most urgent', () => {
    const many = Array.from({ length: TODO_SECTION_CAP + 5 }, (_, index) => item(TodoKind.HAZARD_ASSESS, null, `h${String(index).padStart(4, '0')}`));
    const overdue = item(TodoKind.HAZARD_RECTIFY, '2026-01-01');
    const section = todoSection([...many, overdue]);
    expect(section).toHaveLength(TODO_SECTION_CAP);
    expect(section[0]).toBe(overdue);
  });
});

describe('whose list a subgraph answers', () => {
  it('answers only the viewer’s own person id', () => {
    expect(isOwnTodoList({ personId: 'p1' }, { personId: 'p1' })).toBe(true);
    expect(isOwnTodoList({ personId: 'p2' }, { personId: 'p1' })).toBe(false);
    expect(isOwnTodoList({ personId: 'p1' }, { personId: null })).toBe(false);
    expect(isOwnTodoList({ personId: 'p1' }, null)).toBe(false);
  });
});
