import { HazardEscalation1764300000004 } from '../migrations/1764300000004-hazard-escalation';
import { HazardEscalationEntity, HazardOverdueEntity } from './escalation.entity';

export * from './escalation-tiers';
export * from './escalation.entity';
export * from './hazard-escalations.resolver';
export * from './overdue-escalator';

export const ESCALATION_ENTITIES = [HazardOverdueEntity, HazardEscalationEntity];
export const ESCALATION_MIGRATIONS = [HazardEscalation1764300000004];
