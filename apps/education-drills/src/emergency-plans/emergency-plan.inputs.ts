import { ClientRequestIdField } from '@campus/server';
import { CalendarDate, VersionedInput } from '@campus/graphql';
import { ArrayMaxSize, IsInt, IsOptional, Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { EmergencyPlanScenario, EmergencyPlanStatus, EmergencyPlanType } from './emergency-plan-enums';

@InputType()
export class CreateEmergencyPlanInput {
  @Field(() => ID, { description: '编制单位' })
  orgUnitId: string;

  @Field()
  @Length(2, 200, { message: '预案名称长度应为 2–200 个字符' })
  title: string;

  @Field(() => EmergencyPlanType)
  type: EmergencyPlanType;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100, { message: '适用情形最长 100 个字符' })
  scenario?: string;

  @Field(() => [EmergencyPlanScenario], { nullable: true, description: '适用的突发事件类型（可多选）' })
  @IsOptional()
  @ArrayMaxSize(9, { message: '突发事件类型最多 9 项' })
  scenarioTypes?: EmergencyPlanScenario[];

  @Field()
  @Length(1, 32, { message: '版本长度应为 1–32 个字符' })
  versionLabel: string;

  @Field(() => CalendarDate)
  reviewDate: string;

  @Field(() => Int, { nullable: true, description: '评审周期（月），默认 12' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: '评审周期至少 1 个月' })
  @Max(36, { message: '评审周期最长 36 个月（应急预案至少每三年修订一次）' })
  reviewCycleMonths?: number;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType()
export class UpdateEmergencyPlanInput extends VersionedInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 200, { message: '预案名称长度应为 2–200 个字符' })
  title?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 32, { message: '版本长度应为 1–32 个字符' })
  versionLabel?: string;

  @Field(() => [EmergencyPlanScenario], { nullable: true, description: '适用的突发事件类型（可多选）' })
  @IsOptional()
  @ArrayMaxSize(9, { message: '突发事件类型最多 9 项' })
  scenarioTypes?: EmergencyPlanScenario[];

  @Field(() => CalendarDate, { nullable: true })
  @IsOptional()
  reviewDate?: string;

  @Field(() => EmergencyPlanStatus, { nullable: true })
  @IsOptional()
  status?: EmergencyPlanStatus;

  @Field(() => Int, { nullable: true, description: '评审周期（月），默认 12' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: '评审周期至少 1 个月' })
  @Max(36, { message: '评审周期最长 36 个月（应急预案至少每三年修订一次）' })
  reviewCycleMonths?: number;

  @Field(() => String, { nullable: true, description: '修订说明：批准时记入修订记录，首次之后的每次批准必填' })
  @IsOptional()
  @Length(1, 1000, { message: '修订说明长度应为 1–1000 个字符' })
  changeNote?: string;
}

@InputType()
export class EmergencyPlanFilter {
  @Field(() => [EmergencyPlanStatus], { nullable: true })
  @IsOptional()
  status?: EmergencyPlanStatus[];

  @Field(() => [EmergencyPlanType], { nullable: true })
  @IsOptional()
  type?: EmergencyPlanType[];

  @Field(() => [EmergencyPlanScenario], { nullable: true, description: '适用于其中任一突发事件类型的预案' })
  @IsOptional()
  scenarioTypes?: EmergencyPlanScenario[];

  @Field(() => CalendarDate, { nullable: true, description: '评审日期在此日或之前（待评审）' })
  @IsOptional()
  reviewDueBy?: string;
}
