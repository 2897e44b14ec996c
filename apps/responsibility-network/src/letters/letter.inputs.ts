import { ClientRequestIdField } from '@campus/server';
import { VersionedInput } from '@campus/graphql';
import { ArrayMaxSize, IsOptional, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { LetterStatus } from './letter-enums';

const MAX_ITEMS = 100;
/** At least one visible character: empty and whitespace-only text get one message. */
const NOT_BLANK = /\S/;
const SIGNER_DEPRECATION = '签署人由系统按受领单位第一责任人（持有该单位“单位负责人”授权的人员）自动确定，无需填写；如填写，须为该第一责任人';

@InputType({ description: '一项目标责任内容' })
export class LetterItemInput {
  @Field({ description: '目标责任内容' })
  @MaxLength(500, { message: '目标内容最多 500 个字符' })
  @Matches(NOT_BLANK, { message: '目标内容不能为空' })
  content: string;

  @Field(() => Float, { nullable: true, description: '分值/权重（可选）' })
  @IsOptional()
  @Min(0, { message: '分值不能为负数' })
  @Max(1000, { message: '分值不能超过 1000' })
  weight?: number | null;
}

function Year(): PropertyDecorator {
  return (target, property) => {
    Min(2000, { message: '年度不早于 2000' })(target, property);
    Max(2100, { message: '年度不晚于 2100' })(target, property);
  };
}

@InputType()
export class CreateResponsibilityLetterInput {
  @Field(() => ID, { description: '发文单位（教育局或上级单位）' })
  issuerUnitId: string;

  @Field(() => ID, { description: '受领单位，须为发文单位的下级' })
  recipientUnitId: string;

  @Field(() => ID, { nullable: true, description: '签署人：受领单位第一责任人（可不填，自动确定）', deprecationReason: SIGNER_DEPRECATION })
  @IsOptional()
  recipientPersonId?: string | null;

  @Field(() => Int, { description: '责任年度' })
  @Year()
  year: number;

  @Field()
  @MaxLength(200, { message: '标题最多 200 个字符' })
  @Matches(NOT_BLANK, { message: '标题不能为空' })
  title: string;

  @Field(() => [LetterItemInput], { defaultValue: [], description: '目标责任内容，按顺序' })
  @ArrayMaxSize(MAX_ITEMS, { message: `目标内容最多 ${MAX_ITEMS} 项` })
  @ValidateNested({ each: true })
  items: LetterItemInput[];

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType()
export class UpdateResponsibilityLetterInput extends VersionedInput {
  @Field(() => ID, { nullable: true, description: '改换受领单位' })
  @IsOptional()
  recipientUnitId?: string;

  @Field(() => ID, { nullable: true, description: '签署人：须为受领单位第一责任人（可不填，自动确定）', deprecationReason: SIGNER_DEPRECATION })
  @IsOptional()
  recipientPersonId?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Year()
  year?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200, { message: '标题最多 200 个字符' })
  @Matches(NOT_BLANK, { message: '标题不能为空' })
  title?: string;

  @Field(() => [LetterItemInput], { nullable: true, description: '整体替换目标责任内容' })
  @IsOptional()
  @ArrayMaxSize(MAX_ITEMS, { message: `目标内容最多 ${MAX_ITEMS} 项` })
  @ValidateNested({ each: true })
  items?: LetterItemInput[];
}

@InputType()
export class IssueResponsibilityLetterInput extends VersionedInput {}

@InputType()
export class DeleteResponsibilityLetterInput extends VersionedInput {}

@InputType()
export class SignResponsibilityLetterInput extends VersionedInput {}

@InputType()
export class RevokeResponsibilityLetterInput extends VersionedInput {
  @Field({ description: '撤销原因' })
  @MaxLength(500, { message: '撤销原因最多 500 个字符' })
  @Matches(NOT_BLANK, { message: '撤销原因不能为空' })
  reason: string;
}

@InputType()
export class ExpireResponsibilityLettersInput {
  @Field(() => ID, { description: '发文单位' })
  issuerUnitId: string;

  @Field(() => Int, { description: '已结束的责任年度' })
  @Year()
  year: number;
}

@InputType({ description: '续签：按上一年度已下达、已签署或已到期的责任书，为各受领单位起草新年度的草稿' })
export class RenewResponsibilityLettersInput {
  @Field(() => ID, { description: '发文单位' })
  issuerUnitId: string;

  @Field(() => Int, { description: '续签所依据的年度' })
  @Year()
  fromYear: number;

  @Field(() => Int, { nullable: true, description: '新的责任年度，默认为 fromYear 的下一年' })
  @IsOptional()
  @Year()
  toYear?: number | null;

  @Field(() => [ID], { nullable: true, description: '只续签这些受领单位；不填为全部' })
  @IsOptional()
  @ArrayMaxSize(500, { message: '一次最多续签 500 个单位' })
  recipientUnitIds?: string[] | null;
}

@InputType()
export class ResponsibilityLetterFilter {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  year?: number;

  @Field(() => LetterStatus, { nullable: true })
  @IsOptional()
  status?: LetterStatus;

  @Field(() => ID, { nullable: true, description: '发文单位' })
  @IsOptional()
  issuerUnitId?: string;

  @Field(() => ID, { nullable: true, description: '受领单位' })
  @IsOptional()
  recipientUnitId?: string;

  @Field(() => Boolean, { nullable: true, description: '只看（或排除）待重新签署的' })
  @IsOptional()
  needsResigning?: boolean;
}
