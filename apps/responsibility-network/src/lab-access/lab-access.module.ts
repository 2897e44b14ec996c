import { FeatureModule } from '@campus/server';
import { LabAccess1765000000201 } from '../migrations/1765000000201-lab-access';
import { placeServiceOf } from '../places/places.module';
import type { ResponsibilityDeps } from '../service';
import { LAB_ACCESS_POLICY, LAB_REQUIREMENTS_POLICY } from './lab-access.access';
import { LabAccessEntity, LabAccessRefusalEntity, LabRequirementsEntity } from './lab-access.entity';
import { LabAccessRefusalResolver, LabAccessResolver, PlaceLabRequirementsResolver } from './lab-access.resolver';
import { LabAccessService } from './lab-access.service';
import { labEducationFactHandlers } from './lab-education-facts';

/**
 * 实验室准入: labs name their requirements (safety training attended, a quiz passed, within a validity); a person
 * is admitted only when they are met, from education-drills' attendance and quiz events kept here.
 */
export const LAB_ACCESS_MODULE: FeatureModule<ResponsibilityDeps> = {
  name: 'lab-access',
  entities: [LabRequirementsEntity, LabAccessEntity, LabAccessRefusalEntity],
  migrations: [LabAccess1765000000201],
  scopedTables: ['lab_requirements', 'lab_access', 'lab_access_refusal'],
  policies: [LAB_REQUIREMENTS_POLICY, LAB_ACCESS_POLICY],
  resolvers: (deps) => {
    const service = new LabAccessService(deps.dataSource);
    return [new LabAccessResolver(service, deps.people, placeServiceOf(deps)), new LabAccessRefusalResolver(deps.people), new PlaceLabRequirementsResolver(service)];
  },
  eventHandlers: () => labEducationFactHandlers(),
};
