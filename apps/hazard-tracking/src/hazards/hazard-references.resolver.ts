import { RequestContext } from '@campus/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { DataSource } from 'typeorm';
import { NamedReferenceAnswer, namedReference } from '../directory/provided-names';
import { Hazard } from './hazard.types';

/**
 * Hazard.orgUnit and responsiblePerson with the names they provide (hazard.types.ts declares `@provides`). No
 * `@Authorized()`: the hazard is already the viewer's and the names are scoped here, while type-graphql's auth
 * middleware is async: a promise for each of a page's 40 references, which costs more than the names
 * (bench/gateway/findings.md, seventh session).
 */
@Resolver(() => Hazard)
export class HazardReferencesResolver {
  constructor(private readonly dataSource: DataSource) {}

  @FieldResolver()
  orgUnit(@Root() hazard: Hazard, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo): NamedReferenceAnswer {
    return namedReference(this.dataSource, context, info, 'OrgUnit', hazard.orgUnit, hazard.providedNames);
  }

  @FieldResolver()
  responsiblePerson(@Root() hazard: Hazard, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo): NamedReferenceAnswer {
    return namedReference(this.dataSource, context, info, 'Person', hazard.responsiblePerson, hazard.providedNames);
  }
}
