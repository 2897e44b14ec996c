import { HazardEntity } from './hazards/hazard.entity';
import { Initial1764000000000 } from './migrations/1764000000000-initial';

export const ENTITIES = [HazardEntity];
export const MIGRATIONS = [Initial1764000000000];
