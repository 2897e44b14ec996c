import { DirectoryProjections1764400000002 } from '../migrations/1764400000002-directory-projections';
import { GridProjectionRow, PersonProjectionRow, PlaceProjectionRow } from './directory.entity';

export * from './directory-checks';
export * from './directory-handlers';
export { GridProjectionRow, PersonProjectionRow, PlaceProjectionRow } from './directory.entity';

export const DIRECTORY_ENTITIES = [PlaceProjectionRow, GridProjectionRow, PersonProjectionRow];
export const DIRECTORY_MIGRATIONS = [DirectoryProjections1764400000002];
/** Projection tables with an org_path that follows a moved unit. */
export const DIRECTORY_SCOPED_TABLES = ['place_projection', 'grid_projection', 'person_projection'];
