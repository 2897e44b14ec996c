import { callerOf, ConnectionArgs, OrgUnitReference, RequestContext } from '@campus/graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CancelEducationActivityInput, CreateEducationActivityInput, EducationActivityFilter, UpdateEducationActivityInput } from './activity.inputs';
import { EducationActivityService } from './activity.service';
import { EducationActivity, EducationActivityConnection, EducationActivityPayload, EducationAttendeeConnection } from './activity.types';

@Authorized()
@Resolver(() => EducationActivity)
export class EducationActivityResolver {
  constructor(private readonly activities: EducationActivityService) {}

  @Query(() => EducationActivity, { nullable: true, description: '按 ID 查询安全教育活动' })
  educationActivity(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<EducationActivity> {
    return this.activities.get(callerOf(context), id);
  }

  @Query(() => EducationActivityConnection, { description: '我的管辖范围内的安全教育活动，开始时间最近的在前' })
  educationActivities(
    @Arg('filter', () => EducationActivityFilter, { defaultValue: {} }) filter: EducationActivityFilter,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() context: RequestContext,
  ): Promise<EducationActivityConnection> {
    return this.activities.list(callerOf(context), filter, first, after);
  }

  @Mutation(() => EducationActivityPayload, { description: '组织安全教育活动（生成签到码）' })
  async createEducationActivity(@Arg('input') input: CreateEducationActivityInput, @Ctx() context: RequestContext): Promise<EducationActivityPayload> {
    return { educationActivity: await this.activities.create(callerOf(context), input) };
  }

  @Mutation(() => EducationActivityPayload, { description: '修改安全教育活动' })
  async updateEducationActivity(@Arg('input') input: UpdateEducationActivityInput, @Ctx() context: RequestContext): Promise<EducationActivityPayload> {
    return { educationActivity: await this.activities.update(callerOf(context), input) };
  }

  @Mutation(() => EducationActivityPayload, { description: '取消安全教育活动（尚无签到记录时）' })
  async cancelEducationActivity(@Arg('input') input: CancelEducationActivityInput, @Ctx() context: RequestContext): Promise<EducationActivityPayload> {
    return { educationActivity: await this.activities.cancel(callerOf(context), input) };
  }

  @FieldResolver(() => String, { nullable: true, description: '签到码：现场公布；仅组织者可见' })
  checkInCode(@Root() activity: EducationActivity, @Ctx() context: RequestContext): string | null {
    return this.activities.checkInCodeFor(callerOf(context), activity);
  }

  @FieldResolver(() => [OrgUnitReference], { description: '参加单位（含下级单位）' })
  async audienceUnits(@Root() activity: EducationActivity, @Ctx() context: RequestContext): Promise<OrgUnitReference[]> {
    return (await this.activities.audienceUnitIds(context.loaders, activity.id)).map((id) => ({ id }));
  }

  @FieldResolver(() => Int, { description: '签到人数' })
  attendeeCount(@Root() activity: EducationActivity, @Ctx() context: RequestContext): Promise<number> {
    return this.activities.attendeeCount(context.loaders, activity.id);
  }

  @FieldResolver(() => EducationAttendeeConnection, { description: '签到名单，按登记先后' })
  attendees(@Root() activity: EducationActivity, @Args() { first, after }: ConnectionArgs): Promise<EducationAttendeeConnection> {
    return this.activities.attendees(activity.id, first, after);
  }
}
