import { ClientRequestIdField } from '@campus/server';
import { OrgUnitKind } from '@campus/graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { AppraisalPeriod, IndicatorKind, IndicatorMetric, ScoringRuleKind, VetoRuleKind } from './appraisal-enums';

@InputType({ description: '分档计分的一档' })
export class ScoreBandInput {
  @Field(() => Float, { description: '本档下限（指标值达到即得本档分）' })
  atLeast: number;

  @Field(() => Float, { description: '得分比例（%，0–100）' })
  percent: number;
}

@InputType({ description: '计分规则：LINEAR 填 zeroAt、fullAt；DEDUCTION 填 perOccurrence（可填 cap）；BANDS 填 bands（从高到低）' })
export class ScoringRuleInput {
  @Field(() => ScoringRuleKind)
  kind: ScoringRuleKind;

  @Field(() => Float, { nullable: true, description: '零分点（线性）' })
  zeroAt?: number;

  @Field(() => Float, { nullable: true, description: '满分点（线性）' })
  fullAt?: number;

  @Field(() => Float, { nullable: true, description: '每次扣分（扣分）' })
  perOccurrence?: number;

  @Field(() => Float, { nullable: true, description: '扣分上限（扣分），缺省为该指标权重' })
  cap?: number;

  @Field(() => [ScoreBandInput], { nullable: true, description: '各档（分档）' })
  bands?: ScoreBandInput[];
}

@InputType({ description: '考核等次及其分数线' })
export class GradeBandInput {
  @Field()
  @Length(1, 16, { message: '等次名称长度应为 1–16 个字符' })
  grade: string;

  @Field(() => Float, { description: '分数线（总分达到即为本等次）' })
  minimum: number;
}

@InputType()
export class IndicatorInput {
  @Field()
  @Length(1, 100, { message: '指标名称长度应为 1–100 个字符' })
  name: string;

  @Field(() => Float)
  @Min(0.01, { message: '权重必须大于 0' })
  @Max(100, { message: '权重不能超过 100' })
  weight: number;

  @Field(() => IndicatorKind)
  kind: IndicatorKind;

  @Field(() => IndicatorMetric, { nullable: true, description: '自动指标必填' })
  @IsOptional()
  metric?: IndicatorMetric;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 500, { message: '说明最长 500 个字符' })
  description?: string;

  @Field(() => ScoringRuleInput, { nullable: true, description: '计分规则；自动指标发布前必填，人工指标由评分人直接打分' })
  @IsOptional()
  rule?: ScoringRuleInput;
}

/** What a scheme says besides its indicators, all optional: defaults are the units directly below, 优秀/良好/合格/不合格 at 90/80/60, no veto rule, 7 days of objection. */
@InputType()
abstract class SchemeRulesInput {
  @Field(() => OrgUnitKind, { nullable: true, description: '被考核单位类型（方案单位之下该类型的全部单位）；缺省为直属下级单位' })
  @IsOptional()
  appraisedUnitKind?: OrgUnitKind;

  @Field(() => [GradeBandInput], { nullable: true, description: '等次（分数线从高到低，最低为 0）' })
  @IsOptional()
  gradeBands?: GradeBandInput[];

  @Field(() => [VetoRuleKind], { nullable: true, description: '一票否决情形' })
  @IsOptional()
  vetoRules?: VetoRuleKind[];

  @Field(() => Int, { nullable: true, description: '结果公示后的申诉期（天）' })
  @IsOptional()
  @Min(0, { message: '申诉期不能为负' })
  @Max(60, { message: '申诉期最长 60 天' })
  objectionDays?: number;
}

@InputType()
export class CreateAppraisalSchemeInput extends SchemeRulesInput {
  @Field(() => ID, { description: '制定方案的单位' })
  orgUnitId: string;

  @Field()
  @Length(2, 200, { message: '方案名称长度应为 2–200 个字符' })
  name: string;

  @Field(() => Int)
  @Min(2000, { message: '年度不早于 2000' })
  @Max(2100, { message: '年度不晚于 2100' })
  year: number;

  @Field(() => AppraisalPeriod)
  period: AppraisalPeriod;

  @Field(() => [IndicatorInput])
  @ArrayMinSize(1, { message: '至少需要一项指标' })
  @ArrayMaxSize(50, { message: '指标最多 50 项' })
  @ValidateNested({ each: true })
  indicators: IndicatorInput[];

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType()
export class UpdateAppraisalSchemeInput extends SchemeRulesInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: '读取时的版本号' })
  @Min(1, { message: '版本号无效' })
  version: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 200, { message: '方案名称长度应为 2–200 个字符' })
  name?: string;

  @Field(() => [IndicatorInput], { nullable: true, description: '整体替换指标表' })
  @IsOptional()
  @ArrayMinSize(1, { message: '至少需要一项指标' })
  @ArrayMaxSize(50, { message: '指标最多 50 项' })
  @ValidateNested({ each: true })
  indicators?: IndicatorInput[];
}

@InputType()
export class AppraisalSchemeFilter {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  year?: number;
}
