import { TokenVerifier } from '@campus/auth';
import { FileStoreSettings } from '@campus/files';
import { FeatureModule } from '@campus/server';
import { Express } from 'express';
import { DataSource } from 'typeorm';
import { Supervisions1764600000010 } from '../migrations/1764600000010-supervisions';
import { SupervisionPhotos1764600000011 } from '../migrations/1764600000011-supervision-photos';
import type { AppraisalDeps } from '../service';
import { OrgUnitSupervisionFindingsResolver, SupervisionFieldsResolver, SupervisionFindingFieldsResolver } from './supervision-fields.resolver';
import { SupervisionFindings } from './supervision-findings';
import { SupervisionPhotoEntity } from './supervision-photo.entity';
import { mountSupervisionPhotoRoutes } from './supervision-photo-http';
import { SUPERVISION_PHOTO_POLICY, SupervisionPhotos } from './supervision-photos';
import { supervisionGroupHandlers, supervisionHazardHandlers } from './supervision-projections';
import { SupervisionReads } from './supervision-reads';
import { SupervisionReport } from './supervision-report';
import { FINDING_POLICY, SUPERVISION_POLICY } from './supervision.access';
import {
  SupervisionEntity,
  SupervisionFindingEntity,
  SupervisionHazardEntity,
  SupervisionUnitEntity,
  SupervisionWorkGroupEntity,
} from './supervision.entity';
import { SupervisionResolver } from './supervision.resolver';
import { SupervisionService } from './supervision.service';

/** POST /supervision-photos and GET /supervision-photos/<id> on supervision-appraisal's HTTP server. */
export function mountSupervisionPhotos(app: Express, deps: { dataSource: DataSource; verifyToken: TokenVerifier }, settings: FileStoreSettings): void {
  mountSupervisionPhotoRoutes(app, new SupervisionPhotos(deps.dataSource, settings.createStore(), settings.maxBytes), deps.verifyToken);
}

/**
 * 督导检查: inspections planned by a bureau or school and carried out by a 督导组, their findings raised as
 * hazards (supervision.finding-raised) whose rectification comes back from hazard-tracking's events, the
 * 督查报告 download, and OrgUnit.supervisionFindings.
 */
export const SUPERVISIONS_MODULE: FeatureModule<AppraisalDeps> = {
  name: 'supervisions',
  entities: [SupervisionEntity, SupervisionUnitEntity, SupervisionFindingEntity, SupervisionHazardEntity, SupervisionWorkGroupEntity, SupervisionPhotoEntity],
  migrations: [Supervisions1764600000010, SupervisionPhotos1764600000011],
  scopedTables: ['supervision', 'supervision_unit', 'supervision_finding', 'supervision_work_group', 'supervision_photo'],
  policies: [SUPERVISION_POLICY, FINDING_POLICY, SUPERVISION_PHOTO_POLICY],
  resolvers: ({ dataSource, directory, outbox }) => {
    const reads = new SupervisionReads(dataSource);
    return [
      new SupervisionResolver(new SupervisionService(dataSource, directory), new SupervisionFindings(dataSource, outbox), new SupervisionReport(dataSource)),
      new SupervisionFieldsResolver(reads),
      new SupervisionFindingFieldsResolver(reads),
      new OrgUnitSupervisionFindingsResolver(reads),
    ];
  },
  eventHandlers: () => [...supervisionHazardHandlers(), ...supervisionGroupHandlers()],
  routes: (app, deps) => {
    if (deps.photos) mountSupervisionPhotos(app, deps, deps.photos);
  },
};
