import { RequestContext } from '@campus/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { Authorized, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { DataSource } from 'typeorm';
import { namedReference } from '../directory/provided-names';
import { Hazard } from './hazard.types';

/** Hazard.orgUnit and responsiblePerson with the names they provide (hazard.types.ts declares `@provides`). */
@Authorized()
@Resolver(() => Hazard)
export class HazardReferencesResolver {
  constructor(private readonly dataSource: DataSource) {}

  @FieldResolver()
  orgUnit(@Root() hazard: Hazard, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo): Promise<{ id: string } | null> {
    return namedReference(this.dataSource, context, info, 'OrgUnit', hazard.orgUnit);
  }

  @FieldResolver()
  responsiblePerson(@Root() hazard: Hazard, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo): Promise<{ id: string } | null> {
    return namedReference(this.dataSource, context, info, 'Person', hazard.responsiblePerson);
  }
}
