import { ConnectionArgs, OrgUnitReference, requireViewer, RequestContext } from '@campus/graphql';
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
    const viewer = requireViewer(context);
    const loaderName = `OrgUnit.hazards:${JSON.stringify([filter, first, after])}`;
    return context.loaders
      .get(loaderName, () => this.hazardService.createUnitHazardsLoader(viewer, filter, first, after))
      .load(unit.id);
  }
}
