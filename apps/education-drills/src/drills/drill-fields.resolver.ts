import { callerOf, ConnectionArgs, OrgUnitReference, orgUnitReference, RequestContext } from '@campus/graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { EmergencyPlan } from '../emergency-plans/emergency-plan.types';
import { DrillReads } from './drill-reads';
import { DrillService } from './drill.service';
import { DrillFilter } from './drill.inputs';
import { Drill, DrillConnection, DrillProblem } from './drill.types';

@Authorized()
@Resolver(() => Drill)
export class DrillFieldsResolver {
  constructor(private readonly reads: DrillReads) {}

  @FieldResolver(() => EmergencyPlan, { nullable: true, description: '演练检验的应急预案（您可查看时）' })
  emergencyPlan(@Root() drill: Drill, @Ctx() context: RequestContext): Promise<EmergencyPlan | null> {
    return this.reads.plan(callerOf(context), drill.emergencyPlanId);
  }

  @FieldResolver(() => [OrgUnitReference], { description: '参演单位（组织单位在前）' })
  async participatingUnits(@Root() drill: Drill, @Ctx() context: RequestContext): Promise<OrgUnitReference[]> {
    return (await this.reads.units(callerOf(context), drill)).map(orgUnitReference);
  }

  @FieldResolver(() => [DrillProblem], { description: '评估发现的问题及改进措施' })
  problems(@Root() drill: Drill, @Ctx() context: RequestContext): Promise<DrillProblem[]> {
    return this.reads.problems(callerOf(context), drill.id);
  }
}

@Authorized()
@Resolver(() => EmergencyPlan)
export class EmergencyPlanDrillsResolver {
  constructor(private readonly reads: DrillReads) {}

  @FieldResolver(() => [Drill], { description: '检验过本预案的应急演练（计划日期最新的在前）' })
  drills(@Root() plan: EmergencyPlan, @Ctx() context: RequestContext): Promise<Drill[]> {
    return this.reads.planDrills(callerOf(context), plan.id);
  }
}

@Authorized()
@Resolver(() => OrgUnitReference)
export class OrgUnitDrillsResolver {
  constructor(private readonly drillService: DrillService) {}

  @FieldResolver(() => DrillConnection, { nullable: true, description: '本单位组织的应急演练' })
  drills(
    @Root() unit: OrgUnitReference,
    @Arg('filter', () => DrillFilter, { defaultValue: {} }) filter: DrillFilter,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<DrillConnection> {
    return this.drillService.unitConnection(context, unit.id, filter, first, after);
  }
}
