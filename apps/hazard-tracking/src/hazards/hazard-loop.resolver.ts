import { callerOf, RequestContext } from '@campus/graphql';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  AcceptHazardInput,
  AssessHazardInput,
  ArchiveHazardInput,
  CloseHazardInput,
  FixOnTheSpotInput,
  ReportHazardInput,
  StartRectificationInput,
  SubmitForAcceptanceInput,
  SubmitRectificationPlanInput,
} from './hazard-loop.inputs';
import { HazardLoopService } from './hazard-loop.service';
import { HazardFile, HazardPlan, HazardStep } from './hazard-loop.types';
import { Hazard, HazardPayload } from './hazard.types';

/** The closed loop (排查→登记→报告→治理→验收→销号→存档): one mutation per step, and the per-hazard file. */
@Authorized()
@Resolver(() => Hazard)
export class HazardLoopResolver {
  constructor(private readonly loop: HazardLoopService) {}

  @FieldResolver(() => HazardPlan, { nullable: true, description: '整改方案（四落实）' })
  plan(@Root() hazard: Hazard, @Ctx() context: RequestContext): Promise<HazardPlan | null> {
    return this.loop.batchedPlan(context.loaders, hazard.id);
  }

  @FieldResolver(() => [HazardStep], { description: '闭环全过程记录，按时间先后' })
  steps(@Root() hazard: Hazard, @Ctx() context: RequestContext): Promise<HazardStep[]> {
    return this.loop.batchedSteps(context.loaders, hazard.id);
  }

  @Query(() => HazardFile, { description: '一患一案一档：隐患、整改方案、全过程记录与验收' })
  hazardFile(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<HazardFile> {
    return this.loop.file(callerOf(context), id);
  }

  @Mutation(() => HazardPayload, { description: '登记评估（发现→已登记），可修正类别与等级' })
  async assessHazard(@Arg('input') input: AssessHazardInput, @Ctx() context: RequestContext): Promise<HazardPayload> {
    return { hazard: await this.loop.assess(callerOf(context), input) };
  }

  @Mutation(() => HazardPayload, { description: '报告隐患（登记→已报告）' })
  async reportHazard(@Arg('input') input: ReportHazardInput, @Ctx() context: RequestContext): Promise<HazardPayload> {
    return { hazard: await this.loop.report(callerOf(context), input) };
  }

  @Mutation(() => HazardPayload, { description: '提交或完善整改方案（四落实），开始治理前' })
  async submitRectificationPlan(@Arg('input') input: SubmitRectificationPlanInput, @Ctx() context: RequestContext): Promise<HazardPayload> {
    return { hazard: await this.loop.submitPlan(callerOf(context), input) };
  }

  @Mutation(() => HazardPayload, { description: '开始治理（已报告→治理中），须四落实完整' })
  async startRectification(@Arg('input') input: StartRectificationInput, @Ctx() context: RequestContext): Promise<HazardPayload> {
    return { hazard: await this.loop.startRectification(callerOf(context), input) };
  }

  @Mutation(() => HazardPayload, { description: '整改完成，申请验收（治理中→待验收）' })
  async submitForAcceptance(@Arg('input') input: SubmitForAcceptanceInput, @Ctx() context: RequestContext): Promise<HazardPayload> {
    return { hazard: await this.loop.submitForAcceptance(callerOf(context), input) };
  }

  @Mutation(() => HazardPayload, { description: '验收：通过→已验收，不通过→退回整改' })
  async acceptHazard(@Arg('input') input: AcceptHazardInput, @Ctx() context: RequestContext): Promise<HazardPayload> {
    return { hazard: await this.loop.accept(callerOf(context), input) };
  }

  @Mutation(() => HazardPayload, { description: '销号（已验收→已销号）' })
  async closeHazard(@Arg('input') input: CloseHazardInput, @Ctx() context: RequestContext): Promise<HazardPayload> {
    return { hazard: await this.loop.close(callerOf(context), input) };
  }

  @Mutation(() => HazardPayload, { description: '备案存档（已销号→已存档）' })
  async archiveHazard(@Arg('input') input: ArchiveHazardInput, @Ctx() context: RequestContext): Promise<HazardPayload> {
    return { hazard: await this.loop.archive(callerOf(context), input) };
  }

  @Mutation(() => HazardPayload, { description: '即查即改：一般隐患当场整改，报告、治理、验收、销号一并记录' })
  async fixOnTheSpot(@Arg('input') input: FixOnTheSpotInput, @Ctx() context: RequestContext): Promise<HazardPayload> {
    return { hazard: await this.loop.fixOnTheSpot(callerOf(context), input) };
  }
}
