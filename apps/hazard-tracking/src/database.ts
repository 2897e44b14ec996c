import { EVENT_ENTITIES, EventTables1764100000000 } from '@campus/events';
import { OrgUnitProjection1764100000001, OrgUnitProjectionRow } from '@campus/org-directory';
import { HazardEntity } from './hazards/hazard.entity';
import { Initial1764000000000 } from './migrations/1764000000000-initial';
import { HazardVoidReason1764100000002 } from './migrations/1764100000002-hazard-void-reason';

export const ENTITIES = [HazardEntity, OrgUnitProjectionRow, ...EVENT_ENTITIES];
export const MIGRATIONS = [Initial1764000000000, EventTables1764100000000, OrgUnitProjection1764100000001, HazardVoidReason1764100000002];

/** Tables whose rows carry an org_path that must follow a moved unit. */
export const SCOPED_TABLES = ['hazard'];
