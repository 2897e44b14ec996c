import { EVENT_ENTITIES, EventTables1764100000000 } from '@campus/events';
import { OrgUnitProjection1764100000001, OrgUnitProjectionCodes1764400000000, OrgUnitProjectionRow } from '@campus/org-directory';
import { DIRECTORY_ENTITIES, DIRECTORY_MIGRATIONS, DIRECTORY_SCOPED_TABLES } from './directory';
import { HazardEntity } from './hazards/hazard.entity';
import { ESCALATION_ENTITIES, ESCALATION_MIGRATIONS } from './escalation';
import { EVIDENCE_ENTITIES, EVIDENCE_MIGRATIONS } from './evidence';
import { INCIDENT_ENTITIES, INCIDENT_MIGRATIONS } from './incidents';
import { INSPECTION_ENTITIES, INSPECTION_MIGRATIONS, INSPECTION_SCOPED_TABLES } from './inspections';
import { CAMPAIGN_ENTITIES, CAMPAIGN_MIGRATIONS, CAMPAIGN_SCOPED_TABLES } from './campaigns';
import { HazardPlanEntity, HazardStepEntity } from './hazards/hazard-loop.entity';
import { Initial1764000000000 } from './migrations/1764000000000-initial';
import { HazardVoidReason1764100000002 } from './migrations/1764100000002-hazard-void-reason';
import { HazardLoop1764300000001 } from './migrations/1764300000001-hazard-loop';
import { HazardLinks1764400000001 } from './migrations/1764400000001-hazard-links';
import { HazardDashboards1764400000050 } from './migrations/1764400000050-hazard-dashboards';
import { HazardMonthlyByMonth1764400000051 } from './migrations/1764400000051-hazard-monthly-by-month';
import { RiskPoints1764300000002 } from './migrations/1764300000002-risk-points';
import { RiskPointEntity } from './risk-points/risk-point.entity';

export const ENTITIES = [
  HazardEntity,
  HazardPlanEntity,
  HazardStepEntity,
  RiskPointEntity,
  ...INCIDENT_ENTITIES,
  ...ESCALATION_ENTITIES,
  ...EVIDENCE_ENTITIES,
  ...INSPECTION_ENTITIES,
  ...CAMPAIGN_ENTITIES,
  OrgUnitProjectionRow,
  ...DIRECTORY_ENTITIES,
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
  HazardDashboards1764400000050,
  HazardMonthlyByMonth1764400000051,
  ...EVIDENCE_MIGRATIONS,
  ...INSPECTION_MIGRATIONS,
  ...CAMPAIGN_MIGRATIONS,
  ...DIRECTORY_MIGRATIONS,
];

/** Tables whose rows carry an org_path that must follow a moved unit. */
export const SCOPED_TABLES = ['hazard', 'hazard_monthly', 'risk_point', 'incident', 'hazard_evidence', ...DIRECTORY_SCOPED_TABLES, ...INSPECTION_SCOPED_TABLES, ...CAMPAIGN_SCOPED_TABLES];
