import { EVENT_ENTITIES, EventTables1764100000000 } from '@campus/events';
import { OrgUnitProjection1764100000001, OrgUnitProjectionCodes1764400000000, OrgUnitProjectionRow } from '@campus/org-directory';
import { HazardEntity } from './hazards/hazard.entity';
import { ESCALATION_ENTITIES, ESCALATION_MIGRATIONS } from './escalation';
import { INCIDENT_ENTITIES, INCIDENT_MIGRATIONS } from './incidents';
import { HazardPlanEntity, HazardStepEntity } from './hazards/hazard-loop.entity';
import { Initial1764000000000 } from './migrations/1764000000000-initial';
import { HazardVoidReason1764100000002 } from './migrations/1764100000002-hazard-void-reason';
import { HazardLoop1764300000001 } from './migrations/1764300000001-hazard-loop';
import { HazardLinks1764400000001 } from './migrations/1764400000001-hazard-links';
import { RiskPoints1764300000002 } from './migrations/1764300000002-risk-points';
import { RiskPointEntity } from './risk-points/risk-point.entity';

export const ENTITIES = [
  HazardEntity,
  HazardPlanEntity,
  HazardStepEntity,
  RiskPointEntity,
  ...INCIDENT_ENTITIES,
  ...ESCALATION_ENTITIES,
  OrgUnitProjectionRow,
  ...EVENT_ENTITIES,
];
export const MIGRATIONS = [
  Initial1764000000000,
  EventTables1764100000000,
  OrgUnitProjection1764100000001,
  HazardVoidReason1764100000002,
  HazardLoop1764300000001,
  RiskPoints1764300000002,
  ...INCIDENT_MIGRATIONS,
  ...ESCALATION_MIGRATIONS,
  OrgUnitProjectionCodes1764400000000,
  HazardLinks1764400000001,
];

/** Tables whose rows carry an org_path that must follow a moved unit. */
export const SCOPED_TABLES = ['hazard', 'risk_point', 'incident'];
