import { ConnectionArgs, OrgUnitReference, RequestContext } from '@campus/graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { EmergencyPlanFilter } from './emergency-plan.inputs';
import { EmergencyPlanService } from './emergency-plan.service';
import { EmergencyPlanConnection } from './emergency-plan.types';

@Authorized()
@Resolver(() => OrgUnitReference)
export class OrgUnitPlansResolver {
  constructor(private readonly planService: EmergencyPlanService) {}

  @FieldResolver(() => EmergencyPlanConnection, { nullable: true, description: '本单位编制的应急预案' })
  emergencyPlans(
    @Root() unit: OrgUnitReference,
    @Arg('filter', () => EmergencyPlanFilter, { defaultValue: {} }) filter: EmergencyPlanFilter,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<EmergencyPlanConnection> {
    return this.planService.unitConnection(context, unit.id, filter, first, after);
  }
}
