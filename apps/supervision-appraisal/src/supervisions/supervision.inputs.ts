import { ClientRequestIdField } from '@campus/server';
import { CalendarDate, VersionedInput } from '@campus/graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { FindingCategory, FindingSeverity, SupervisionStatus } from './supervision-enums';

@InputType({ description: '制定督导检查计划' })
export class PlanSupervisionInput {
  @Field(() => ID, { description: '组织单位（教育局或学校）' })
  orgUnitId: string;

  @Field({ description: '检查名称，如"2026年秋季开学校园安全督导检查"' })
  @Length(2, 200, { message: '检查名称长度应为 2–200 个字符' })
  title: string;

  @Field(() => ID, { description: '督导组（责任体系中的工作机构，类别为督导组）' })
  supervisionGroupId: string;

  @Field(() => [ID], { description: '被检查单位（组织单位的下级单位）' })
  @ArrayMinSize(1, { message: '至少选择一个被检查单位' })
  @ArrayMaxSize(200, { message: '被检查单位最多 200 个' })
  inspectedUnitIds: string[];

  @Field(() => CalendarDate, { description: '检查开始日期' })
  startsOn: string;

  @Field(() => CalendarDate, { description: '检查结束日期' })
  endsOn: string;

  @Field(() => [String], { description: '检查重点，如"消防设施""危化品管理"', defaultValue: [] })
  @ArrayMaxSize(30, { message: '检查重点最多 30 项' })
  @Length(1, 200, { each: true, message: '每项检查重点长度应为 1–200 个字符' })
  focusAreas: string[];

  @Field(() => [String], { description: '检查清单（逐项检查的内容）', defaultValue: [] })
  @ArrayMaxSize(100, { message: '检查清单最多 100 项' })
  @Length(1, 500, { each: true, message: '每项检查内容长度应为 1–500 个字符' })
  checklist: string[];

  @Field(() => ID, { nullable: true, description: '所属专项整治（隐患服务中的专项整治）' })
  @IsOptional()
  campaignId?: string;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType({ description: '修改计划中或检查中的督导检查' })
export class UpdateSupervisionInput extends VersionedInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 200, { message: '检查名称长度应为 2–200 个字符' })
  title?: string;

  @Field(() => ID, { nullable: true, description: '更换督导组' })
  @IsOptional()
  supervisionGroupId?: string;

  @Field(() => [ID], { nullable: true, description: '被检查单位（整体替换）' })
  @IsOptional()
  @ArrayMinSize(1, { message: '至少选择一个被检查单位' })
  @ArrayMaxSize(200, { message: '被检查单位最多 200 个' })
  inspectedUnitIds?: string[];

  @Field(() => CalendarDate, { nullable: true })
  @IsOptional()
  startsOn?: string;

  @Field(() => CalendarDate, { nullable: true })
  @IsOptional()
  endsOn?: string;

  @Field(() => [String], { nullable: true, description: '检查重点（整体替换）' })
  @IsOptional()
  @ArrayMaxSize(30, { message: '检查重点最多 30 项' })
  @Length(1, 200, { each: true, message: '每项检查重点长度应为 1–200 个字符' })
  focusAreas?: string[];

  @Field(() => [String], { nullable: true, description: '检查清单（整体替换）' })
  @IsOptional()
  @ArrayMaxSize(100, { message: '检查清单最多 100 项' })
  @Length(1, 500, { each: true, message: '每项检查内容长度应为 1–500 个字符' })
  checklist?: string[];

  @Field(() => ID, { nullable: true, description: '改为属于此专项整治' })
  @IsOptional()
  campaignId?: string;

  @Field({ nullable: true, description: '不再属于任何专项整治' })
  @IsOptional()
  clearCampaign?: boolean;
}

@InputType({ description: '开始检查或结束督导检查' })
export class SupervisionStepInput extends VersionedInput {}

@InputType({ description: '出具督查报告' })
export class ReportSupervisionInput extends VersionedInput {
  @Field({ description: '督查意见：总体评价、主要问题和整改要求' })
  @Length(2, 5000, { message: '督查意见长度应为 2–5000 个字符' })
  summary: string;
}

@InputType({ description: '取消督导检查' })
export class CancelSupervisionInput extends VersionedInput {
  @Field({ description: '取消原因' })
  @Length(2, 500, { message: '取消原因长度应为 2–500 个字符' })
  reason: string;
}

@InputType({ description: '记录督导检查发现的问题' })
export class RecordSupervisionFindingInput {
  @Field(() => ID)
  supervisionId: string;

  @Field(() => ID, { description: '问题所在的被检查单位' })
  orgUnitId: string;

  @Field({ description: '问题部位，如"学生公寓5号楼三层"' })
  @Length(1, 200, { message: '问题部位长度应为 1–200 个字符' })
  placeText: string;

  @Field(() => ID, { nullable: true, description: '场所（责任体系中的场所）' })
  @IsOptional()
  placeId?: string;

  @Field(() => FindingCategory)
  category: FindingCategory;

  @Field(() => FindingSeverity)
  severity: FindingSeverity;

  @Field({ description: '问题描述' })
  @Length(2, 2000, { message: '问题描述长度应为 2–2000 个字符' })
  description: string;

  @Field(() => CalendarDate, { description: '要求的整改期限' })
  deadline: string;

  @Field({ description: '同时转为隐患，交被检查单位整改', defaultValue: false })
  raiseAsHazard: boolean;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType({ description: '将督导检查发现的问题转为隐患' })
export class RaiseSupervisionFindingInput {
  @Field(() => ID)
  findingId: string;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType({ description: '督导检查筛选条件' })
export class SupervisionFilter {
  @Field(() => [SupervisionStatus], { nullable: true })
  @IsOptional()
  status?: SupervisionStatus[];

  @Field(() => ID, { nullable: true, description: '组织单位（含其下级单位组织的检查）' })
  @IsOptional()
  orgUnitId?: string;

  @Field(() => ID, { nullable: true, description: '被检查单位' })
  @IsOptional()
  inspectedUnitId?: string;
}

@InputType({ description: '单位被督导检查发现的问题的筛选条件' })
export class SupervisionFindingFilter {
  @Field(() => [FindingSeverity], { nullable: true })
  @IsOptional()
  severity?: FindingSeverity[];
}
