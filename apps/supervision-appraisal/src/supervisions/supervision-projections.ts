import { EventHandler, HAZARD_STATUS_ORDER_SQL, HazardOverdue, HazardRegistered, HazardStatusChanged, on, WorkGroupChanged } from '@campus/events';
import { EntityManager } from 'typeorm';

/** hazard-tracking's source type for hazards registered from supervision.finding-raised (intake/raised-hazards.ts). */
export const FINDING_SOURCE_REF = 'SUPERVISION_FINDING';

/**
 * A status may replace the kept one when it is newer by the hazard's version (or either has none: events
 * from before versions), or of the same version and further along the loop (the steps of one transaction).
 */
const NEWER = `(VALUES(hazard_version) IS NULL OR hazard_version IS NULL OR VALUES(hazard_version) > hazard_version
  OR (VALUES(hazard_version) = hazard_version AND FIELD(VALUES(status), ${HAZARD_STATUS_ORDER_SQL}) > FIELD(status, ${HAZARD_STATUS_ORDER_SQL})))`;

/**
 * Is the hazard one of ours, or could it be? Kept when a row exists for it already, or while the unit has a
 * raised finding whose hazard is not yet registered here (its status may arrive before its registration).
 * Hazards of units with no pending finding are none of this service's business and leave nothing behind.
 */
async function mayConcernFinding(manager: EntityManager, hazardId: string, unitId: string): Promise<boolean> {
  const [row] = await manager.query(
    `SELECT 1 AS found FROM supervision_hazard WHERE hazard_id = ?
     UNION ALL
     SELECT 1 FROM supervision_finding f WHERE f.org_unit_id = ? AND f.raised_at IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM supervision_hazard h WHERE h.finding_id = f.id)
     LIMIT 1`,
    [hazardId, unitId],
  );
  return !!row;
}

async function keepStatus(manager: EntityManager, hazardId: string, unitId: string, status: string, version: number | null): Promise<void> {
  if (!(await mayConcernFinding(manager, hazardId, unitId))) return;
  await manager.query(
    `INSERT INTO supervision_hazard (hazard_id, org_unit_id, status, hazard_version) VALUES (?, ?, ?, ?)
     ON DUPLICATE KEY UPDATE status = IF(${NEWER}, VALUES(status), status),
       hazard_version = IF(${NEWER}, VALUES(hazard_version), hazard_version)`,
    [hazardId, unitId, status, version],
  );
}

/**
 * Each raised finding's hazard (id, code, status, overdue) from hazard-tracking's events, keyed by hazard:
 * the registration links it to its finding by the source reference; a status change or an overdue notice
 * that arrives before the registration is kept and the registration does not undo it; a status older (by
 * the hazard's version) than the one kept changes nothing. Each event is applied once (the consumer's inbox).
 */
export function supervisionHazardHandlers(): EventHandler<unknown>[] {
  return [
    on(HazardRegistered, async (manager, { payload }) => {
      if (payload.sourceRefType !== FINDING_SOURCE_REF || !payload.sourceRefId) return;
      await manager.query(
        `INSERT INTO supervision_hazard (hazard_id, finding_id, org_unit_id, hazard_code, status, hazard_version) VALUES (?, ?, ?, ?, ?, ?)
         ON DUPLICATE KEY UPDATE finding_id = VALUES(finding_id), hazard_code = VALUES(hazard_code),
           status = IF(${NEWER}, VALUES(status), status), hazard_version = IF(${NEWER}, VALUES(hazard_version), hazard_version)`,
        [payload.id, payload.sourceRefId, payload.orgUnitId, payload.code, payload.status, payload.version ?? null],
      );
    }),
    on(HazardStatusChanged, (manager, { payload }) => keepStatus(manager, payload.id, payload.orgUnitId, payload.to, payload.version ?? null)),
    on(HazardOverdue, async (manager, { payload }) => {
      if (!(await mayConcernFinding(manager, payload.id, payload.orgUnitId))) return;
      await manager.query(
        `INSERT INTO supervision_hazard (hazard_id, org_unit_id, hazard_code, overdue) VALUES (?, ?, ?, TRUE)
         ON DUPLICATE KEY UPDATE overdue = TRUE, hazard_code = COALESCE(hazard_code, VALUES(hazard_code))`,
        [payload.id, payload.orgUnitId, payload.code],
      );
    }),
  ];
}

/** The work groups (the 督导组 an inspection names) as responsibility-network last described them; an older version changes nothing. */
export function supervisionGroupHandlers(): EventHandler<unknown>[] {
  return [
    on(WorkGroupChanged, async (manager, { payload }) => {
      await manager.query(
        `INSERT INTO supervision_work_group (id, kind, name, active, group_version, org_unit_id, org_path) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON DUPLICATE KEY UPDATE kind = IF(VALUES(group_version) > group_version, VALUES(kind), kind),
           name = IF(VALUES(group_version) > group_version, VALUES(name), name),
           active = IF(VALUES(group_version) > group_version, VALUES(active), active),
           org_unit_id = IF(VALUES(group_version) > group_version, VALUES(org_unit_id), org_unit_id),
           org_path = IF(VALUES(group_version) > group_version, VALUES(org_path), org_path),
           group_version = GREATEST(group_version, VALUES(group_version))`,
        [payload.id, payload.kind, payload.name, payload.active, payload.version, payload.orgUnitId, payload.orgPath],
      );
    }),
  ];
}
