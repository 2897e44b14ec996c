import { ClientRequestIdField } from '@campus/server';
import { CalendarDate, VersionedInput } from '@campus/graphql';
import { IsOptional, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class CreateSafetyDayInput {
  @Field(() => ID, { description: '设立单位' })
  orgUnitId: string;

  @Field()
  @Length(2, 100, { message: '名称长度应为 2–100 个字符' })
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 500, { message: '说明最长 500 个字符' })
  description?: string;

  @Field(() => CalendarDate, { description: '开始日期（每年重复的取其月日）' })
  startDate: string;

  @Field(() => CalendarDate, { nullable: true, description: '结束日期（含），缺省为开始日期；最长 31 天' })
  @IsOptional()
  endDate?: string;

  @Field({ description: '是否每年重复' })
  annual: boolean;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType({ description: '修改本单位设立的安全主题日：名称、说明随时可改；日期仅在尚无活动计划和关联活动时可改' })
export class UpdateSafetyDayInput extends VersionedInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 100, { message: '名称长度应为 2–100 个字符' })
  name?: string;

  @Field(() => String, { nullable: true, description: '说明；空字符串清除' })
  @IsOptional()
  @Length(0, 500, { message: '说明最长 500 个字符' })
  description?: string;

  @Field(() => CalendarDate, { nullable: true })
  @IsOptional()
  startDate?: string;

  @Field(() => CalendarDate, { nullable: true })
  @IsOptional()
  endDate?: string;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  annual?: boolean;
}

@InputType()
export class PlanSafetyDayInput {
  @Field(() => ID, { description: '制定计划的单位' })
  orgUnitId: string;

  @Field(() => ID, { description: '安全主题日 ID（国家规定的用其代码，如 FIRE_SAFETY_DAY）' })
  dayId: string;

  @Field(() => CalendarDate, { description: '计划开展日期，须在该安全主题日的日期内（安全生产月为当月任一天）' })
  date: string;

  @Field()
  @Length(2, 200, { message: '活动主题长度应为 2–200 个字符' })
  theme: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 1000, { message: '备注最长 1000 个字符' })
  note?: string;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType()
export class CancelSafetyDayPlanInput extends VersionedInput {}

@InputType({ description: '删除本单位设立的安全主题日（仅在尚无活动计划和关联活动时）' })
export class RemoveSafetyDayInput extends VersionedInput {}

@InputType()
export class LinkActivityToSafetyDayInput {
  @Field(() => ID, { description: '教育活动 ID；活动的组织单位和开始日期决定它属于哪个单位、哪一次安全主题日' })
  activityId: string;

  @Field(() => ID, { description: '安全主题日 ID' })
  dayId: string;
}
