import { VersionedInput } from '@campus/graphql';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ASSESSMENT_PERIOD, ASSESSMENT_PERIOD_MESSAGE } from './duty-assessment-rules';

const MAX_ITEMS = 50;

@InputType()
export class DutySelfScoreInput {
  @Field(() => ID, { description: '责任事项' })
  dutyId: string;

  @Field(() => Int, { description: '自评分 0–100' })
  @IsInt({ message: '得分须为整数' })
  @Min(0, { message: '得分不能低于 0' })
  @Max(100, { message: '得分不能高于 100' })
  score: number;

  @Field(() => String, { nullable: true, description: '履职情况说明' })
  @IsOptional()
  @Length(0, 500, { message: '说明最长 500 个字符' })
  comment?: string | null;
}

@InputType()
export class DutyReviewScoreInput {
  @Field(() => ID, { description: '责任事项' })
  dutyId: string;

  @Field(() => Int, { description: '复评分 0–100' })
  @IsInt({ message: '得分须为整数' })
  @Min(0, { message: '得分不能低于 0' })
  @Max(100, { message: '得分不能高于 100' })
  score: number;
}

@InputType()
export class SubmitDutySelfAssessmentInput {
  @Field(() => ID)
  postId: string;

  @Field({ description: '考核期：年度 2026、半年 2026-H2 或季度 2026-Q3' })
  @Matches(ASSESSMENT_PERIOD, { message: ASSESSMENT_PERIOD_MESSAGE })
  period: string;

  @Field(() => [DutySelfScoreInput], { description: '责任清单逐项自评' })
  @ArrayMinSize(1, { message: '至少评一项' })
  @ArrayMaxSize(MAX_ITEMS, { message: `最多 ${MAX_ITEMS} 项` })
  @ValidateNested({ each: true })
  items: DutySelfScoreInput[];
}

/** id and version are the assessment's. */
@InputType()
export class ReviewDutyAssessmentInput extends VersionedInput {
  @Field(() => [DutyReviewScoreInput], { description: '逐项复评' })
  @ArrayMinSize(1, { message: '至少评一项' })
  @ArrayMaxSize(MAX_ITEMS, { message: `最多 ${MAX_ITEMS} 项` })
  @ValidateNested({ each: true })
  items: DutyReviewScoreInput[];

  @Field(() => String, { nullable: true, description: '复评意见' })
  @IsOptional()
  @Length(0, 1000, { message: '复评意见最长 1000 个字符' })
  comment?: string | null;
}
