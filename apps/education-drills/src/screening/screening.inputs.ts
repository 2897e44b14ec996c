import { ClientRequestIdField } from '@campus/server';
import { CalendarDate, VersionedInput } from '@campus/graphql';
import { IsOptional, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ScreeningEntryKind, ScreeningInstrument, ScreeningRiskLevel, ScreeningStatus } from './screening-enums';

@InputType()
export class CreateScreeningRecordInput {
  @Field(() => ID, { description: '学生（人员类别为学生）' })
  studentId: string;

  @Field(() => CalendarDate, { description: '筛查日期' })
  screeningDate: string;

  @Field(() => ScreeningInstrument)
  instrument: ScreeningInstrument;

  @Field(() => String, { nullable: true, description: '工具说明（选“其他”时必填）' })
  @IsOptional()
  @Length(1, 100, { message: '工具说明最长 100 个字符' })
  instrumentNote?: string;

  @Field(() => ScreeningRiskLevel)
  riskLevel: ScreeningRiskLevel;

  @Field(() => String, { nullable: true, description: '主要表现与评估意见' })
  @IsOptional()
  @Length(1, 1000, { message: '评估意见最长 1000 个字符' })
  finding?: string;

  @Field(() => CalendarDate, { nullable: true, description: '下次随访日期（风险等级为高或危机时必填）' })
  @IsOptional()
  nextFollowUpDate?: string;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType()
export class AddScreeningEntryInput extends VersionedInput {
  @Field(() => ScreeningEntryKind)
  kind: ScreeningEntryKind;

  @Field(() => CalendarDate, { description: '日期' })
  occurredOn: string;

  @Field({ description: '做了什么' })
  @Length(2, 1000, { message: '干预或随访内容长度应为 2–1000 个字符' })
  action: string;

  @Field({ description: '由谁实施（姓名、岗位）' })
  @Length(1, 100, { message: '实施人长度应为 1–100 个字符' })
  performedBy: string;

  @Field(() => CalendarDate, { nullable: true, description: '下次随访日期；不填表示不再约定随访（风险等级为高或危机时必填）' })
  @IsOptional()
  nextFollowUpDate?: string;

  @Field(() => ScreeningRiskLevel, { nullable: true, description: '本次评估后的风险等级（有调整时填写）' })
  @IsOptional()
  riskLevel?: ScreeningRiskLevel;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType()
export class ReferScreeningRecordInput extends VersionedInput {
  @Field({ description: '转介机构（医院或专业心理卫生机构）' })
  @Length(2, 200, { message: '转介机构长度应为 2–200 个字符' })
  institution: string;

  @Field(() => CalendarDate, { description: '转介日期' })
  referredOn: string;

  @Field(() => String, { nullable: true, description: '转介说明' })
  @IsOptional()
  @Length(1, 500, { message: '转介说明最长 500 个字符' })
  note?: string;
}

@InputType()
export class CloseScreeningRecordInput extends VersionedInput {
  @Field(() => CalendarDate, { description: '结案日期' })
  closedOn: string;

  @Field({ description: '结案说明' })
  @Length(2, 500, { message: '结案说明长度应为 2–500 个字符' })
  note: string;
}

@InputType()
export class ReopenScreeningRecordInput extends VersionedInput {
  @Field({ description: '重新开案的原因' })
  @Length(2, 500, { message: '原因长度应为 2–500 个字符' })
  reason: string;

  @Field(() => ScreeningRiskLevel, { description: '重新评估的风险等级' })
  riskLevel: ScreeningRiskLevel;

  @Field(() => CalendarDate, { nullable: true, description: '下次随访日期（风险等级为高或危机时必填）' })
  @IsOptional()
  nextFollowUpDate?: string;
}

@InputType()
export class ScreeningRecordFilter {
  @Field(() => ID, { nullable: true, description: '单位（含下级）' })
  @IsOptional()
  orgUnitId?: string;

  @Field(() => [ScreeningStatus], { nullable: true })
  @IsOptional()
  status?: ScreeningStatus[];

  @Field(() => [ScreeningRiskLevel], { nullable: true })
  @IsOptional()
  riskLevel?: ScreeningRiskLevel[];
}

@InputType()
export class ScreeningAccessLogFilter {
  @Field(() => ID, { nullable: true, description: '单位（含下级）' })
  @IsOptional()
  orgUnitId?: string;

  @Field(() => ID, { nullable: true, description: '某一条排查记录' })
  @IsOptional()
  recordId?: string;
}
