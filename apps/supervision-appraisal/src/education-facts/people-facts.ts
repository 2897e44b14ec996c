import { EventHandler, on, PersonCreated, PersonDeactivated, PersonUpdated } from '@campus/events';
import { EntityManager } from 'typeorm';

/** The person's attendance rows follow them to their current path (coverage probes attendance by path). */
async function moveAttendance(manager: EntityManager, personId: string): Promise<void> {
  await manager.query(
    `UPDATE education_attendance_fact a JOIN education_person_fact p ON p.id = a.person_id
     SET a.org_path = p.org_path WHERE a.person_id = ? AND a.org_path <> p.org_path`,
    [personId],
  );
}

/**
 * People (the coverage population) from responsibility-network's person events: id, unit, path, kind,
 * active; no names. Events of one person share a key, so they arrive in order except a replay: a creation
 * arriving after an update or a deactivation only fills in what is missing (the kind), and a deactivation
 * of a person not seen yet is kept as an inactive person that the late creation does not reactivate.
 */
export function peopleFactHandlers(): EventHandler<unknown>[] {
  return [
    on(PersonCreated, async (manager, { payload }) => {
      await manager.query(
        `INSERT INTO education_person_fact (id, org_unit_id, org_path, kind, active) VALUES (?, ?, ?, ?, ?)
         ON DUPLICATE KEY UPDATE kind = COALESCE(kind, VALUES(kind))`,
        [payload.id, payload.orgUnitId, payload.orgPath, payload.kind, payload.active],
      );
      await moveAttendance(manager, payload.id);
    }),
    on(PersonUpdated, async (manager, { payload }) => {
      await manager.query(
        `INSERT INTO education_person_fact (id, org_unit_id, org_path, kind, active) VALUES (?, ?, ?, ?, ?)
         ON DUPLICATE KEY UPDATE org_unit_id = VALUES(org_unit_id), org_path = VALUES(org_path), kind = VALUES(kind), active = VALUES(active)`,
        [payload.id, payload.orgUnitId, payload.orgPath, payload.kind, payload.active],
      );
      await moveAttendance(manager, payload.id);
    }),
    on(PersonDeactivated, async (manager, { payload }) => {
      await manager.query(
        `INSERT INTO education_person_fact (id, org_unit_id, org_path, kind, active) VALUES (?, ?, ?, NULL, FALSE)
         ON DUPLICATE KEY UPDATE org_unit_id = VALUES(org_unit_id), org_path = VALUES(org_path), active = FALSE`,
        [payload.id, payload.orgUnitId, payload.orgPath],
      );
      await moveAttendance(manager, payload.id);
    }),
  ];
}
