import { CalendarDate, ConnectionType, OrgUnitReference, orgUnitReference, PersonReference, personReference } from '@campus/graphql';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PeriodicReportState, ReportCadence, ReportSubmissionStatus, ReportTemplateStatus } from './periodic-report-enums';
import { ReportRevisionEntity, ReportSubmissionEntity, ReportTemplateEntity } from './periodic-report.entity';
import { timeOfMinutes } from './report-periods';

@ObjectType('ReportDueRule', { description: '截止规则' })
export class ReportDueRule {
  @Field(() => Int, { description: '报送周期之后的第几个周期（0：本周期内；1：下一周期）' })
  offsetPeriods: number;

  @Field(() => Int, { description: '周安排为星期几（1 周一 … 7 周日）；其他为该周期首月的几号' })
  day: number;

  @Field({ description: '截止时刻 HH:MM（24:00 为当日结束）' })
  time: string;
}

@ObjectType('ReportPeriod', { description: '一个报送周期（按报送周期和日历计算，北京时间）' })
export class ReportPeriodType {
  @Field({ description: '周期编号，如 2026-W50、2026-12、2026-Q4、2026' })
  key: string;

  @Field({ description: '名称，如「2026年第50周」「2026年12月」「2026年第四季度」' })
  label: string;

  @Field(() => CalendarDate)
  startsOn: string;

  @Field(() => CalendarDate)
  endsOn: string;

  @Field({ description: '截止时间（UTC）' })
  dueAt: Date;
}

@ObjectType('PeriodicReportTemplate', { description: '报送要求（周安排、月调度、季报告）：上级单位要求下级单位每期报送' })
export class PeriodicReportTemplate {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field(() => OrgUnitReference, { nullable: true, description: '下达单位' })
  issuingUnit: OrgUnitReference | null;

  @Field()
  title: string;

  @Field(() => ReportCadence)
  cadence: ReportCadence;

  @Field({ description: '内容要求' })
  guidance: string;

  @Field(() => ReportDueRule)
  due: ReportDueRule;

  @Field(() => CalendarDate, { description: '自这一天所在的周期起报送' })
  startsOn: string;

  @Field(() => ReportTemplateStatus)
  status: ReportTemplateStatus;

  @Field(() => PersonReference, { nullable: true, description: '下达人' })
  createdBy: PersonReference | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  closedAt: Date | null;
}

@ObjectType('PeriodicReportRevision', { description: '报送材料的历史版本（修改重报前的内容）' })
export class PeriodicReportRevision {
  @Field(() => Int)
  revision: number;

  @Field()
  content: string;

  @Field()
  submittedAt: Date;

  @Field(() => PersonReference, { nullable: true })
  submittedBy: PersonReference | null;

  @Field(() => String, { nullable: true, description: '该版本被退回时的意见' })
  reviewComment: string | null;
}

@ObjectType('PeriodicReportSubmission', { description: '报送单位一期的报送材料' })
export class PeriodicReportSubmission {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field(() => ID)
  templateId: string;

  @Field(() => OrgUnitReference, { nullable: true, description: '报送单位' })
  orgUnit: OrgUnitReference | null;

  @Field({ description: '报送周期编号' })
  periodKey: string;

  @Field({ description: '报送内容（当前版本）' })
  content: string;

  @Field(() => ReportSubmissionStatus)
  status: ReportSubmissionStatus;

  @Field(() => Int, { description: '当前版本号（首次报送为 1，每次修改重报加 1）' })
  revision: number;

  @Field({ description: '是否逾期报送（首次报送晚于截止时间）' })
  late: boolean;

  @Field({ description: '首次报送时间' })
  firstSubmittedAt: Date;

  @Field({ description: '当前版本的报送时间' })
  submittedAt: Date;

  @Field(() => PersonReference, { nullable: true, description: '报送人（当前版本）' })
  submittedBy: PersonReference | null;

  @Field(() => Date, { nullable: true })
  reviewedAt: Date | null;

  @Field(() => PersonReference, { nullable: true, description: '审阅人' })
  reviewedBy: PersonReference | null;

  @Field(() => String, { nullable: true, description: '审阅意见' })
  reviewComment: string | null;

  /** The issuing unit's path, for canReview (not a GraphQL field). */
  issuingPath?: string;
}

@ObjectType('PeriodicReportUnitStatus', { description: '某一周期一个报送单位的报送情况' })
export class PeriodicReportUnitStatus {
  @Field(() => ID)
  unitId: string;

  @Field(() => String, { nullable: true, description: '单位名称' })
  unitName: string | null;

