import { VersionedInput } from '@campus/graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { AppraisalPeriod, IndicatorKind, IndicatorMetric } from './appraisal-enums';

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
}

@InputType()
export class CreateAppraisalSchemeInput {
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
}

@InputType()
export class UpdateAppraisalSchemeInput extends VersionedInput {
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
