import { callerOf, ConnectionArgs, RequestContext } from '@campus/graphql';
import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { CreateEmergencyPlanInput, EmergencyPlanFilter, UpdateEmergencyPlanInput } from './emergency-plan.inputs';
import { EmergencyPlanService } from './emergency-plan.service';
import { EmergencyPlan, EmergencyPlanConnection, EmergencyPlanPayload } from './emergency-plan.types';

@Authorized()
@Resolver(() => EmergencyPlan)
export class EmergencyPlanResolver {
  constructor(private readonly planService: EmergencyPlanService) {}

  @Query(() => EmergencyPlan, { nullable: true, description: '按 ID 查询应急预案' })
  emergencyPlan(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<EmergencyPlan> {
    return this.planService.get(callerOf(context), id);
  }

  @Query(() => EmergencyPlanConnection, { description: '我的管辖范围内的应急预案' })
  emergencyPlans(
    @Arg('filter', () => EmergencyPlanFilter, { defaultValue: {} }) filter: EmergencyPlanFilter,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<EmergencyPlanConnection> {
    return this.planService.list(callerOf(context), filter, first, after);
  }

  @Mutation(() => EmergencyPlanPayload, { description: '新建应急预案（草案）' })
  async createEmergencyPlan(
    @Arg('input') input: CreateEmergencyPlanInput,
    @Ctx() context: RequestContext,
  ): Promise<EmergencyPlanPayload> {
    return { emergencyPlan: await this.planService.create(callerOf(context), input) };
  }

  @Mutation(() => EmergencyPlanPayload, { description: '修改、批准或废止应急预案' })
  async updateEmergencyPlan(
    @Arg('input') input: UpdateEmergencyPlanInput,
    @Ctx() context: RequestContext,
  ): Promise<EmergencyPlanPayload> {
    return { emergencyPlan: await this.planService.update(callerOf(context), input) };
  }
}
