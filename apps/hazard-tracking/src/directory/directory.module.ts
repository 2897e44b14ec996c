import { FeatureModule } from '@campus/server';
import { DirectoryProjections1764400000002 } from '../migrations/1764400000002-directory-projections';
import { directoryProjectionHandlers } from './directory-handlers';
import { GRID_POLICY, ORG_UNIT_NAME_POLICY, PERSON_NAME_POLICY, PLACE_POLICY } from './directory.access';
import { GridProjectionRow, PersonProjectionRow, PlaceProjectionRow } from './directory.entity';
import { PROVIDED_NAME_FIELDS } from './provided-names';

/** Places, grids and people as responsibility-network's events describe them: what hazards link to, and the names hazards provide. */
export const DIRECTORY_MODULE: FeatureModule = {
  name: 'directory',
  entities: [PlaceProjectionRow, GridProjectionRow, PersonProjectionRow],
  migrations: [DirectoryProjections1764400000002],
  scopedTables: ['place_projection', 'grid_projection', 'person_projection'],
  policies: [PLACE_POLICY, GRID_POLICY, ORG_UNIT_NAME_POLICY, PERSON_NAME_POLICY],
  externalFields: PROVIDED_NAME_FIELDS,
  eventHandlers: () => directoryProjectionHandlers(),
};
