import { CalendarDate, OrgUnitKind, VersionedInput } from '@campus/graphql';
import { ClientRequestIdField } from '@campus/server';
import { ArrayMaxSize, IsOptional, Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ReportCadence, ReportTemplateStatus } from './periodic-report-enums';

export const MAX_TARGETS = 200;

@InputType({ description: '截止规则：第几个周期后的某一天、几点前（不填用各周期的默认：周安排当周一12:00前，月调度次月5日前，季报告季后10日前，年度次年1月15日前）' })
export class DueRuleInput {
  @Field(() => Int, { description: '报送周期之后的第几个周期（0：本周期内；1：下一周期）' })
  @Min(0, { message: '周期偏移不能为负' })
  @Max(1, { message: '周期偏移最多为 1（下一周期）' })
  offsetPeriods: number;

  @Field(() => Int, { description: '周安排为星期几（1 周一 … 7 周日）；其他为该周期首月的几号（超过月末按月末）' })
  @Min(1, { message: '截止日至少为 1' })
  @Max(31, { message: '截止日最多为 31' })
  day: number;

  @Field(() => String, { description: '截止时刻 HH:MM（24:00 为当日结束）', defaultValue: '24:00' })
  time: string;
}

@InputType({ description: '下达报送要求（周安排、月调度、季报告）' })
export class CreateReportTemplateInput {
  @Field(() => ID, { description: '下达单位（本人有管理权限的单位）' })
  orgUnitId: string;

  @Field({ description: '名称，如「二级学院安全工作周安排」' })
  @Length(1, 200, { message: '名称应为 1–200 个字符' })
  title: string;

  @Field(() => ReportCadence, { description: '报送周期' })
  cadence: ReportCadence;

  @Field({ description: '内容要求（报送什么、格式）', defaultValue: '' })
  @Length(0, 4000, { message: '内容要求最多 4000 个字符' })
  guidance: string;

  @Field(() => DueRuleInput, { nullable: true, description: '截止规则，不填用该周期的默认规则' })
  @IsOptional()
  due?: DueRuleInput | null;

  @Field(() => [OrgUnitKind], { nullable: true, description: '报送单位：下达单位的这些类型的全部直属下级单位（与 targetUnitIds 二选一）' })
  @IsOptional()
  targetKinds?: OrgUnitKind[] | null;

  @Field(() => [ID], { nullable: true, description: '报送单位：选定的下级单位（与 targetKinds 二选一）' })
  @IsOptional()
  @ArrayMaxSize(MAX_TARGETS, { message: `报送单位最多 ${MAX_TARGETS} 个` })
  targetUnitIds?: string[] | null;

  @Field(() => CalendarDate, { nullable: true, description: '自哪一天所在的周期起报送，不填为今天' })
  @IsOptional()
  startsOn?: string | null;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType({ description: '停止报送要求' })
export class CloseReportTemplateInput extends VersionedInput {}

@InputType({ description: '报送要求的筛选' })
export class ReportTemplateFilter {
  @Field(() => ID, { nullable: true, description: '下达单位' })
  @IsOptional()
  issuingUnitId?: string;

  @Field(() => ID, { nullable: true, description: '报送单位（该单位须报送的要求）' })
  @IsOptional()
  targetUnitId?: string;

  @Field(() => [ReportCadence], { nullable: true, description: '报送周期' })
  @IsOptional()
  cadence?: ReportCadence[];

  @Field(() => [ReportTemplateStatus], { nullable: true, description: '状态' })
  @IsOptional()
  status?: ReportTemplateStatus[];
}

@InputType({ description: '报送一期的材料' })
export class SubmitPeriodicReportInput {
  @Field(() => ID, { description: '报送要求' })
  templateId: string;

  @Field(() => ID, { description: '报送单位' })
  orgUnitId: string;

  @Field({ description: '报送周期的编号，如 2026-W50、2026-12、2026-Q4、2026（见 PeriodicReportTemplate.periods）' })
  @Length(4, 16, { message: '周期编号无效' })
  periodKey: string;

  @Field({ description: '报送内容' })
  @Length(1, 20000, { message: '报送内容应为 1–20000 个字符' })
  content: string;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType({ description: '修改重报（审阅前或退回后），此前的内容保留为历史版本' })
export class ResubmitPeriodicReportInput extends VersionedInput {
  @Field({ description: '报送内容' })
  @Length(1, 20000, { message: '报送内容应为 1–20000 个字符' })
  content: string;
}

@InputType({ description: '审阅报送材料：已阅或退回修改' })
export class ReviewPeriodicReportInput extends VersionedInput {
  @Field(() => String, { nullable: true, description: '审阅意见（退回时必填）' })
  @IsOptional()
  @Length(1, 1000, { message: '审阅意见应为 1–1000 个字符' })
  comment?: string | null;
}
