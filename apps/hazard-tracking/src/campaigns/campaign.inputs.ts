import { ClientRequestIdField } from '@campus/server';
import { CalendarDate, VersionedInput } from '@campus/graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { HazardCategory } from '../hazards/hazard-enums';
import { CampaignPhaseKind, CampaignStatus } from './campaign-enums';

export const MAX_FOCUS_AREAS = 50;
export const MAX_REPORT_DATES = 60;
const MAX_UNITS_PER_ROLE = 100;

@InputType({ description: '专项整治阶段及截止日期' })
export class CampaignPhaseInput {
  @Field(() => CampaignPhaseKind)
  kind: CampaignPhaseKind;

  @Field(() => CalendarDate, { description: '本阶段截止日期（含）' })
  deadline: string;

  @Field(() => String, { nullable: true, description: '本阶段工作要求' })
  @IsOptional()
  @Length(1, 5000, { message: '阶段要求长度应为 1–5000 个字符' })
  description?: string | null;
}

@InputType({ description: '整治重点：名称、类别、牵头部门和责任部门（须在专项整治范围内）' })
export class CampaignFocusAreaInput {
  @Field({ description: '名称，如「消防安全整治」' })
  @Length(2, 200, { message: '整治重点名称长度应为 2–200 个字符' })
  name: string;

  @Field(() => String, { nullable: true, description: '整治内容' })
  @IsOptional()
  @Length(1, 5000, { message: '整治内容长度应为 1–5000 个字符' })
  description?: string | null;

  @Field(() => HazardCategory, { nullable: true, description: '对应的隐患类别（如有）' })
  @IsOptional()
  category?: HazardCategory | null;

  @Field(() => [ID], { defaultValue: [], description: '牵头部门' })
  @ArrayMaxSize(MAX_UNITS_PER_ROLE, { message: `牵头部门最多 ${MAX_UNITS_PER_ROLE} 个` })
  leadUnitIds: string[];

  @Field(() => [ID], { defaultValue: [], description: '责任部门' })
  @ArrayMaxSize(MAX_UNITS_PER_ROLE, { message: `责任部门最多 ${MAX_UNITS_PER_ROLE} 个` })
  responsibleUnitIds: string[];
}

@InputType({ description: '制定专项整治方案（草稿）' })
export class CreateCampaignInput {
  @Field(() => ID, { description: '整治范围：该单位及其下级' })
  orgUnitId: string;

  @Field({ description: '名称，如「校园安全专项整治」' })
  @Length(2, 200, { message: '名称长度应为 2–200 个字符' })
  title: string;

  @Field(() => String, { nullable: true, description: '文号' })
  @IsOptional()
  @Length(1, 100, { message: '文号长度应为 1–100 个字符' })
  documentNumber?: string | null;

  @Field(() => String, { nullable: true, description: '指导思想、工作目标等' })
  @IsOptional()
  @Length(1, 20000, { message: '说明长度应为 1–20000 个字符' })
  description?: string | null;

  @Field(() => CalendarDate, { description: '开始日期' })
  startsOn: string;

  @Field(() => CalendarDate, { description: '结束日期（不早于最后一个报送日期）' })
  endsOn: string;

  @Field(() => [CampaignPhaseInput], { description: '阶段（自查自纠、整改完善、督导检查），截止日期依次递增' })
  @ArrayMinSize(1, { message: '至少设置一个阶段' })
  @ArrayMaxSize(3, { message: '最多三个阶段' })
  @ValidateNested({ each: true })
  phases: CampaignPhaseInput[];

  @Field(() => [CampaignFocusAreaInput], { description: '整治重点，按顺序编号' })
  @ArrayMinSize(1, { message: '至少设置一项整治重点' })
  @ArrayMaxSize(MAX_FOCUS_AREAS, { message: `整治重点最多 ${MAX_FOCUS_AREAS} 项` })
  @ValidateNested({ each: true })
  focusAreas: CampaignFocusAreaInput[];

  @Field(() => [CalendarDate], { description: '《隐患问题统计表》报送日期' })
  @ArrayMinSize(1, { message: '至少设置一个报送日期' })
  @ArrayMaxSize(MAX_REPORT_DATES, { message: `报送日期最多 ${MAX_REPORT_DATES} 个` })
  reportDates: string[];

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType({ description: '修改专项整治：名称、文号、说明随时可改（结束前）；日期、阶段、整治重点、报送日期仅草稿可改（整体替换）' })
export class UpdateCampaignInput extends VersionedInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 200, { message: '名称长度应为 2–200 个字符' })
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100, { message: '文号长度应为 1–100 个字符' })
  documentNumber?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 20000, { message: '说明长度应为 1–20000 个字符' })
  description?: string | null;

  @Field(() => CalendarDate, { nullable: true })
  @IsOptional()
  startsOn?: string | null;

  @Field(() => CalendarDate, { nullable: true })
  @IsOptional()
  endsOn?: string | null;

  @Field(() => [CampaignPhaseInput], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1, { message: '至少设置一个阶段' })
  @ArrayMaxSize(3, { message: '最多三个阶段' })
  @ValidateNested({ each: true })
  phases?: CampaignPhaseInput[] | null;

  @Field(() => [CampaignFocusAreaInput], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1, { message: '至少设置一项整治重点' })
  @ArrayMaxSize(MAX_FOCUS_AREAS, { message: `整治重点最多 ${MAX_FOCUS_AREAS} 项` })
  @ValidateNested({ each: true })
  focusAreas?: CampaignFocusAreaInput[] | null;

  @Field(() => [CalendarDate], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1, { message: '至少设置一个报送日期' })
  @ArrayMaxSize(MAX_REPORT_DATES, { message: `报送日期最多 ${MAX_REPORT_DATES} 个` })
  reportDates?: string[] | null;
}

@InputType({ description: '印发专项整治方案（草稿→进行中）' })
export class PublishCampaignInput extends VersionedInput {}

@InputType({ description: '结束专项整治（结束日期起）' })
export class CloseCampaignInput extends VersionedInput {}

@InputType({ description: '单位报送某一报送日期的《隐患问题统计表》' })
export class SubmitCampaignReportInput {
  @Field(() => ID)
  campaignId: string;

  @Field(() => CalendarDate, { description: '报送日期（方案中的一个）' })
  reportDate: string;

  @Field(() => ID, { description: '报送单位（须为本专项整治的报送单位）' })
  orgUnitId: string;

  @Field(() => String, { nullable: true, description: '情况说明' })
  @IsOptional()
  @Length(1, 5000, { message: '情况说明长度应为 1–5000 个字符' })
  note?: string | null;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType()
export class CampaignFilter {
  @Field(() => [CampaignStatus], { nullable: true })
  @IsOptional()
  statuses?: CampaignStatus[];
}
