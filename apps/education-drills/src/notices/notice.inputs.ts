import { ClientRequestIdField } from '@campus/server';
import { CalendarDate, VersionedInput } from '@campus/graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { HomeSchoolNoticeStatus } from './notice-enums';

@InputType({ description: '新建家校告知（草稿）：从模板生成，可改写标题和正文' })
export class CreateHomeSchoolNoticeInput {
  @Field(() => ID, { description: '发文单位' })
  orgUnitId: string;

  @Field(() => ID, { nullable: true, description: '模板（内置模板或本单位模板）；不给模板时须给标题和正文' })
  @IsOptional()
  templateId?: string;

  @Field(() => String, { nullable: true, description: '标题；不给时用模板的标题' })
  @IsOptional()
  @Length(2, 200, { message: '标题长度应为 2–200 个字符' })
  title?: string;

  @Field(() => String, { nullable: true, description: '正文；不给时用模板的正文' })
  @IsOptional()
  @Length(10, 5000, { message: '正文长度应为 10–5000 个字符' })
  body?: string;

  @Field(() => CalendarDate, { description: '家长确认截止日期' })
  deadline: string;

  @Field(() => [ID], { description: '告知哪些单位（含下级单位）学生的家长' })
  @ArrayMinSize(1, { message: '至少选择一个单位' })
  @ArrayMaxSize(200, { message: '一次最多选择 200 个单位' })
  targetUnitIds: string[];

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType({ description: '发送家校告知：此刻在册的学生成为告知对象' })
export class SendHomeSchoolNoticeInput extends VersionedInput {}

@InputType({ description: '结束家校告知：不再接受家长确认' })
export class CloseHomeSchoolNoticeInput extends VersionedInput {}

@InputType({ description: '班主任登记家长交回的纸质回执' })
export class RecordHomeSchoolNoticeSlipInput {
  @Field(() => ID)
  noticeId: string;

  @Field(() => ID, { description: '学生（人员 ID）' })
  studentId: string;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType({ description: '新建本单位的告知模板' })
export class CreateHomeSchoolNoticeTemplateInput {
  @Field(() => ID)
  orgUnitId: string;

  @Field()
  @Length(2, 200, { message: '标题长度应为 2–200 个字符' })
  title: string;

  @Field()
  @Length(10, 5000, { message: '正文长度应为 10–5000 个字符' })
  body: string;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType()
export class HomeSchoolNoticeFilter {
  @Field(() => [HomeSchoolNoticeStatus], { nullable: true })
  @IsOptional()
  status?: HomeSchoolNoticeStatus[];
}
