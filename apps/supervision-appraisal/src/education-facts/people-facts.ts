import { EventHandler, on, PersonCreated, PersonDeactivated, PersonUpdated } from '@campus/events';

/**
 * People (the coverage population) from responsibility-network's person events: id, unit, path, kind,
 * active; no names. Events of one person share a key, so they arrive in order except a replay: a creation
 * arriving after an update or a deactivation only fills in what is missing (the kind), and a deactivation
 * of a person not seen yet is kept as an inactive person that the late creation does not reactivate.
 */
export function peopleFactHandlers(): EventHandler<unknown>[] {
  return [
    on(PersonCreated, (manager, { payload }) =>
      manager.query(
        `INSERT INTO education_person_fact (id, org_unit_id, org_path, kind, active) VALUES (?, ?, ?, ?, ?)
         ON DUPLICATE KEY UPDATE kind = COALESCE(kind, VALUES(kind))`,
        [payload.id, payload.orgUnitId, payload.orgPath, payload.kind, payload.active],
      ),
    ),
    on(PersonUpdated, (manager, { payload }) =>
      manager.query(
        `INSERT INTO education_person_fact (id, org_unit_id, org_path, kind, active) VALUES (?, ?, ?, ?, ?)
         ON DUPLICATE KEY UPDATE org_unit_id = VALUES(org_unit_id), org_path = VALUES(org_path), kind = VALUES(kind), active = VALUES(active)`,
        [payload.id, payload.orgUnitId, payload.orgPath, payload.kind, payload.active],
      ),
    ),
    on(PersonDeactivated, (manager, { payload }) =>
      manager.query(
        `INSERT INTO education_person_fact (id, org_unit_id, org_path, kind, active) VALUES (?, ?, ?, NULL, FALSE)
         ON DUPLICATE KEY UPDATE org_unit_id = VALUES(org_unit_id), org_path = VALUES(org_path), active = FALSE`,
        [payload.id, payload.orgUnitId, payload.orgPath],
      ),
    ),
  ];
}
