import { EventHandler, GridAssignmentChanged, on, PersonCreated, PersonDeactivated, PersonUpdated, PlaceChanged } from '@campus/events';

/** Keeps place_projection, grid_projection and person_projection current from responsibility-network's events. */
export function directoryProjectionHandlers(): EventHandler<unknown>[] {
  return [
    on(PlaceChanged, (manager, { payload }) =>
      manager.query(
        `INSERT INTO place_projection (id, name, org_unit_id, org_path, active) VALUES (?, ?, ?, ?, ?)
         ON DUPLICATE KEY UPDATE name = VALUES(name), org_unit_id = VALUES(org_unit_id), org_path = VALUES(org_path), active = VALUES(active)`,
        [payload.id, payload.name, payload.orgUnitId, payload.orgPath, payload.active],
      ),
    ),
    on(GridAssignmentChanged, (manager, { payload }) =>
      manager.query(
        `INSERT INTO grid_projection (id, name, org_unit_id, org_path) VALUES (?, ?, ?, ?)
         ON DUPLICATE KEY UPDATE name = VALUES(name), org_unit_id = VALUES(org_unit_id), org_path = VALUES(org_path)`,
        [payload.gridId, payload.gridName, payload.orgUnitId, payload.orgPath],
      ),
    ),
    ...[PersonCreated, PersonUpdated].map((contract) =>
      on(contract, (manager, { payload }) =>
        manager.query(
          `INSERT INTO person_projection (id, name, org_path, active) VALUES (?, ?, ?, ?)
           ON DUPLICATE KEY UPDATE name = VALUES(name), org_path = VALUES(org_path), active = VALUES(active)`,
          [payload.id, payload.name, payload.orgPath, payload.active],
        ),
      ),
    ),
    on(PersonDeactivated, (manager, { payload }) => manager.query('UPDATE person_projection SET active = FALSE WHERE id = ?', [payload.id])),
  ];
}
