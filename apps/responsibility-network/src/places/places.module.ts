import { RequestContext } from '@campus/graphql';
import { FeatureModule, perService } from '@campus/server';
import { Places1764200000001 } from '../migrations/1764200000001-places';
import type { ResponsibilityDeps } from '../service';
import { PLACE_POLICY } from './place.access';
import { PlaceEntity } from './place.entity';
import { loadPlace, PlaceResolver } from './place.resolver';
import { PlaceService } from './place.service';

/** The place service of a running service, shared with the grids module. */
export const placeServiceOf = perService(({ dataSource, outbox, orgUnits }: ResponsibilityDeps) => new PlaceService(dataSource, outbox, orgUnits));

/** 场所: buildings, floors, rooms and open areas with their function and 重点部位. */
export const PLACES_MODULE: FeatureModule<ResponsibilityDeps> = {
  name: 'places',
  entities: [PlaceEntity],
  migrations: [Places1764200000001],
  scopedTables: ['place'],
  policies: [PLACE_POLICY],
  resolvers: (deps) => [new PlaceResolver(placeServiceOf(deps), deps.orgUnits)],
  referenceResolvers: (deps) => ({
    Place: { __resolveReference: (reference: { id: string }, context: RequestContext) => loadPlace(placeServiceOf(deps), context, reference.id) },
  }),
};
