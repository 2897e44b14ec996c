import { RequestContext } from '@campus/graphql';
import { Places1764200000001 } from '../migrations/1764200000001-places';
import { ModuleDependencies, ResponsibilityModule } from '../module';
import { PlaceEntity } from './place.entity';
import { loadPlace, PlaceResolver } from './place.resolver';
import { PlaceService } from './place.service';

function placeService({ dataSource, outbox, orgUnits }: ModuleDependencies): PlaceService {
  return new PlaceService(dataSource, outbox, orgUnits);
}

export const PLACES_MODULE: ResponsibilityModule = {
  entities: [PlaceEntity],
  orgPathColumns: [{ table: 'place', column: 'org_path' }],
  migrations: [Places1764200000001],
  resolverClasses: [PlaceResolver],
  createResolvers: (dependencies) => new Map([[PlaceResolver, new PlaceResolver(placeService(dependencies), dependencies.orgUnits)]]),
  referenceResolvers: (dependencies) => {
    const places = placeService(dependencies);
    return { Place: { __resolveReference: (reference: { id: string }, context: RequestContext) => loadPlace(places, context, reference.id) } };
  },
};
