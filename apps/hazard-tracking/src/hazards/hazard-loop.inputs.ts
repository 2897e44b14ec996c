import { ClientRequestIdField } from '@campus/server';
import { CalendarDate, VersionedInput } from '@campus/graphql';
import { ArrayMaxSize, IsOptional, Length, Matches, MaxDate } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { HazardCategory, HazardGrade } from './hazard-enums';

/** A transition of the closed loop: the version read, an optional comment and evidence (photo or file links). */
@InputType()
export class HazardTransitionInput extends VersionedInput {
  @Field(() => String, { nullable: true, description: '说明' })
  @IsOptional()
  @Length(1, 2000, { message: '说明长度应为 1–2000 个字符' })
  comment?: string | null;

  @Field(() => [String], { defaultValue: [], description: '佐证材料（照片、文件的链接）' })
  @ArrayMaxSize(20, { message: '佐证材料最多 20 项' })
  @Length(1, 500, { each: true, message: '每项佐证材料长度应为 1–500 个字符' })
  evidence: string[];
}

@InputType({ description: '登记评估：确认发现上报的隐患，可修正类别与等级' })
export class AssessHazardInput extends HazardTransitionInput {
  @Field(() => HazardCategory, { nullable: true })
  @IsOptional()
  category?: HazardCategory;

  @Field(() => HazardGrade, { nullable: true })
  @IsOptional()
  grade?: HazardGrade;
}

@InputType({ description: '报告隐患' })
export class ReportHazardInput extends HazardTransitionInput {}

@InputType({ description: '开始治理（须四落实完整）' })
export class StartRectificationInput extends HazardTransitionInput {}

@InputType({ description: '销号' })
export class CloseHazardInput extends HazardTransitionInput {}

@InputType({ description: '备案存档' })
export class ArchiveHazardInput extends HazardTransitionInput {}

@InputType({ description: '整改方案（四落实）：可分次完善，开始治理前须完整' })
export class SubmitRectificationPlanInput extends HazardTransitionInput {
  @Field(() => ID, { nullable: true, description: '整改责任人' })
  @IsOptional()
  responsiblePersonId?: string | null;

  @Field(() => String, { nullable: true, description: '整改措施' })
  @IsOptional()
  @Length(1, 5000, { message: '整改措施长度应为 1–5000 个字符' })
  measures?: string | null;

  @Field(() => CalendarDate, { nullable: true, description: '整改时限' })
  @IsOptional()
  deadline?: string | null;

  @Field(() => String, { nullable: true, description: '应急预案' })
  @IsOptional()
  @Length(1, 5000, { message: '应急预案长度应为 1–5000 个字符' })
  contingencyPlan?: string | null;

  @Field(() => String, { nullable: true, description: '整改资金（元，最多两位小数；重大隐患必填）' })
  @IsOptional()
  @Matches(/^\d{1,12}(\.\d{1,2})?$/, { message: '整改资金应为非负金额，最多两位小数' })
  funds?: string | null;

  @Field(() => String, { nullable: true, description: '向上级单位报告的说明（重大隐患必填）' })
  @IsOptional()
  @Length(1, 1000, { message: '上报说明长度应为 1–1000 个字符' })
  upwardReportNote?: string | null;

  @Field(() => Date, { nullable: true, description: '向上级单位报告的时间（重大隐患必填）' })
  @IsOptional()
  @MaxDate(() => new Date(Date.now() + 60_000), { message: '上报时间不能晚于当前时间' })
  reportedUpwardAt?: Date | null;

  @Field(() => String, { nullable: true, description: '临时管控措施（整改时限较长时必填）' })
  @IsOptional()
  @Length(1, 5000, { message: '临时管控措施长度应为 1–5000 个字符' })
  interimMeasures?: string | null;
}

@InputType({ description: '整改完成，申请验收；整改人为当前用户' })
export class SubmitForAcceptanceInput extends HazardTransitionInput {
  @Field({ description: '整改情况说明' })
  @Length(1, 2000, { message: '整改情况说明长度应为 1–2000 个字符' })
  rectificationNote: string;
}

@InputType({ description: '验收：通过则已验收，不通过则退回整改；不通过时 comment 为必填的验收意见' })
export class AcceptHazardInput extends HazardTransitionInput {
  @Field({ description: '是否验收通过' })
  passed: boolean;
}

@InputType({ description: '即查即改：一般隐患当场整改，全部环节一并记录' })
export class FixOnTheSpotInput extends HazardTransitionInput {
  @Field({ description: '当场采取的整改措施；未填说明时作为每一步的说明' })
  @Length(1, 2000, { message: '整改措施长度应为 1–2000 个字符' })
  measures: string;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}
