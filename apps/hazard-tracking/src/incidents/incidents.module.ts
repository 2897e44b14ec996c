import { FeatureModule } from '@campus/server';
import { Incidents1764300000003 } from '../migrations/1764300000003-incidents';
import type { HazardDeps } from '../service';
import { INCIDENT_POLICY } from './incident.access';
import { IncidentEntity, IncidentFollowUpEntity } from './incident.entity';
import { IncidentResolver } from './incident.resolver';
import { IncidentService } from './incident.service';

/** 安全事件: incidents with their follow-ups and report delay. */
export const INCIDENTS_MODULE: FeatureModule<HazardDeps> = {
  name: 'incidents',
  entities: [IncidentEntity, IncidentFollowUpEntity],
  migrations: [Incidents1764300000003],
  scopedTables: ['incident'],
  policies: [INCIDENT_POLICY],
  resolvers: ({ dataSource, directory, outbox }) => [new IncidentResolver(new IncidentService(dataSource, directory, outbox))],
};
