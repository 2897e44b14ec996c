import { ClientRequestIdField } from '@campus/server';
import { VersionedInput } from '@campus/graphql';
import { IsOptional, Length, Max, MaxDate, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IncidentSeverity, IncidentType } from './incident-enums';

/** A minute of clock skew between client and server is tolerated. */
const notLaterThanNow = () => new Date(Date.now() + 60_000);

@InputType({ description: '报告安全事件（初报）' })
export class ReportIncidentInput {
  @Field(() => ID, { description: '发生单位' })
  orgUnitId: string;

  @Field(() => IncidentType)
  type: IncidentType;

  @Field(() => IncidentSeverity)
  severity: IncidentSeverity;

  @Field({ description: '发生时间，不能晚于现在' })
  @MaxDate(notLaterThanNow, { message: '发生时间不能晚于当前时间' })
  occurredAt: Date;

  @Field(() => Date, { nullable: true, description: '报告时间，默认为现在；不能早于发生时间' })
  @IsOptional()
  @MaxDate(notLaterThanNow, { message: '报告时间不能晚于当前时间' })
  reportedAt?: Date | null;

  @Field({ description: '发生地点' })
  @Length(1, 200, { message: '发生地点长度应为 1–200 个字符' })
  placeText: string;

  @Field(() => Int, { defaultValue: 0, description: '死亡人数' })
  @Min(0, { message: '死亡人数不能为负数' })
  @Max(100_000, { message: '死亡人数过大' })
  deaths: number;

  @Field(() => Int, { defaultValue: 0, description: '受伤人数' })
  @Min(0, { message: '受伤人数不能为负数' })
  @Max(100_000, { message: '受伤人数过大' })
  injuries: number;

  @Field({ description: '事件经过' })
  @Length(2, 5000, { message: '事件经过长度应为 2–5000 个字符' })
  description: string;

  @Field({ description: '已采取的处置措施' })
  @Length(2, 5000, { message: '处置措施长度应为 2–5000 个字符' })
  immediateMeasures: string;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType({ description: '续报：事件处置进展' })
export class AddIncidentFollowUpInput extends VersionedInput {
  @Field()
  @Length(2, 5000, { message: '续报内容长度应为 2–5000 个字符' })
  content: string;

  @Field(() => Date, { nullable: true, description: '进展发生的时间，默认为现在；不能早于事件发生时间' })
  @IsOptional()
  @MaxDate(notLaterThanNow, { message: '续报时间不能晚于当前时间' })
  at?: Date | null;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType({ description: '结案' })
export class CloseIncidentInput extends VersionedInput {
  @Field({ description: '结案结论（原因、责任、处理结果）' })
  @Length(2, 5000, { message: '结案结论长度应为 2–5000 个字符' })
  conclusion: string;
}

@InputType()
export class IncidentFilter {
  @Field(() => [IncidentSeverity], { nullable: true })
  @IsOptional()
  severities?: IncidentSeverity[];

  @Field(() => [IncidentType], { nullable: true })
  @IsOptional()
  types?: IncidentType[];

  @Field(() => Date, { nullable: true, description: '发生时间不早于' })
  @IsOptional()
  occurredFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: '发生时间不晚于' })
  @IsOptional()
  occurredTo?: Date | null;
}
