import { callerOf, ConnectionArgs, RequestContext } from '@campus/graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AddIncidentFollowUpInput, CloseIncidentInput, IncidentFilter, ReportIncidentInput } from './incident.inputs';
import { IncidentService } from './incident.service';
import { Incident, IncidentConnection, IncidentFollowUp, IncidentPayload } from './incident.types';

@Authorized()
@Resolver(() => Incident)
export class IncidentResolver {
  constructor(private readonly incidentService: IncidentService) {}

  @FieldResolver(() => [IncidentFollowUp], { description: '续报（处置进展），按先后' })
  followUps(@Root() incident: Incident, @Ctx() context: RequestContext): Promise<IncidentFollowUp[]> {
    return this.incidentService.batchedFollowUps(callerOf(context), incident.id);
  }

  @Query(() => Incident, { nullable: true, description: '按 ID 查询安全事件' })
  incident(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Incident> {
    return this.incidentService.get(callerOf(context), id);
  }

  @Query(() => IncidentConnection, { description: '安全事件列表，按发生时间最新的在前' })
  incidents(
    @Arg('filter', () => IncidentFilter, { defaultValue: {} }) filter: IncidentFilter,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<IncidentConnection> {
    return this.incidentService.list(callerOf(context), filter, first, after);
  }

  @Mutation(() => IncidentPayload, { description: '报告安全事件（初报），计算报告用时' })
  async reportIncident(@Arg('input') input: ReportIncidentInput, @Ctx() context: RequestContext): Promise<IncidentPayload> {
    return { incident: await this.incidentService.report(callerOf(context), input) };
  }

  @Mutation(() => IncidentPayload, { description: '续报安全事件的处置进展' })
  async addIncidentFollowUp(@Arg('input') input: AddIncidentFollowUpInput, @Ctx() context: RequestContext): Promise<IncidentPayload> {
    return { incident: await this.incidentService.addFollowUp(callerOf(context), input) };
  }

  @Mutation(() => IncidentPayload, { description: '安全事件结案' })
  async closeIncident(@Arg('input') input: CloseIncidentInput, @Ctx() context: RequestContext): Promise<IncidentPayload> {
    return { incident: await this.incidentService.close(callerOf(context), input) };
  }
}
