import { CalendarDate, ConnectionType, OrgUnitReference, orgUnitReference } from '@campus/graphql';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ScreeningAccessKind, ScreeningEntryKind, ScreeningInstrument, ScreeningRiskLevel, ScreeningStatus } from './screening-enums';
import { ScreeningEntryEntity, ScreeningRecordEntity } from './screening.entity';

@ObjectType('ScreeningStudent', { description: '被排查的学生（仅心理健康中心可见）' })
export class ScreeningStudent {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true, description: '姓名；人员信息尚未同步时为空' })
  name: string | null;

  @Field(() => Boolean, { nullable: true, description: '是否在籍（未停用）' })
  active: boolean | null;
}

@ObjectType('ScreeningReferral', { description: '转介（至医院或专业心理卫生机构）' })
export class ScreeningReferral {
  @Field({ description: '转介机构' })
  institution: string;

  @Field(() => CalendarDate, { description: '转介日期' })
  date: string;

  @Field(() => String, { nullable: true, description: '转介说明' })
  note: string | null;
}

@ObjectType('ScreeningEntry', { description: '一次干预或随访' })
export class ScreeningEntry {
  @Field(() => ID)
  id: string;

  @Field(() => ScreeningEntryKind)
  kind: ScreeningEntryKind;

  @Field(() => CalendarDate, { description: '日期' })
  occurredOn: string;

  @Field({ description: '做了什么' })
  action: string;

  @Field({ description: '由谁实施（姓名、岗位）' })
  performedBy: string;

  @Field(() => CalendarDate, { nullable: true, description: '约定的下次随访日期' })
  nextFollowUpDate: string | null;

  @Field(() => ScreeningRiskLevel, { nullable: true, description: '本次评估后的风险等级（有调整时）' })
  riskLevelAfter: ScreeningRiskLevel | null;

  @Field({ description: '录入时间' })
  createdAt: Date;
}

@ObjectType('ScreeningRecord', { description: '心理问题学生排查干预记录（一人一档；每次查看都记入访问日志）' })
export class ScreeningRecord {
  @Field(() => ID)
  id: string;

  /** For the student field resolver. */
  studentId: string;

  @Field(() => CalendarDate, { description: '筛查日期' })
  screeningDate: string;

  @Field(() => ScreeningInstrument)
  instrument: ScreeningInstrument;

  @Field(() => String, { nullable: true, description: '工具说明（选“其他”时必填）' })
  instrumentNote: string | null;

  @Field(() => ScreeningRiskLevel, { description: '当前风险等级' })
  riskLevel: ScreeningRiskLevel;

  @Field(() => String, { nullable: true, description: '主要表现与评估意见' })
  finding: string | null;

  @Field(() => String, { nullable: true, description: '建档的心理辅导教师' })
  counselorName: string | null;

  @Field(() => ScreeningStatus)
  status: ScreeningStatus;

  @Field(() => CalendarDate, { nullable: true, description: '下次随访日期' })
  nextFollowUpDate: string | null;

  @Field(() => ScreeningReferral, { nullable: true, description: '转介情况' })
  referral: ScreeningReferral | null;

  @Field(() => CalendarDate, { nullable: true, description: '结案日期' })
  closedOn: string | null;

  @Field(() => String, { nullable: true, description: '结案说明' })
  closingNote: string | null;

  @Field(() => OrgUnitReference, { nullable: true, description: '学生所在单位' })
  orgUnit: OrgUnitReference | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => Int)
  version: number;
}

@ObjectType()
export class ScreeningRecordConnection extends ConnectionType('ScreeningRecord', ScreeningRecord) {}

@ObjectType()
export class ScreeningRecordPayload {
  @Field(() => ScreeningRecord)
  screeningRecord: ScreeningRecord;
}

@ObjectType('ScreeningAccessLogEntry', { description: '排查记录的一次访问（谁、何时、以何种方式、哪条记录；不含学生姓名）' })
export class ScreeningAccessLogEntry {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: '被访问的排查记录' })
  recordId: string;

  @Field(() => OrgUnitReference, { nullable: true, description: '记录所属单位' })
  orgUnit: OrgUnitReference | null;

  @Field(() => ID, { description: '访问者账号' })
  accountId: string;

  @Field(() => String, { nullable: true, description: '访问者姓名' })
  readerName: string | null;

  @Field(() => ScreeningAccessKind)
  accessKind: ScreeningAccessKind;

  @Field({ description: '访问时间' })
  accessedAt: Date;
}

@ObjectType()
export class ScreeningAccessLogConnection extends ConnectionType('ScreeningAccessLogEntry', ScreeningAccessLogEntry) {}

@ObjectType('ScreeningRiskCount', { description: '某风险等级的未结案人数' })
export class ScreeningRiskCount {
  @Field(() => ScreeningRiskLevel)
  riskLevel: ScreeningRiskLevel;

  @Field(() => Int)
  count: number;
}

@ObjectType('ScreeningCounts', { description: '单位（含下级）心理问题学生排查人数统计，不含姓名和记录' })
export class ScreeningCounts {
  @Field(() => Int, { description: '未结案（跟踪中和已转介）人数' })
  open: number;

  @Field(() => Int, { description: '其中已转介' })
  referred: number;

  @Field(() => Int, { description: '已结案' })
  closed: number;

  @Field(() => [ScreeningRiskCount], { description: '未结案人数按风险等级（各等级都列出）' })
  byRiskLevel: ScreeningRiskCount[];
}

export function toScreeningRecord(entity: ScreeningRecordEntity): ScreeningRecord {
  return {
    id: entity.id,
    studentId: entity.studentId,
    screeningDate: entity.screeningDate,
    instrument: entity.instrument,
    instrumentNote: entity.instrumentNote,
    riskLevel: entity.riskLevel,
    finding: entity.finding,
    counselorName: entity.counselorName,
    status: entity.status,
    nextFollowUpDate: entity.nextFollowUpDate,
    referral:
      entity.referralInstitution && entity.referralDate
        ? { institution: entity.referralInstitution, date: entity.referralDate, note: entity.referralNote }
        : null,
    closedOn: entity.closedOn,
    closingNote: entity.closingNote,
    orgUnit: orgUnitReference(entity.orgUnitId),
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
    version: entity.version,
  };
}

export function toScreeningEntry(entity: ScreeningEntryEntity): ScreeningEntry {
  return {
    id: entity.id,
    kind: entity.kind,
    occurredOn: entity.occurredOn,
    action: entity.action,
    performedBy: entity.performedBy,
    nextFollowUpDate: entity.nextFollowUpDate,
    riskLevelAfter: entity.riskLevelAfter,
    createdAt: entity.createdAt,
  };
}
