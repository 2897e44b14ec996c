import { EVENT_ENTITIES, EventTables1764100000000 } from '@campus/events';
import { OrgUnitProjection1764100000001, OrgUnitProjectionCodes1764400000000, OrgUnitProjectionRow } from '@campus/org-directory';
import { EmergencyPlanEntity } from './emergency-plans/emergency-plan.entity';
import { Initial1764000000000 } from './migrations/1764000000000-initial';

export const ENTITIES = [EmergencyPlanEntity, OrgUnitProjectionRow, ...EVENT_ENTITIES];
export const MIGRATIONS = [Initial1764000000000, EventTables1764100000000, OrgUnitProjection1764100000001, OrgUnitProjectionCodes1764400000000];

/** Tables whose rows carry an org_path that must follow a moved unit. */
export const SCOPED_TABLES = ['emergency_plan'];
