import { EmergencyPlanEntity } from './emergency-plans/emergency-plan.entity';
import { Initial1764000000000 } from './migrations/1764000000000-initial';

export const ENTITIES = [EmergencyPlanEntity];
export const MIGRATIONS = [Initial1764000000000];
