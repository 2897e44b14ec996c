import { EVENT_ENTITIES, EventTables1764100000000 } from '@campus/events';
import { OrgUnitProjection1764100000001, OrgUnitProjectionCodes1764400000000, OrgUnitProjectionRow } from '@campus/org-directory';
import { AppraisalIndicatorEntity, AppraisalSchemeEntity } from './appraisal-schemes/appraisal-scheme.entity';
import { HazardMonthlyCountRow } from './hazard-counts/hazard-count.entity';
import { Initial1764000000000 } from './migrations/1764000000000-initial';
import { HazardMonthlyCount1764100000002 } from './migrations/1764100000002-hazard-monthly-count';

export const ENTITIES = [AppraisalSchemeEntity, AppraisalIndicatorEntity, HazardMonthlyCountRow, OrgUnitProjectionRow, ...EVENT_ENTITIES];
export const MIGRATIONS = [Initial1764000000000, EventTables1764100000000, OrgUnitProjection1764100000001, HazardMonthlyCount1764100000002, OrgUnitProjectionCodes1764400000000];

/** Tables whose rows carry an org_path that must follow a moved unit. */
export const SCOPED_TABLES = ['appraisal_scheme', 'hazard_monthly_count'];
