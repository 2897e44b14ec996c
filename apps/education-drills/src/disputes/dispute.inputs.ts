import { CalendarDate, VersionedInput } from '@campus/graphql';
import { ClientRequestIdField } from '@campus/server';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DisputeCategory, DisputePartySide, DisputeRiskLevel, DisputeStatus } from './dispute-enums';

@InputType({ description: '当事人：平台内的师生填 personId，校外人员（如家长）填姓名' })
export class DisputePartyInput {
  @Field(() => ID, { nullable: true, description: '平台内人员（学生、教职工）' })
  @IsOptional()
  personId?: string;

  @Field(() => String, { nullable: true, description: '校外人员姓名（未填 personId 时必填）' })
  @IsOptional()
  @Length(1, 100, { message: '当事人姓名长度应为 1–100 个字符' })
  name?: string;

  @Field(() => DisputePartySide)
  side: DisputePartySide;
}

@InputType()
export class RegisterDisputeInput {
  @Field(() => ID, { description: '发生纠纷的单位' })
  orgUnitId: string;

  @Field(() => DisputeCategory)
  category: DisputeCategory;

  @Field({ description: '起因与经过' })
  @Length(2, 1000, { message: '起因与经过长度应为 2–1000 个字符' })
  cause: string;

  @Field(() => [DisputePartyInput], { description: '当事人（至少两方）' })
  @ValidateNested({ each: true })
  @ArrayMinSize(2, { message: '矛盾纠纷至少有两方当事人' })
  @ArrayMaxSize(20, { message: '当事人最多 20 人' })
  parties: DisputePartyInput[];

  @Field(() => CalendarDate, { description: '发现日期' })
  foundOn: string;

  @Field({ description: '发现人（姓名、岗位）' })
  @Length(1, 100, { message: '发现人长度应为 1–100 个字符' })
  foundBy: string;

  @Field(() => DisputeRiskLevel)
  riskLevel: DisputeRiskLevel;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType()
export class AddDisputeMediationInput extends VersionedInput {
  @Field(() => CalendarDate, { description: '调解日期' })
  occurredOn: string;

  @Field({ description: '调解人（姓名、岗位）' })
  @Length(1, 100, { message: '调解人长度应为 1–100 个字符' })
  mediator: string;

  @Field({ description: '做了什么' })
  @Length(2, 1000, { message: '调解过程长度应为 2–1000 个字符' })
  action: string;

  @Field({ description: '结果' })
  @Length(2, 500, { message: '调解结果长度应为 2–500 个字符' })
  outcome: string;

  @Field(() => DisputeRiskLevel, { nullable: true, description: '调解后的风险等级（有调整时填写）' })
  @IsOptional()
  riskLevel?: DisputeRiskLevel;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType()
export class ResolveDisputeInput extends VersionedInput {
  @Field(() => CalendarDate, { description: '化解日期' })
  resolvedOn: string;

  @Field({ description: '化解结果' })
  @Length(2, 500, { message: '化解结果长度应为 2–500 个字符' })
  note: string;
}

@InputType()
export class EscalateDisputeInput extends VersionedInput {
  @Field(() => CalendarDate, { description: '上报或移交日期' })
  escalatedOn: string;

  @Field({ description: '上报或移交的部门（如学校安全保卫处、派出所、教育局）' })
  @Length(2, 200, { message: '部门长度应为 2–200 个字符' })
  escalatedTo: string;

  @Field({ description: '原因' })
  @Length(2, 500, { message: '原因长度应为 2–500 个字符' })
  reason: string;
}

@InputType()
export class CloseDisputeInput extends VersionedInput {
  @Field(() => CalendarDate, { description: '结案日期' })
  closedOn: string;

  @Field({ description: '结案说明' })
  @Length(2, 500, { message: '结案说明长度应为 2–500 个字符' })
  note: string;
}

@InputType()
export class DisputeFilter {
  @Field(() => ID, { nullable: true, description: '单位（含下级）' })
  @IsOptional()
  orgUnitId?: string;

  @Field(() => [DisputeStatus], { nullable: true })
  @IsOptional()
  status?: DisputeStatus[];
}
