import { OutboxSignal } from '@campus/events';
import { OrgUnitDirectory } from '@campus/org-directory';
import { DataSource } from 'typeorm';
import { Incidents1764300000003 } from '../migrations/1764300000003-incidents';
import { IncidentEntity, IncidentFollowUpEntity } from './incident.entity';
import { IncidentResolver } from './incident.resolver';
import { IncidentService } from './incident.service';

export { IncidentResolver } from './incident.resolver';
export { IncidentService } from './incident.service';
export { IncidentEntity, IncidentFollowUpEntity } from './incident.entity';

export const INCIDENT_ENTITIES = [IncidentEntity, IncidentFollowUpEntity];
export const INCIDENT_MIGRATIONS = [Incidents1764300000003];

export function createIncidentResolver(dataSource: DataSource, directory: OrgUnitDirectory, outbox: OutboxSignal): IncidentResolver {
  return new IncidentResolver(new IncidentService(dataSource, directory, outbox));
}
