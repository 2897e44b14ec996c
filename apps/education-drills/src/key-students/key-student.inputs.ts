import { CalendarDate, VersionedInput } from '@campus/graphql';
import { ClientRequestIdField } from '@campus/server';
import { IsOptional, Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { KeyStudentReason, KeyStudentStatus } from './key-student-enums';

@InputType()
export class AddKeyStudentInput {
  @Field(() => ID, { description: '学生（人员类别为学生）' })
  studentId: string;

  @Field(() => KeyStudentReason)
  reasonCategory: KeyStudentReason;

  @Field({ description: '具体情况' })
  @Length(2, 1000, { message: '具体情况长度应为 2–1000 个字符' })
  description: string;

  @Field(() => ID, { description: '责任教师（班主任或辅导员，教职工）' })
  responsibleTeacherId: string;

  @Field(() => CalendarDate, { description: '开始关注日期' })
  since: string;

  @Field(() => CalendarDate, { nullable: true, description: '首次跟进日期' })
  @IsOptional()
  nextFollowUpDate?: string;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType()
export class AddKeyStudentFollowUpInput extends VersionedInput {
  @Field(() => CalendarDate, { description: '跟进日期' })
  occurredOn: string;

  @Field({ description: '跟进人（姓名、岗位）' })
  @Length(1, 100, { message: '跟进人长度应为 1–100 个字符' })
  performedBy: string;

  @Field({ description: '跟进内容' })
  @Length(2, 1000, { message: '跟进内容长度应为 2–1000 个字符' })
  content: string;

  @Field(() => CalendarDate, { nullable: true, description: '下次跟进日期；不填表示暂不约定' })
  @IsOptional()
  nextFollowUpDate?: string;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType()
export class ReleaseKeyStudentInput extends VersionedInput {
  @Field(() => CalendarDate, { description: '解除关注日期' })
  releasedOn: string;

  @Field({ description: '解除原因' })
  @Length(2, 500, { message: '解除原因长度应为 2–500 个字符' })
  reason: string;
}

@InputType()
export class KeyStudentFilter {
  @Field(() => ID, { nullable: true, description: '单位（含下级）' })
  @IsOptional()
  orgUnitId?: string;

  @Field(() => [KeyStudentStatus], { nullable: true })
  @IsOptional()
  status?: KeyStudentStatus[];

  @Field(() => [KeyStudentReason], { nullable: true })
  @IsOptional()
  reasonCategory?: KeyStudentReason[];
}

@InputType()
export class KeyStudentFollowUpsDueFilter {
  @Field(() => ID, { nullable: true, description: '单位（含下级）' })
  @IsOptional()
  orgUnitId?: string;

  @Field(() => Int, { defaultValue: 0, description: '包括今后几天内到期的（0：今天及以前到期的）' })
  @Min(0, { message: '天数不能为负' })
  @Max(90, { message: '最多提前 90 天' })
  withinDays: number;
}
