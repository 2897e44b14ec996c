import { AppraisalIndicatorEntity, AppraisalSchemeEntity } from './appraisal-schemes/appraisal-scheme.entity';
import { Initial1764000000000 } from './migrations/1764000000000-initial';

export const ENTITIES = [AppraisalSchemeEntity, AppraisalIndicatorEntity];
export const MIGRATIONS = [Initial1764000000000];
