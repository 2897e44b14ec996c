import { ClientRequestIdField } from '@campus/server';
import { CalendarDate, VersionedInput } from '@campus/graphql';
import { ArrayMaxSize, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DrillProblemCategory, DrillProblemGrade, DrillStatus, DrillType } from './drill-enums';

@InputType({ description: '制定应急演练计划' })
export class PlanDrillInput {
  @Field(() => ID, { description: '组织单位' })
  orgUnitId: string;

  @Field({ description: '演练名称' })
  @Length(2, 200, { message: '演练名称长度应为 2–200 个字符' })
  title: string;

  @Field(() => DrillType)
  type: DrillType;

  @Field({ description: '情景设定，如 “实训楼三楼配电间起火，浓烟进入楼道”' })
  @Length(2, 500, { message: '情景设定长度应为 2–500 个字符' })
  scenario: string;

  @Field(() => ID, { nullable: true, description: '演练检验的应急预案' })
  @IsOptional()
  emergencyPlanId?: string;

  @Field({ description: '演练地点' })
  @Length(1, 200, { message: '演练地点长度应为 1–200 个字符' })
  placeText: string;

  @Field(() => [ID], { nullable: true, description: '参演单位（组织单位及其下级单位）；不填则为组织单位本身' })
  @IsOptional()
  @ArrayMaxSize(200, { message: '参演单位最多 200 个' })
  participatingUnitIds?: string[];

  @Field(() => Int, { description: '预计参演人数' })
  @Min(1, { message: '预计参演人数至少为 1' })
  @Max(100_000, { message: '预计参演人数过大' })
  expectedParticipants: number;

  @Field(() => CalendarDate, { description: '计划日期' })
  plannedDate: string;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType({ description: '修改计划中的应急演练' })
export class UpdateDrillInput extends VersionedInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 200, { message: '演练名称长度应为 2–200 个字符' })
  title?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 500, { message: '情景设定长度应为 2–500 个字符' })
  scenario?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200, { message: '演练地点长度应为 1–200 个字符' })
  placeText?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1, { message: '预计参演人数至少为 1' })
  @Max(100_000, { message: '预计参演人数过大' })
  expectedParticipants?: number;

  @Field(() => CalendarDate, { nullable: true })
  @IsOptional()
  plannedDate?: string;

  @Field(() => ID, { nullable: true, description: '改为检验此应急预案' })
  @IsOptional()
  emergencyPlanId?: string;

  @Field({ nullable: true, description: '不再关联应急预案' })
  @IsOptional()
  clearEmergencyPlan?: boolean;

  @Field(() => [ID], { nullable: true, description: '参演单位（整体替换；组织单位总是参演）' })
  @IsOptional()
  @ArrayMaxSize(200, { message: '参演单位最多 200 个' })
  participatingUnitIds?: string[];
}

@InputType({ description: '记录应急演练的实施情况' })
export class HoldDrillInput extends VersionedInput {
  @Field({ description: '开始时间' })
  startedAt: Date;

  @Field({ description: '结束时间' })
  endedAt: Date;

  @Field(() => Int, { description: '实际参演人数' })
  @Min(1, { message: '实际参演人数至少为 1' })
  @Max(100_000, { message: '实际参演人数过大' })
  actualParticipants: number;

  @Field(() => Int, { nullable: true, description: '疏散用时（秒）：疏散、消防、地震、防踩踏演练必填' })
  @IsOptional()
  @Min(1, { message: '疏散用时至少 1 秒' })
  evacuationSeconds?: number;
}

@InputType({ description: '演练评估发现的问题' })
export class DrillProblemInput {
  @Field({ description: '问题描述' })
  @Length(2, 1000, { message: '问题描述长度应为 2–1000 个字符' })
  description: string;

  @Field(() => DrillProblemCategory)
  category: DrillProblemCategory;

  @Field(() => DrillProblemGrade)
  grade: DrillProblemGrade;

  @Field(() => ID, { description: '整改责任人' })
  ownerPersonId: string;

  @Field(() => CalendarDate, { description: '整改期限' })
  deadline: string;

  @Field({ description: '改进措施' })
  @Length(2, 1000, { message: '改进措施长度应为 2–1000 个字符' })
  improvementAction: string;

  @Field({ defaultValue: false, description: '是否同时转为隐患，进入隐患排查治理闭环' })
  raiseAsHazard: boolean;
}

@InputType({ description: '评估已实施的应急演练' })
export class EvaluateDrillInput extends VersionedInput {
  @Field(() => Int, { description: '评估得分（0–100）' })
  @Min(0, { message: '评估得分应为 0–100' })
  @Max(100, { message: '评估得分应为 0–100' })
  score: number;

  @Field({ description: '做得好的方面' })
  @Length(2, 2000, { message: '做得好的方面长度应为 2–2000 个字符' })
  strengths: string;

  @Field(() => [DrillProblemInput], { defaultValue: [], description: '发现的问题及改进措施' })
  @ValidateNested({ each: true })
  @ArrayMaxSize(50, { message: '一次评估最多记录 50 个问题' })
  problems: DrillProblemInput[];
}

@InputType({ description: '取消计划中的应急演练' })
export class CancelDrillInput extends VersionedInput {
  @Field({ description: '取消原因' })
  @Length(2, 500, { message: '取消原因长度应为 2–500 个字符' })
  reason: string;
}

@InputType({ description: '将已评估演练的一个问题转为隐患' })
export class RaiseDrillProblemInput {
  @Field(() => ID, { description: '演练发现的问题' })
  problemId: string;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType()
export class DrillFilter {
  @Field(() => [DrillStatus], { nullable: true })
  @IsOptional()
  status?: DrillStatus[];

  @Field(() => [DrillType], { nullable: true })
  @IsOptional()
  type?: DrillType[];

  @Field(() => CalendarDate, { nullable: true, description: '计划日期不早于此日' })
  @IsOptional()
  plannedFrom?: string;

  @Field(() => CalendarDate, { nullable: true, description: '计划日期不晚于此日' })
  @IsOptional()
  plannedTo?: string;
}
