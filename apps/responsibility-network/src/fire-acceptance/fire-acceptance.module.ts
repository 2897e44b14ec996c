import { FeatureModule } from '@campus/server';
import { FireAcceptance1765000000200 } from '../migrations/1765000000200-fire-acceptance';
import type { ResponsibilityDeps } from '../service';
import { FIRE_ACCEPTANCE_POLICY } from './fire-acceptance.access';
import { FireAcceptanceChangeEntity, FireAcceptanceEntity } from './fire-acceptance.entity';
import { FireAcceptanceChangeResolver, FireAcceptanceResolver, PlaceFireAcceptanceResolver, UnacceptedBuildingsByUnitResolver } from './fire-acceptance.resolver';
import { FireAcceptanceService } from './fire-acceptance.service';

/** 消防验收: each building's acceptance (or filing, or exemption) with its history; the buildings in use without it. */
export const FIRE_ACCEPTANCE_MODULE: FeatureModule<ResponsibilityDeps> = {
  name: 'fire-acceptance',
  entities: [FireAcceptanceEntity, FireAcceptanceChangeEntity],
  migrations: [FireAcceptance1765000000200],
  scopedTables: ['fire_acceptance'],
  policies: [FIRE_ACCEPTANCE_POLICY],
  resolvers: ({ dataSource, orgUnits, people }) => {
    const service = new FireAcceptanceService(dataSource, orgUnits);
    return [
      new FireAcceptanceResolver(service),
      new FireAcceptanceChangeResolver(people),
      new PlaceFireAcceptanceResolver(service),
      new UnacceptedBuildingsByUnitResolver(orgUnits),
    ];
  },
};
