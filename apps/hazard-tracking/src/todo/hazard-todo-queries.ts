import type { Viewer } from '@campus/auth';
import { TODO_SECTION_CAP } from '@campus/graphql';
import { EntityManager } from 'typeorm';
import { CAMPAIGN_TRANSITIONS } from '../campaigns/campaign.access';
import { CampaignStatus } from '../campaigns/campaign-enums';
import { HazardAction, HazardStatus } from '../hazards/hazard-enums';
import { HAZARD_ACCESS, HAZARD_TRANSITIONS } from '../hazards/hazard.access';
import { SPECIAL_EQUIPMENT_ACCESS } from '../special-equipment/special-equipment.access';
import { SpecialEquipmentStatus } from '../special-equipment/special-equipment-enums';

/** The steps of the loop a to-do list offers, each decided by the transition table's roles and scope. */
export const HAZARD_TODO_ACTIONS = [HazardAction.ASSESS, HazardAction.REPORT, HazardAction.START_RECTIFICATION, HazardAction.ACCEPT] as const;
export type HazardTodoAction = (typeof HAZARD_TODO_ACTIONS)[number];

export interface HazardTodoRow {
  id: string;
  title: string;
  status: HazardStatus;
  orgUnitId: string;
  orgPath: string;
  category: string;
  deadline: string | null;
  discoveredAt: Date;
  responsiblePersonId: string | null;
  rectifiedByPersonId: string | null;
}

/** Runs SQL with TypeORM named parameters (`:name`, `:...list`), as the access kit's WHERE fragments are written. */
function queryNamed<T>(manager: EntityManager, sql: string, params: Record<string, unknown>): Promise<T[]> {
  const [query, positional] = manager.connection.driver.escapeQueryWithParameters(sql, params, {});
  return manager.query(query, positional);
}

/**
 * Open hazards the person may move on: for each step of HAZARD_TODO_ACTIONS, hazards in one of its `from`
 * states where the viewer holds one of its roles (the access kit's WHERE, sensitive kinds included); plus the
 * ones in rectification they answer for. One statement, capped.
 */
export async function hazardTodoRows(manager: EntityManager, viewer: Viewer): Promise<HazardTodoRow[]> {
  const asker = { viewer };
  const branches: string[] = [];
  const params: Record<string, unknown> = { rectifying: HazardStatus.RECTIFYING, personId: viewer.personId };
  for (const action of HAZARD_TODO_ACTIONS) {
    const scope = HAZARD_ACCESS.where(asker, action, 'h.org_path', `scope${action}`);
    branches.push(`(h.status IN (:...states${action}) AND ${scope.sql})`);
    Object.assign(params, scope.params, { [`states${action}`]: HAZARD_TRANSITIONS[action].from });
  }
  branches.push('(h.status = :rectifying AND (h.responsible_person_id = :personId OR h.rectified_by_person_id = :personId))');
  return queryNamed<HazardTodoRow>(manager, 
    `SELECT h.id, h.title, h.status, h.org_unit_id AS orgUnitId, h.org_path AS orgPath, h.category,
            DATE_FORMAT(h.deadline, '%Y-%m-%d') AS deadline, h.discovered_at AS discoveredAt,
            h.responsible_person_id AS responsiblePersonId, h.rectified_by_person_id AS rectifiedByPersonId
       FROM hazard h
      WHERE ${branches.join(' OR ')}
      ORDER BY h.deadline IS NULL, h.deadline, h.discovered_at
      LIMIT ${TODO_SECTION_CAP}`,
    params,
  );
}

export interface InspectionTaskTodoRow {
  id: string;
  name: string;
  placeText: string;
  orgUnitId: string;
  cadence: string;
  startsOn: string;
  endsOn: string | null;
  lastPeriodEnd: string | null;
}

/** The person's active inspection tasks with the end of the last period they inspected. One statement. */
export async function inspectionTaskTodoRows(manager: EntityManager, personId: string): Promise<InspectionTaskTodoRow[]> {
  return manager.query(
    `SELECT t.id, t.name, t.place_text AS placeText, t.org_unit_id AS orgUnitId, t.cadence,
            DATE_FORMAT(t.starts_on, '%Y-%m-%d') AS startsOn, DATE_FORMAT(t.ends_on, '%Y-%m-%d') AS endsOn,
            (SELECT DATE_FORMAT(MAX(i.period_end), '%Y-%m-%d') FROM inspection i WHERE i.task_id = t.id) AS lastPeriodEnd
       FROM inspection_task t
      WHERE t.assignee_person_id = ? AND t.active = 1
      ORDER BY t.id
      LIMIT ${TODO_SECTION_CAP}`,
    [personId],
  );
}

export interface CampaignReportTodoRow {
  campaignId: string;
  title: string;
  orgUnitId: string;
  reportDate: string;
}

/**
 * Report dates (overdue, or up to `until`) of active campaigns on which a unit the person reports for (a
 * grant at that very unit with a role of Campaign.REPORT) has not reported yet. One statement.
 */
export async function campaignReportTodoRows(manager: EntityManager, viewer: Viewer, until: string): Promise<CampaignReportTodoRow[]> {
  const reportRoles = CAMPAIGN_TRANSITIONS.REPORT.roles;
  const unitIds = [...new Set(viewer.grants.filter((grant) => reportRoles.includes(grant.role)).map((grant) => grant.unitId))];
  if (!unitIds.length) return [];
  return manager.query(
    `SELECT c.id AS campaignId, c.title, ru.org_unit_id AS orgUnitId, DATE_FORMAT(d.report_date, '%Y-%m-%d') AS reportDate
       FROM campaign c
       JOIN campaign_reporting_unit ru ON ru.campaign_id = c.id
       JOIN campaign_report_date d ON d.campaign_id = c.id
       LEFT JOIN campaign_report r ON r.campaign_id = c.id AND r.report_date = d.report_date AND r.org_unit_id = ru.org_unit_id
      WHERE c.status = ? AND ru.org_unit_id IN (${unitIds.map(() => '?').join(', ')}) AND d.report_date <= ? AND r.id IS NULL
      ORDER BY d.report_date
      LIMIT ${TODO_SECTION_CAP}`,
    [CampaignStatus.ACTIVE, ...unitIds, until],
  );
}

export interface EquipmentTodoRow {
  id: string;
  name: string;
  orgUnitId: string;
  nextInspectionDue: string;
}

/**
 * Special equipment whose periodic inspection (定期检验) is due by `until` or overdue: what the person is
 * responsible for, or may record an inspection of. One statement.
 */
export async function equipmentTodoRows(manager: EntityManager, viewer: Viewer, until: string): Promise<EquipmentTodoRow[]> {
  const scope = SPECIAL_EQUIPMENT_ACCESS.where({ viewer }, 'recordInspection', 'e.org_path');
  return queryNamed<EquipmentTodoRow>(manager, 
    `SELECT e.id, e.name, e.org_unit_id AS orgUnitId, DATE_FORMAT(e.next_inspection_due, '%Y-%m-%d') AS nextInspectionDue
       FROM special_equipment e
      WHERE e.status <> :retired AND e.next_inspection_due <= :until AND (e.responsible_person_id = :personId OR ${scope.sql})
      ORDER BY e.next_inspection_due
      LIMIT ${TODO_SECTION_CAP}`,
    { ...scope.params, retired: SpecialEquipmentStatus.RETIRED, until, personId: viewer.personId },
  );
}
