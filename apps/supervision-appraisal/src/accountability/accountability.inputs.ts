import { ClientRequestIdField } from '@campus/server';
import { CalendarDate, VersionedInput } from '@campus/graphql';
import { ArrayMaxSize, IsOptional, Length, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import {
  AccountabilityEvidenceKind,
  AccountabilityMeasure,
  AccountabilityReason,
  AccountabilityStatus,
  AccountabilityTargetKind,
} from './accountability-enums';

@InputType({ description: '问责依据' })
export class AccountabilityEvidenceInput {
  @Field(() => AccountabilityEvidenceKind)
  kind: AccountabilityEvidenceKind;

  @Field(() => ID, { description: '所指记录的 ID（隐患、逾期督办、安全事件、督导检查问题、考核）' })
  @Length(1, 100, { message: '依据的 ID 长度应为 1–100 个字符' })
  refId: string;

  @Field(() => String, { nullable: true, description: '说明，如隐患编号' })
  @IsOptional()
  @Length(1, 200, { message: '依据说明最多 200 个字符' })
  label?: string;
}

@InputType({ description: '提出问责（待确认）' })
export class RecordAccountabilityInput {
  @Field(() => AccountabilityTargetKind, { description: '对单位还是对个人' })
  targetKind: AccountabilityTargetKind;

  @Field(() => ID, { nullable: true, description: '对象单位（对单位问责时必填）' })
  @IsOptional()
  orgUnitId?: string;

  @Field(() => ID, { nullable: true, description: '对象个人（对个人问责时必填；所在单位取其当前单位）' })
  @IsOptional()
  personId?: string;

  @Field(() => ID, { nullable: true, description: '作出单位（对象的上级教育局或学校）；不填时取我有管理权限的、对象之上最近的单位' })
  @IsOptional()
  issuingUnitId?: string;

  @Field(() => AccountabilityReason, { description: '事由' })
  reason: AccountabilityReason;

  @Field(() => AccountabilityMeasure, { description: '问责方式' })
  measure: AccountabilityMeasure;

  @Field({ description: '情况说明' })
  @Length(2, 2000, { message: '情况说明长度应为 2–2000 个字符' })
  description: string;

  @Field(() => [AccountabilityEvidenceInput], { description: '依据', defaultValue: [] })
  @ArrayMaxSize(50, { message: '依据最多 50 项' })
  @ValidateNested({ each: true })
  evidence: AccountabilityEvidenceInput[];

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType({ description: '确认问责，记录在案' })
export class ConfirmAccountabilityInput extends VersionedInput {
  @Field(() => AccountabilityMeasure, { nullable: true, description: '调整问责方式（不填则按提出的方式）' })
  @IsOptional()
  measure?: AccountabilityMeasure;

  @Field(() => String, { nullable: true, description: '确认意见' })
  @IsOptional()
  @Length(1, 1000, { message: '确认意见最多 1000 个字符' })
  note?: string;
}

@InputType({ description: '不予问责或撤销问责' })
export class AccountabilityDecisionInput extends VersionedInput {
  @Field({ description: '理由' })
  @Length(2, 1000, { message: '理由长度应为 2–1000 个字符' })
  reason: string;
}

@InputType({ description: '问责记录筛选' })
export class AccountabilityRecordFilter {
  @Field(() => ID, { nullable: true, description: '对象单位（含下级单位）' })
  @IsOptional()
  orgUnitId?: string;

  @Field(() => [AccountabilityReason], { nullable: true, description: '事由' })
  @IsOptional()
  reason?: AccountabilityReason[];

  @Field(() => [AccountabilityMeasure], { nullable: true, description: '问责方式' })
  @IsOptional()
  measure?: AccountabilityMeasure[];

  @Field(() => [AccountabilityStatus], { nullable: true, description: '状态' })
  @IsOptional()
  status?: AccountabilityStatus[];

  @Field(() => CalendarDate, { nullable: true, description: '提出日期起（含）' })
  @IsOptional()
  from?: string;

  @Field(() => CalendarDate, { nullable: true, description: '提出日期止（含）' })
  @IsOptional()
  to?: string;
}