  @Field(() => OrgUnitReference, { nullable: true, description: '单位详情（在您管辖范围内时）' })
  orgUnit: OrgUnitReference | null;

  @Field(() => PeriodicReportState)
  state: PeriodicReportState;

  @Field(() => PeriodicReportSubmission, { nullable: true })
  submission: PeriodicReportSubmission | null;
}

@ObjectType('PeriodicReportCounts', { description: '某一周期的报送统计（只计您可见的报送单位）' })
export class PeriodicReportCounts {
  @Field(() => Int, { description: '应报单位数' })
  expected: number;

  @Field(() => Int, { description: '按时报送' })
  submitted: number;

  @Field(() => Int, { description: '逾期报送' })
  late: number;

  @Field(() => Int, { description: '未报送（已过截止时间）' })
  missing: number;

  @Field(() => Int, { description: '待报送（未到截止时间）' })
  pending: number;

  @Field(() => Int, { description: '退回修改待重报' })
  returned: number;
}

@ObjectType('PeriodicReportDuty', { description: '一个单位须报送的一期：未到期的当期，或已过期未报的' })
export class PeriodicReportDuty {
  @Field(() => PeriodicReportTemplate)
  template: PeriodicReportTemplate;

  @Field(() => ReportPeriodType)
  period: ReportPeriodType;

  @Field(() => PeriodicReportState)
  state: PeriodicReportState;

  @Field(() => PeriodicReportSubmission, { nullable: true })
  submission: PeriodicReportSubmission | null;
}

@ObjectType('PeriodicReportDuties', { description: '单位的报送任务：待报、逾期未报和退回待重报' })
export class PeriodicReportDuties {
  @Field(() => [PeriodicReportDuty], { description: '各报送要求的当期（待报或已报）和逾期未报的各期，截止时间先的在前' })
  items: PeriodicReportDuty[];

  @Field(() => Int, { description: '待报送（未到截止时间）' })
  pendingCount: number;

  @Field(() => Int, { description: '逾期未报送' })
  overdueCount: number;

  @Field(() => Int, { description: '退回修改待重报' })
  returnedCount: number;
}

@ObjectType('PeriodicReportTemplateConnection')
export class PeriodicReportTemplateConnection extends ConnectionType('PeriodicReportTemplate', PeriodicReportTemplate) {}

@ObjectType('PeriodicReportTemplatePayload')
export class PeriodicReportTemplatePayload {
  @Field(() => PeriodicReportTemplate)
  template: PeriodicReportTemplate;
}

@ObjectType('PeriodicReportSubmissionPayload')
export class PeriodicReportSubmissionPayload {
  @Field(() => PeriodicReportSubmission)
  submission: PeriodicReportSubmission;
}

export function toReportTemplate(row: ReportTemplateEntity): PeriodicReportTemplate {
  return {
    id: row.id,
    version: row.version,
    issuingUnit: orgUnitReference(row.orgUnitId),
    title: row.title,
    cadence: row.cadence,
    guidance: row.guidance,
    due: { offsetPeriods: row.dueOffsetPeriods, day: row.dueDay, time: timeOfMinutes(row.dueMinutes) },
    startsOn: calendarDay(row.startsOn),
    status: row.status,
    createdBy: personReference(row.createdByPersonId),
    createdAt: row.createdAt,
    closedAt: row.closedAt,
  };
}

export function toReportSubmission(row: ReportSubmissionEntity): PeriodicReportSubmission {
  return {
    id: row.id,
    version: row.version,
    templateId: row.templateId,
    orgUnit: orgUnitReference(row.orgUnitId),
    periodKey: row.periodKey,
    content: row.content,
    status: row.status,
    revision: row.revision,
    late: Boolean(row.late),
    firstSubmittedAt: row.firstSubmittedAt,
    submittedAt: row.submittedAt,
    submittedBy: personReference(row.submittedByPersonId),
    reviewedAt: row.reviewedAt,
    reviewedBy: personReference(row.reviewedByPersonId),
    reviewComment: row.reviewComment,
    issuingPath: row.issuingPath,
  };
}

export function toReportRevision(row: ReportRevisionEntity): PeriodicReportRevision {
  return {
    revision: row.revision,
    content: row.content,
    submittedAt: row.submittedAt,
    submittedBy: personReference(row.submittedByPersonId),
    reviewComment: row.reviewComment,
  };
}

/** A DATE column as a calendar day, whether the driver hands a string or a Date. */
export function calendarDay(value: string | Date): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}
