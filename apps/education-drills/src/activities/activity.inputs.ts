import { ClientRequestIdField } from '@campus/server';
import { CalendarDate, VersionedInput } from '@campus/graphql';
import { ArrayMaxSize, ArrayMinSize, IsBase64, IsOptional, Length, Matches } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { AudienceKind } from '../people/audience-kind';
import { EducationActivityKind, EducationActivityStatus, EducationTopic } from './activity-enums';

@InputType({ description: '组织安全教育活动' })
export class CreateEducationActivityInput {
  @Field(() => ID, { description: '组织单位' })
  orgUnitId: string;

  @Field({ description: '活动名称' })
  @Length(2, 200, { message: '活动名称长度应为 2–200 个字符' })
  title: string;

  @Field(() => EducationActivityKind)
  kind: EducationActivityKind;

  @Field(() => [EducationTopic], { description: '主题，1–5 个' })
  @ArrayMinSize(1, { message: '至少选择一个主题' })
  @ArrayMaxSize(5, { message: '最多选择 5 个主题' })
  topics: EducationTopic[];

  @Field(() => [ID], { nullable: true, description: '参加单位（组织单位或其下级单位），默认组织单位本身' })
  @IsOptional()
  @ArrayMinSize(1, { message: '至少选择一个参加单位' })
  @ArrayMaxSize(200, { message: '参加单位最多 200 个' })
  audienceUnitIds?: string[];

  @Field(() => [AudienceKind], { description: '参加对象类别' })
  @ArrayMinSize(1, { message: '至少选择一类参加对象' })
  audienceKinds: AudienceKind[];

  @Field({ description: '开始时间' })
  startsAt: Date;

  @Field({ description: '结束时间' })
  endsAt: Date;

  @Field(() => String, { nullable: true, description: '地点' })
  @IsOptional()
  @Length(1, 200, { message: '地点最长 200 个字符' })
  placeText?: string;

  @Field(() => String, { nullable: true, description: '主讲人' })
  @IsOptional()
  @Length(1, 100, { message: '主讲人最长 100 个字符' })
  lecturer?: string;

  @Field(() => String, { nullable: true, description: '教育材料说明（课件、视频、案例等）' })
  @IsOptional()
  @Length(1, 2000, { message: '材料说明最长 2000 个字符' })
  materials?: string;

  @Field(() => Date, { nullable: true, description: '签到开始时间，默认开始前 30 分钟' })
  @IsOptional()
  checkInOpensAt?: Date;

  @Field(() => Date, { nullable: true, description: '签到截止时间，默认结束后 30 分钟' })
  @IsOptional()
  checkInClosesAt?: Date;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType({ description: '修改安全教育活动（参加对象不可改）' })
export class UpdateEducationActivityInput extends VersionedInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 200, { message: '活动名称长度应为 2–200 个字符' })
  title?: string;

  @Field(() => EducationActivityKind, { nullable: true })
  @IsOptional()
  kind?: EducationActivityKind;

  @Field(() => [EducationTopic], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1, { message: '至少选择一个主题' })
  @ArrayMaxSize(5, { message: '最多选择 5 个主题' })
  topics?: EducationTopic[];

  @Field(() => Date, { nullable: true })
  @IsOptional()
  startsAt?: Date;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  endsAt?: Date;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200, { message: '地点最长 200 个字符' })
  placeText?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100, { message: '主讲人最长 100 个字符' })
  lecturer?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 2000, { message: '材料说明最长 2000 个字符' })
  materials?: string;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  checkInOpensAt?: Date;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  checkInClosesAt?: Date;

  @Field(() => [ID], { nullable: true, description: '参加单位（组织单位或其下级单位）；仅在尚无签到记录时可改' })
  @IsOptional()
  @ArrayMinSize(1, { message: '至少选择一个参加单位' })
  @ArrayMaxSize(200, { message: '参加单位最多 200 个' })
  audienceUnitIds?: string[];

  @Field(() => [AudienceKind], { nullable: true, description: '参加对象类别；仅在尚无签到记录时可改' })
  @IsOptional()
  @ArrayMinSize(1, { message: '至少选择一类参加对象' })
  audienceKinds?: AudienceKind[];
}

@InputType({ description: '取消安全教育活动（仅限尚无签到记录的活动）' })
export class CancelEducationActivityInput extends VersionedInput {
  @Field({ description: '取消原因' })
  @Length(2, 200, { message: '取消原因长度应为 2–200 个字符' })
  reason: string;
}

@InputType({ description: '导入签到表 (.xlsx)：第一行为表头 人员编号，或 姓名 与 单位代码' })
export class ImportEducationAttendanceInput {
  @Field(() => ID)
  activityId: string;

  @Field({ description: '文件内容，Base64 编码，最大约 15 MB' })
  @IsBase64({}, { message: '文件内容应为 Base64 编码' })
  @Length(1, 20_000_000, { message: '文件过大' })
  contentBase64: string;

  @Field({ defaultValue: false, description: '只校验不导入' })
  dryRun: boolean;
}

@InputType({ description: '组织者登记签到' })
export class MarkEducationAttendanceInput {
  @Field(() => ID)
  activityId: string;

  @Field(() => [ID], { description: '到场人员' })
  @ArrayMinSize(1, { message: '至少登记一人' })
  @ArrayMaxSize(5000, { message: '一次最多登记 5000 人' })
  personIds: string[];
}

@InputType({ description: '本人签到码签到' })
export class CheckInEducationActivityInput {
  @Field({ description: '现场公布的 8 位签到码' })
  @Matches(/^[A-Za-z0-9]{8}$/, { message: '签到码应为 8 位字母或数字' })
  code: string;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType()
export class EducationActivityFilter {
  @Field(() => ID, { nullable: true, description: '组织单位（含下级单位）' })
  @IsOptional()
  orgUnitId?: string;

  @Field(() => CalendarDate, { nullable: true, description: '开始日期起（含）' })
  @IsOptional()
  from?: string;

  @Field(() => CalendarDate, { nullable: true, description: '开始日期止（含）' })
  @IsOptional()
  to?: string;

  @Field(() => [EducationTopic], { nullable: true })
  @IsOptional()
  topics?: EducationTopic[];

  @Field(() => [EducationActivityKind], { nullable: true })
  @IsOptional()
  kinds?: EducationActivityKind[];

  @Field(() => [EducationActivityStatus], { nullable: true })
  @IsOptional()
  status?: EducationActivityStatus[];
}

@ArgsType()
export class EducationCoverageArgs {
  @Field(() => CalendarDate, { description: '活动开始日期起（含）' })
  from: string;

  @Field(() => CalendarDate, { description: '活动开始日期止（含）' })
  to: string;

  @Field(() => EducationTopic, { nullable: true, description: '只计该主题的活动；不填为任何主题' })
  @IsOptional()
  topic?: EducationTopic | null;

  @Field(() => [AudienceKind], { nullable: true, description: '计入的人员类别，默认全部（全员覆盖）' })
  @IsOptional()
  @ArrayMinSize(1, { message: '至少选择一类人员' })
  kinds?: AudienceKind[] | null;
}
