import { ClientRequestIdField } from '@campus/server';
import { CalendarDate, VersionedInput } from '@campus/graphql';
import { IsIn, IsOptional, Length, Max, Min } from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import { HazardCategory } from '../hazards/hazard-enums';
import { LEC_CONSEQUENCE, LEC_EXPOSURE, RiskLevel, RiskMethod } from './risk-level';

@InputType({ description: '评价：矩阵法填 likelihood(1–5)、severity(1–5)；LEC 法填 likelihood、exposure、consequence（取标准分值）' })
export class RiskAssessmentInput {
  @Field(() => RiskMethod)
  method: RiskMethod;

  @Field(() => Float)
  @Min(0.1, { message: '可能性分值无效' })
  @Max(10, { message: '可能性分值无效' })
  likelihood: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(1, { message: '严重性应为 1–5' })
  @Max(5, { message: '严重性应为 1–5' })
  severity?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsIn(LEC_EXPOSURE, { message: `暴露频率 E 应为 ${LEC_EXPOSURE.join('、')} 之一` })
  exposure?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsIn(LEC_CONSEQUENCE, { message: `后果 C 应为 ${LEC_CONSEQUENCE.join('、')} 之一` })
  consequence?: number;
}

@InputType()
export class CreateRiskPointInput {
  @Field(() => ID, { description: '管控单位' })
  orgUnitId: string;

  @Field()
  @Length(2, 200, { message: '风险点名称长度应为 2–200 个字符' })
  name: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  placeId?: string;

  @Field()
  @Length(1, 200, { message: '部位长度应为 1–200 个字符' })
  placeText: string;

  @Field(() => HazardCategory)
  category: HazardCategory;

  @Field(() => RiskAssessmentInput)
  assessment: RiskAssessmentInput;

  @Field()
  @Length(2, 5000, { message: '管控措施长度应为 2–5000 个字符' })
  controlMeasures: string;

  @Field(() => ID, { nullable: true, description: '管控责任人' })
  @IsOptional()
  controllerPersonId?: string;

  @Field(() => CalendarDate)
  reviewDate: string;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType({ description: '复评：重新评价并确定下次评审日期' })
export class ReviewRiskPointInput extends VersionedInput {
  @Field(() => RiskAssessmentInput)
  assessment: RiskAssessmentInput;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 5000, { message: '管控措施长度应为 2–5000 个字符' })
  controlMeasures?: string;

  @Field(() => CalendarDate)
  nextReviewDate: string;
}

@InputType()
export class RiskPointFilter {
  @Field(() => [RiskLevel], { nullable: true })
  @IsOptional()
  levels?: RiskLevel[];

  @Field(() => [HazardCategory], { nullable: true })
  @IsOptional()
  categories?: HazardCategory[];

  @Field({ defaultValue: false, description: '只看评审已逾期的（评审日期早于今天）' })
  reviewOverdue: boolean;

  @Field(() => ID, { nullable: true, description: '只看该单位及其下级单位的风险点' })
  @IsOptional()
  orgUnitId?: string;

  @Field({ defaultValue: false, description: '包括已销号的风险点（默认只列在管的）' })
  includeStruckOff: boolean;
}

@InputType({ description: '风险点销号：填写原因；审批人为操作人本人' })
export class StrikeOffRiskPointInput extends VersionedInput {
  @Field({ description: '销号原因' })
  @Length(2, 1000, { message: '销号原因长度应为 2–1000 个字符' })
  reason: string;

  @Field(() => CalendarDate, { nullable: true, description: '销号日期，默认今天；不能晚于今天' })
  @IsOptional()
  struckOffOn?: string;
}
