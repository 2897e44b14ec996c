import { ConnectionArgs, OrgUnitReference, RequestContext } from '@campus/graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { HazardFilter } from '../hazards/hazard.inputs';
import { HazardService } from '../hazards/hazard.service';
import { HazardConnection } from '../hazards/hazard.types';

@Authorized()
@Resolver(() => OrgUnitReference)
export class OrgUnitHazardsResolver {
  constructor(private readonly hazardService: HazardService) {}

  @FieldResolver(() => HazardConnection, { nullable: true, description: '本单位登记的隐患，最新的在前' })
  hazards(
    @Root() unit: OrgUnitReference,
    @Arg('filter', () => HazardFilter, { defaultValue: {} }) filter: HazardFilter,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<HazardConnection> {
    return this.hazardService.unitConnection(context, unit.id, filter, first, after);
  }
}
