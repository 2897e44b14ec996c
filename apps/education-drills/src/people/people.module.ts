import { EventHandler, on, PersonCreated, PersonDeactivated, PersonUpdated } from '@campus/events';
import { FeatureModule } from '@campus/server';
import { PeopleProjection1764500000001 } from '../migrations/1764500000001-people-projection';
import { recountCoverage } from '../activities/coverage-rollup';
import { PersonProjectionRow } from './person-projection.entity';

/** Keeps person_projection current from responsibility-network's person events, and the coverage rollup with it. */
export function peopleProjectionHandlers(): EventHandler<unknown>[] {
  return [
    ...[PersonCreated, PersonUpdated].map((contract) =>
      on(contract, (manager, { payload }) =>
        recountCoverage(manager, [payload.id], () =>
          manager.query(
            `INSERT INTO person_projection (id, name, kind, org_unit_id, org_path, active) VALUES (?, ?, ?, ?, ?, ?)
             ON DUPLICATE KEY UPDATE name = VALUES(name), kind = VALUES(kind), org_unit_id = VALUES(org_unit_id),
               org_path = VALUES(org_path), active = VALUES(active)`,
            [payload.id, payload.name, payload.kind, payload.orgUnitId, payload.orgPath, payload.active],
          ),
        ),
      ),
    ),
    on(PersonDeactivated, (manager, { payload }) =>
      recountCoverage(manager, [payload.id], () => manager.query('UPDATE person_projection SET active = FALSE WHERE id = ?', [payload.id])),
    ),
  ];
}

/** The people of every unit (whom coverage, screening and notices are about), from responsibility-network's events. */
export const PEOPLE_MODULE: FeatureModule = {
  name: 'people',
  entities: [PersonProjectionRow],
  migrations: [PeopleProjection1764500000001],
  scopedTables: ['person_projection'],
  eventHandlers: () => peopleProjectionHandlers(),
};
