import { CalendarDate, ConnectionType, OrgUnitReference, orgUnitReference, PersonReference, personReference } from '@campus/graphql';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { HazardCategory } from '../hazards/hazard-enums';
import { CampaignPhaseKind, CampaignReportState, CampaignStatus } from './campaign-enums';
import { CampaignEntity, CampaignReportEntity, CampaignSnapshotEntity } from './campaign.entity';

/** A unit named in a campaign: its name (from the local org projection) is shown to everyone who sees the campaign. */
@ObjectType('CampaignUnit', { description: '专项整治中的单位：名称对能看到该专项整治的人可见，单位详情须在您的管辖范围内' })
export class CampaignUnit {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true, description: '单位名称（统计表快照中为冻结时的名称）' })
  name: string | null;

  @Field(() => OrgUnitReference, { nullable: true, description: '单位详情（在您管辖范围内时）' })
  orgUnit: OrgUnitReference | null;
}

export function campaignUnit(id: string, name: string | null): CampaignUnit {
  return { id, name, orgUnit: orgUnitReference(id) };
}

@ObjectType('Campaign', { description: '专项整治' })
export class Campaign {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field(() => String, { nullable: true, description: '文号' })
  documentNumber: string | null;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => CalendarDate)
  startsOn: string;

  @Field(() => CalendarDate)
  endsOn: string;

  @Field(() => CampaignStatus)
  status: CampaignStatus;

  @Field(() => Date, { nullable: true, description: '印发时间' })
  publishedAt: Date | null;

  @Field(() => Date, { nullable: true, description: '结束时间' })
  closedAt: Date | null;

  @Field()
  createdAt: Date;

  @Field(() => Int)
  version: number;

  /** Not exposed: the scope unit and its path, for field resolvers and scope checks. */
  orgUnitId: string;
  orgPath: string;
}

@ObjectType('CampaignPhase', { description: '专项整治阶段' })
export class CampaignPhase {
  @Field(() => CampaignPhaseKind)
  kind: CampaignPhaseKind;

  @Field(() => CalendarDate, { description: '截止日期（含）' })
  deadline: string;

  @Field(() => String, { nullable: true })
  description: string | null;
}

@ObjectType('CampaignFocusArea', { description: '整治重点' })
export class CampaignFocusArea {
  @Field(() => Int, { description: '序号（一、二、三……）' })
  seq: number;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => HazardCategory, { nullable: true })
  category: HazardCategory | null;

  @Field(() => [CampaignUnit], { description: '牵头部门' })
  leadUnits: CampaignUnit[];

  @Field(() => [CampaignUnit], { description: '责任部门' })
  responsibleUnits: CampaignUnit[];
}

@ObjectType('CampaignReport', { description: '单位报送的《隐患问题统计表》' })
export class CampaignReport {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  campaignId: string;

  @Field(() => CalendarDate)
  reportDate: string;

  @Field(() => OrgUnitReference, { nullable: true, description: '报送单位' })
  orgUnit: OrgUnitReference | null;

  @Field(() => String, { nullable: true, description: '情况说明' })
  note: string | null;

  @Field()
  submittedAt: Date;

  @Field({ description: '是否逾期报送（晚于报送日期）' })
  late: boolean;

  @Field(() => PersonReference, { nullable: true, description: '报送人' })
  submittedBy: PersonReference | null;
}

@ObjectType('CampaignUnitReport', { description: '某报送日期一个报送单位的报送情况' })
export class CampaignUnitReport {
  @Field(() => CampaignUnit)
  unit: CampaignUnit;

  @Field(() => CampaignReportState)
  state: CampaignReportState;

  @Field(() => CampaignReport, { nullable: true })
  report: CampaignReport | null;
}

/** The figures of the statistics table (隐患问题统计表), for one line or the total. */
@ObjectType('CampaignFigures', { description: '隐患问题统计数字' })
export class CampaignFigures {
  @Field(() => Int, { description: '发现隐患数（不含作废）' })
  found: number;

  @Field(() => Int, { description: '一般隐患' })
  general: number;

  @Field(() => Int, { description: '重大隐患' })
  major: number;

  @Field(() => Int, { description: '已整改（已验收、已销号、已存档）' })
  rectified: number;

  @Field(() => Int, { description: '整改中（发现数 − 已整改）' })
  rectifying: number;

  @Field(() => Int, { description: '逾期未整改：整改期限早于报送日期（实时统计为今日）且尚未验收' })
  overdue: number;

  @Field(() => Float, { nullable: true, description: '整改率 = 已整改 ÷ 发现隐患数；无隐患时为空' })
  rectificationRate: number | null;
}

@ObjectType('CampaignStatisticsRow', { description: '统计表的一行：单位 × 隐患类别' })
export class CampaignStatisticsRow extends CampaignFigures {
  @Field(() => CampaignUnit, { description: '单位（隐患所属单位）' })
  unit: CampaignUnit;

  @Field(() => HazardCategory)
  category: HazardCategory;

  /** Not exposed: scope of the line. */
  orgPath: string;
}

@ObjectType('CampaignStatistics', { description: '实时统计（未冻结）' })
export class CampaignStatistics {
  @Field({ description: '统计时间' })
  asOf: Date;

  @Field(() => [CampaignStatisticsRow])
  rows: CampaignStatisticsRow[];

  @Field(() => CampaignFigures, { description: '合计（您可见的各行）' })
  totals: CampaignFigures;
}

@ObjectType('CampaignSnapshot', { description: '某报送日期冻结的《隐患问题统计表》，冻结后不再改变' })
export class CampaignSnapshot {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  campaignId: string;

  @Field(() => CalendarDate)
  reportDate: string;

  @Field({ description: '统计截止时刻（报送日期 0 时，即截至前一日 24 时）' })
  cutoffAt: Date;

  @Field({ description: '冻结时间' })
  frozenAt: Date;
}

@ObjectType()
export class CampaignConnection extends ConnectionType('Campaign', Campaign) {}

@ObjectType()
export class CampaignPayload {
  @Field(() => Campaign)
  campaign: Campaign;
}

@ObjectType()
export class CampaignReportPayload {
  @Field(() => CampaignReport)
  report: CampaignReport;
}

export function toCampaign(entity: CampaignEntity): Campaign {
  return {
    id: entity.id,
    title: entity.title,
    documentNumber: entity.documentNumber,
    description: entity.description,
    orgUnitId: entity.orgUnitId,
    startsOn: calendarDay(entity.startsOn),
    endsOn: calendarDay(entity.endsOn),
    status: entity.status,
    publishedAt: entity.publishedAt,
    closedAt: entity.closedAt,
    createdAt: entity.createdAt,
    version: entity.version,
    orgPath: entity.orgPath,
  };
}

export function toCampaignReport(entity: CampaignReportEntity): CampaignReport {
  return {
    id: entity.id,
    campaignId: entity.campaignId,
    reportDate: calendarDay(entity.reportDate),
    orgUnit: orgUnitReference(entity.orgUnitId),
    note: entity.note,
    submittedAt: entity.submittedAt,
    late: Boolean(entity.late),
    submittedBy: personReference(entity.submittedByPersonId),
  };
}

export function toCampaignSnapshot(entity: CampaignSnapshotEntity): CampaignSnapshot {
  return {
    id: entity.id,
    campaignId: entity.campaignId,
    reportDate: calendarDay(entity.reportDate),
    cutoffAt: entity.cutoffAt,
    frozenAt: entity.frozenAt,
  };
}

/** DATE columns come back as 'YYYY-MM-DD' strings (dateStrings) or, in raw rows, possibly as Date objects. */
export function calendarDay(value: string | Date): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}
