import type { Viewer } from '@campus/auth';
import { calendarDateOf, TodoItem, todoItem, TodoKind, todoSection } from '@campus/graphql';
import { EntityManager } from 'typeorm';
import { HEALTH_CHECK_SESSION_LABELS, HealthCheckSession } from '../health-checks/health-check-enums';
import { sessionsFrom } from '../health-checks/health-check-schedule';
import { isSchoolDay } from '../health-checks/health-check-timing';
import { ClassCheckRow, classHealthChecks, drillsToEvaluate, keyStudentFollowUps, noticesToFollowUp, plansToReview } from './education-todo-queries';

/** Plan reviews due within this many days are listed (and every overdue one). */
export const PLAN_REVIEW_LOOKAHEAD_DAYS = 30;
/** Key-student follow-ups due within this many days are listed (and every overdue one). */
export const FOLLOW_UP_LOOKAHEAD_DAYS = 3;
/** A sent notice acknowledged by fewer than this share of the students one follows up needs following up. */
export const NOTICE_FOLLOW_UP_BELOW_RATE = 0.9;

function daysAfter(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 24 * 3600 * 1000).toISOString().slice(0, 10);
}

/**
 * education-drills' section of the viewer's to-do list: drills to evaluate, emergency plan reviews due,
 * notices to follow up, key-student follow-ups due (the responsible teacher's own, and the overdue ones for the handlers; no student
 * name) and
 * today's missing health checks of their class. Five statements, run together; capped at TODO_SECTION_CAP.
 */
export async function educationTodoOf(manager: EntityManager, viewer: Viewer, now = new Date()): Promise<TodoItem[]> {
  const today = calendarDateOf(now);
  const [drills, plans, notices, keyStudents, classes] = await Promise.all([
    drillsToEvaluate(manager, viewer),
    plansToReview(manager, viewer, daysAfter(today, PLAN_REVIEW_LOOKAHEAD_DAYS)),
    noticesToFollowUp(manager, viewer, NOTICE_FOLLOW_UP_BELOW_RATE),
    keyStudentFollowUps(manager, viewer, today, daysAfter(today, FOLLOW_UP_LOOKAHEAD_DAYS)),
    isSchoolDay(today) ? classHealthChecks(manager, viewer, today) : Promise.resolve([]),
  ]);
  const items: TodoItem[] = [
    ...drills.map((drill) =>
      todoItem({ kind: TodoKind.DRILL_EVALUATE, title: `演练待评估：${drill.title}`, detail: `演练日期 ${drill.plannedDate}`, objectType: 'Drill', objectId: drill.id, orgUnitId: drill.orgUnitId, deadline: null }, today),
    ),
    ...plans.map((plan) =>
      todoItem({ kind: TodoKind.PLAN_REVIEW, title: `应急预案待评审修订：${plan.title}`, objectType: 'EmergencyPlan', objectId: plan.id, orgUnitId: plan.orgUnitId, deadline: plan.nextReviewDue }, today),
    ),
    ...notices.map((notice) =>
      todoItem(
        {
          kind: TodoKind.NOTICE_FOLLOW_UP,
          title: `家校告知回执待跟进：${notice.title}`,
          detail: `已回执 ${Number(notice.acknowledged)}/${Number(notice.recipients)}`,
          objectType: 'HomeSchoolNotice',
          objectId: notice.id,
          orgUnitId: notice.orgUnitId,
          deadline: notice.deadline,
        },
        today,
      ),
    ),
    ...keyStudents.map((student) =>
      todoItem({ kind: TodoKind.KEY_STUDENT_FOLLOW_UP, title: '重点关注学生待跟进', objectType: 'KeyStudent', objectId: student.id, orgUnitId: student.orgUnitId, deadline: student.nextFollowUpDate }, today),
    ),
    ...classes.flatMap((unit) => healthCheckItem(unit, today)),
  ];
  return todoSection(items);
}

/** The class's sessions due today (its nearest schedule setting) not entered yet, as one item. */
export function healthCheckItem(unit: ClassCheckRow, today: string): TodoItem[] {
  const settings = (unit.settings ?? '')
    .split(';')
    .filter(Boolean)
    .map((entry) => {
      const [orgPath, orgUnitId, sessions] = entry.split('|');
      return { orgPath, orgUnitId, sessions };
    });
  const entered = new Set((unit.entered ?? '').split(',').filter(Boolean));
  const missing = sessionsFrom(settings, unit.path).sessions.filter((session: HealthCheckSession) => !entered.has(session));
  if (!missing.length) return [];
  const labels = missing.map((session) => HEALTH_CHECK_SESSION_LABELS[session]).join('、');
  return [todoItem({ kind: TodoKind.HEALTH_CHECK_MISSING, title: `今日${labels}未填报：${unit.name}`, objectType: 'OrgUnit', objectId: unit.id, orgUnitId: unit.id, deadline: today }, today)];
}
