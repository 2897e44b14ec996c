import { callerOf, ExportFile, RequestContext } from '@campus/graphql';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { SafetyDayPlanService } from './safety-day-plan.service';
import { CancelSafetyDayPlanInput, CreateSafetyDayInput, LinkActivityToSafetyDayInput, PlanSafetyDayInput, RemoveSafetyDayInput, UpdateSafetyDayInput } from './safety-day.inputs';
import { SafetyDayService } from './safety-day.service';
import {
  RemoveSafetyDayPayload,
  CancelSafetyDayPlanPayload,
  SafetyDay,
  SafetyDayActivityLinkPayload,
  SafetyDayOccurrence,
  SafetyDayPayload,
  SafetyDayPlan,
  SafetyDayPlanPayload,
  SafetyDayReadiness,
} from './safety-day.types';

@Authorized()
@Resolver(() => SafetyDay)
export class SafetyDayResolver {
  constructor(
    private readonly days: SafetyDayService,
    private readonly plans: SafetyDayPlanService,
  ) {}

  @Query(() => SafetyDay, { nullable: true, description: '按 ID 查询安全主题日（国家规定的用其代码，如 FIRE_SAFETY_DAY）' })
  safetyDay(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<SafetyDay> {
    return this.days.get(callerOf(context), id);
  }

  @Query(() => [SafetyDayOccurrence], { description: '单位某一年的安全主题日历：国家规定的，以及本单位和上级单位设立的' })
  safetyDayCalendar(
    @Arg('orgUnitId', () => ID) orgUnitId: string,
    @Arg('year', () => Int) year: number,
    @Ctx() context: RequestContext,
  ): Promise<SafetyDayOccurrence[]> {
    return this.days.calendar(callerOf(context), orgUnitId, year);
  }

  @Query(() => ExportFile, { description: '安全主题日历的 iCalendar（.ics）文件；不指定年份时为今年和明年' })
  safetyCalendarFile(
    @Arg('orgUnitId', () => ID) orgUnitId: string,
    @Arg('year', () => Int, { nullable: true }) year: number | null,
    @Ctx() context: RequestContext,
  ): Promise<ExportFile> {
    return this.days.calendarFile(callerOf(context), orgUnitId, year);
  }

  @Query(() => [SafetyDayReadiness], { description: '即将到来的安全主题日，以及下级单位中既无计划也无关联活动的' })
  upcomingSafetyDays(
    @Arg('fromUnitId', () => ID, { description: '从哪个单位看其下级单位' }) fromUnitId: string,
    @Arg('days', () => Int, { defaultValue: 60, description: '往后看多少天（1–366）' }) days: number,
    @Arg('unitKind', () => String, { nullable: true, description: '按单位类型（如 COLLEGE）列出其下所有该类单位；缺省为直属下级单位' })
    unitKind: string | null,
    @Ctx() context: RequestContext,
  ): Promise<SafetyDayReadiness[]> {
    return this.plans.upcoming(callerOf(context), fromUnitId, days, unitKind);
  }

  @Query(() => [SafetyDayPlan], { description: '单位及其下级单位某一年的安全主题日活动计划' })
  safetyDayPlans(
    @Arg('orgUnitId', () => ID) orgUnitId: string,
    @Arg('year', () => Int) year: number,
    @Ctx() context: RequestContext,
  ): Promise<SafetyDayPlan[]> {
    return this.plans.plans(callerOf(context), orgUnitId, year);
  }

  @Mutation(() => SafetyDayPayload, { description: '设立本单位的安全主题日（本单位及下级单位可见）' })
  async createSafetyDay(@Arg('input') input: CreateSafetyDayInput, @Ctx() context: RequestContext): Promise<SafetyDayPayload> {
    return { safetyDay: await this.days.create(callerOf(context), input) };
  }

  @Mutation(() => SafetyDayPayload, { description: '修改本单位设立的安全主题日（日期仅在尚无活动计划和关联活动时可改）' })
  async updateSafetyDay(@Arg('input') input: UpdateSafetyDayInput, @Ctx() context: RequestContext): Promise<SafetyDayPayload> {
    return { safetyDay: await this.days.update(callerOf(context), input) };
  }

  @Mutation(() => RemoveSafetyDayPayload, { description: '删除本单位设立的安全主题日（仅在尚无活动计划和关联活动时）' })
  async removeSafetyDay(@Arg('input') input: RemoveSafetyDayInput, @Ctx() context: RequestContext): Promise<RemoveSafetyDayPayload> {
    return { id: await this.days.remove(callerOf(context), input) };
  }

  @Mutation(() => SafetyDayPlanPayload, { description: '为安全主题日制定本单位的活动计划（主题日安排）' })
  async planSafetyDay(@Arg('input') input: PlanSafetyDayInput, @Ctx() context: RequestContext): Promise<SafetyDayPlanPayload> {
    return { plan: await this.plans.plan(callerOf(context), input) };
  }

  @Mutation(() => CancelSafetyDayPlanPayload, { description: '撤销安全主题日活动计划' })
  async cancelSafetyDayPlan(@Arg('input') input: CancelSafetyDayPlanInput, @Ctx() context: RequestContext): Promise<CancelSafetyDayPlanPayload> {
    return { id: await this.plans.cancel(callerOf(context), input) };
  }

  @Mutation(() => SafetyDayActivityLinkPayload, { description: '把教育活动关联到安全主题日' })
  async linkActivityToSafetyDay(
    @Arg('input') input: LinkActivityToSafetyDayInput,
    @Ctx() context: RequestContext,
  ): Promise<SafetyDayActivityLinkPayload> {
    return { link: await this.plans.link(callerOf(context), input) };
  }
}
