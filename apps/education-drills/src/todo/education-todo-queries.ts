import { Role, Viewer } from '@campus/auth';
import { TODO_SECTION_CAP } from '@campus/graphql';
import { EntityManager } from 'typeorm';
import { DRILL_ACCESS, DRILL_TRANSITIONS } from '../drills/drill.access';
import { EMERGENCY_PLAN_ACCESS } from '../emergency-plans/emergency-plan.access';
import { EmergencyPlanStatus } from '../emergency-plans/emergency-plan-enums';
import { KEY_STUDENT_ACCESS } from '../key-students/key-student.access';
import { KeyStudentStatus } from '../key-students/key-student-enums';
import { NOTICE_RECIPIENT_ACCESS } from '../notices/notice.access';
import { HomeSchoolNoticeStatus } from '../notices/notice-enums';

/** Runs SQL with TypeORM named parameters (`:name`, `:...list`), as the access kit's WHERE fragments are written. */
function queryNamed<T>(manager: EntityManager, sql: string, params: Record<string, unknown>): Promise<T[]> {
  const [query, positional] = manager.connection.driver.escapeQueryWithParameters(sql, params, {});
  return manager.query(query, positional);
}

export interface DrillTodoRow {
  id: string;
  title: string;
  orgUnitId: string;
  plannedDate: string;
}

/** Drills held and awaiting their evaluation where the viewer may evaluate (the transition table's roles). One statement. */
export function drillsToEvaluate(manager: EntityManager, viewer: Viewer): Promise<DrillTodoRow[]> {
  const scope = DRILL_ACCESS.where({ viewer }, 'EVALUATE', 'd.org_path');
  return queryNamed(
    manager,
    `SELECT d.id, d.title, d.org_unit_id AS orgUnitId, DATE_FORMAT(d.planned_date, '%Y-%m-%d') AS plannedDate
       FROM drill d WHERE d.status IN (:...states) AND ${scope.sql}
      ORDER BY d.planned_date LIMIT ${TODO_SECTION_CAP}`,
    { ...scope.params, states: DRILL_TRANSITIONS.EVALUATE.from },
  );
}

export interface PlanTodoRow {
  id: string;
  title: string;
  orgUnitId: string;
  nextReviewDue: string;
}

/** Approved plans whose review is due by `until` (or overdue) where the viewer may edit them. One statement. */
export function plansToReview(manager: EntityManager, viewer: Viewer, until: string): Promise<PlanTodoRow[]> {
  const scope = EMERGENCY_PLAN_ACCESS.where({ viewer }, 'EDIT', 'p.org_path');
  return queryNamed(
    manager,
    `SELECT p.id, p.title, p.org_unit_id AS orgUnitId, DATE_FORMAT(p.next_review_due, '%Y-%m-%d') AS nextReviewDue
       FROM emergency_plan p WHERE p.status = :approved AND p.next_review_due <= :until AND ${scope.sql}
      ORDER BY p.next_review_due LIMIT ${TODO_SECTION_CAP}`,
    { ...scope.params, approved: EmergencyPlanStatus.APPROVED, until },
  );
}

export interface NoticeTodoRow {
  id: string;
  title: string;
  orgUnitId: string;
  deadline: string;
  recipients: number | string;
  acknowledged: number | string;
}

/**
 * Sent notices whose acknowledgement among the students the viewer follows up (recordSlip scope: class
 * teachers their class, managers their units) is below `belowRate`. One statement.
 */
export function noticesToFollowUp(manager: EntityManager, viewer: Viewer, belowRate: number): Promise<NoticeTodoRow[]> {
  const scope = NOTICE_RECIPIENT_ACCESS.where({ viewer }, 'recordSlip', 'r.org_path');
  return queryNamed(
    manager,
    `SELECT n.id, n.title, n.org_unit_id AS orgUnitId, DATE_FORMAT(n.deadline, '%Y-%m-%d') AS deadline,
            COUNT(*) AS recipients, SUM(r.acknowledged_at IS NOT NULL) AS acknowledged
       FROM home_school_notice n JOIN home_school_notice_recipient r ON r.notice_id = n.id
      WHERE n.status = :sent AND ${scope.sql}
      GROUP BY n.id, n.title, n.org_unit_id, n.deadline
     HAVING SUM(r.acknowledged_at IS NOT NULL) < COUNT(*) * :belowRate
      ORDER BY n.deadline LIMIT ${TODO_SECTION_CAP}`,
    { ...scope.params, sent: HomeSchoolNoticeStatus.SENT, belowRate },
  );
}

export interface KeyStudentTodoRow {
  id: string;
  reasonCategory: string;
  orgUnitId: string;
  nextFollowUpDate: string;
}

/**
 * Key students whose next follow-up is due: the viewer's own as responsible teacher (by `until`), and, for
 * the handlers in scope (the FOLLOW_UP step's roles, restricted kinds included), those already overdue. One statement.
 */
export function keyStudentFollowUps(manager: EntityManager, viewer: Viewer, today: string, until: string): Promise<KeyStudentTodoRow[]> {
  const scope = KEY_STUDENT_ACCESS.where({ viewer }, 'FOLLOW_UP', 'k.org_path');
  return queryNamed(
    manager,
    `SELECT k.id, k.reason_category AS reasonCategory, k.org_unit_id AS orgUnitId, DATE_FORMAT(k.next_follow_up_date, '%Y-%m-%d') AS nextFollowUpDate
       FROM key_student k
      WHERE k.status = :active
        AND ((k.responsible_teacher_id = :personId AND k.next_follow_up_date <= :until) OR (k.next_follow_up_date < :today AND ${scope.sql}))
      ORDER BY k.next_follow_up_date LIMIT ${TODO_SECTION_CAP}`,
    { ...scope.params, active: KeyStudentStatus.ACTIVE, personId: viewer.personId, until, today },
  );
}

export interface ClassCheckRow {
  id: string;
  path: string;
  name: string;
  settings: string | null;
  entered: string | null;
}

/**
 * The classes the viewer is class teacher of (STAFF granted at a class), each with the health-check
 * schedule settings on its path ("path|sessions;…") and the sessions entered on `day`. One statement.
 */
export function classHealthChecks(manager: EntityManager, viewer: Viewer, day: string): Promise<ClassCheckRow[]> {
  const classIds = viewer.grants.filter((grant) => grant.role === Role.STAFF).map((grant) => grant.unitId);
  if (!classIds.length) return Promise.resolve([]);
  return queryNamed(
    manager,
    `SELECT u.id, u.path, u.name,
            (SELECT GROUP_CONCAT(CONCAT(s.org_path, '|', s.org_unit_id, '|', s.sessions) SEPARATOR ';')
               FROM health_check_schedule s WHERE LEFT(u.path, CHAR_LENGTH(s.org_path)) = s.org_path) AS settings,
            (SELECT GROUP_CONCAT(h.session) FROM health_check h WHERE h.org_unit_id = u.id AND h.check_date = :day) AS entered
       FROM org_unit_projection u
      WHERE u.id IN (:...classIds) AND u.kind = 'CLASS'
      ORDER BY u.path LIMIT ${TODO_SECTION_CAP}`,
    { classIds, day },
  );
}
