import { CalendarDate, ConnectionType, OrgUnitReference, orgUnitReference } from '@campus/graphql';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { AudienceKind } from '../people/audience-kind';
import { AttendanceMethod, EducationActivityKind, EducationActivityStatus, EducationTopic } from './activity-enums';
import { EducationActivityEntity } from './activity.entity';

@ObjectType('EducationActivity', { description: '安全教育活动' })
export class EducationActivity {
  @Field(() => ID)
  id: string;

  @Field({ description: '活动名称' })
  title: string;

  @Field(() => EducationActivityKind)
  kind: EducationActivityKind;

  @Field(() => [EducationTopic])
  topics: EducationTopic[];

  @Field(() => OrgUnitReference, { nullable: true, description: '组织单位' })
  orgUnit: OrgUnitReference | null;

  @Field(() => [AudienceKind], { description: '参加对象类别' })
  audienceKinds: AudienceKind[];

  @Field({ description: '开始时间' })
  startsAt: Date;

  @Field({ description: '结束时间' })
  endsAt: Date;

  @Field(() => String, { nullable: true, description: '地点' })
  placeText: string | null;

  @Field(() => String, { nullable: true, description: '主讲人' })
  lecturer: string | null;

  @Field(() => String, { nullable: true, description: '教育材料说明' })
  materials: string | null;

  @Field(() => EducationActivityStatus)
  status: EducationActivityStatus;

  @Field({ description: '签到开始时间' })
  checkInOpensAt: Date;

  @Field({ description: '签到截止时间' })
  checkInClosesAt: Date;

  @Field(() => String, { nullable: true, description: '取消原因' })
  cancelReason: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Int)
  version: number;

  /** Not in the schema: the organiser unit's path (who may see the code) and the code itself. */
  orgPath: string;
  code: string;
}

@ObjectType()
export class EducationActivityConnection extends ConnectionType('EducationActivity', EducationActivity) {}

@ObjectType()
export class EducationActivityPayload {
  @Field(() => EducationActivity)
  educationActivity: EducationActivity;
}

@ObjectType('EducationAttendee', { description: '签到记录' })
export class EducationAttendee {
  @Field(() => ID)
  personId: string;

  @Field({ description: '姓名' })
  name: string;

  @Field(() => AudienceKind, { nullable: true })
  kind: AudienceKind | null;

  @Field(() => OrgUnitReference, { nullable: true, description: '所在单位' })
  orgUnit: OrgUnitReference | null;

  @Field(() => AttendanceMethod)
  method: AttendanceMethod;

  @Field({ description: '登记时间' })
  recordedAt: Date;
}

@ObjectType()
export class EducationAttendeeConnection extends ConnectionType('EducationAttendee', EducationAttendee) {}

@ObjectType('EducationAttendanceRowProblem', { description: '签到表中被拒绝的行及原因' })
export class EducationAttendanceRowProblem {
  @Field(() => Int, { description: '文件中的行号（表头为第 1 行）' })
  row: number;

  @Field(() => [String])
  reasons: string[];
}

@ObjectType('EducationAttendanceImportReport', { description: '签到表导入结果；有任何一行被拒绝时整批不导入' })
export class EducationAttendanceImportReport {
  @Field({ description: '是否已导入' })
  imported: boolean;

  @Field(() => Int)
  totalRows: number;

  @Field(() => Int, { description: '新登记的签到人数' })
  recorded: number;

  @Field(() => Int, { description: '此前已签到（不重复登记）的人数' })
  alreadyRecorded: number;

  @Field(() => [EducationAttendanceRowProblem])
  rejectedRows: EducationAttendanceRowProblem[];

  @Field(() => Int)
  durationMs: number;
}

@ObjectType('EducationAttendancePayload', { description: '组织者登记签到的结果' })
export class EducationAttendancePayload {
  @Field(() => EducationActivity)
  educationActivity: EducationActivity;

  @Field(() => Int, { description: '新登记的签到人数' })
  recorded: number;

  @Field(() => Int, { description: '此前已签到（不重复登记）的人数' })
  alreadyRecorded: number;
}

@ObjectType('EducationCheckInPayload', { description: '本人签到结果' })
export class EducationCheckInPayload {
  @Field(() => ID)
  activityId: string;

  @Field({ description: '活动名称' })
  activityTitle: string;

  @Field(() => ID, { description: '签到人（登录账号关联的人员）' })
  personId: string;

  @Field()
  recordedAt: Date;
}

@ObjectType('EducationCoveragePerson', { description: '尚未覆盖的人员' })
export class EducationCoveragePerson {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => AudienceKind, { nullable: true })
  kind: AudienceKind | null;

  @Field(() => OrgUnitReference, { nullable: true, description: '所在单位' })
  orgUnit: OrgUnitReference | null;
}

@ObjectType()
export class EducationCoveragePersonConnection extends ConnectionType('EducationCoveragePerson', EducationCoveragePerson) {}

@ObjectType('EducationCoverage', { description: '安全教育覆盖率：期间内至少参加过一次（该主题）活动的在册人员 ÷ 在册人员，按签到记录计' })
export class EducationCoverage {
  @Field(() => OrgUnitReference, { nullable: true })
  orgUnit: OrgUnitReference | null;

  @Field(() => CalendarDate)
  from: string;

  @Field(() => CalendarDate)
  to: string;

  @Field(() => EducationTopic, { nullable: true })
  topic: EducationTopic | null;

  @Field(() => [AudienceKind])
  kinds: AudienceKind[];

  @Field(() => Int, { description: '本单位及下级单位在册人员数（所选类别）' })
  population: number;

  @Field(() => Int, { description: '已覆盖人数：期间内至少有一条签到记录' })
  covered: number;

  @Field(() => Float, { nullable: true, description: '覆盖率 0–1；无在册人员时为空' })
  rate: number | null;

  /** Not in the schema: what notCovered pages over. */
  orgPath: string;
}

export function toEducationActivity(entity: EducationActivityEntity): EducationActivity {
  return {
    id: entity.id,
    title: entity.title,
    kind: entity.kind,
    topics: entity.topics,
    orgUnit: orgUnitReference(entity.orgUnitId),
    audienceKinds: entity.audienceKinds,
    startsAt: entity.startsAt,
    endsAt: entity.endsAt,
    placeText: entity.placeText,
    lecturer: entity.lecturer,
    materials: entity.materials,
    status: entity.status,
    checkInOpensAt: entity.checkInOpensAt,
    checkInClosesAt: entity.checkInClosesAt,
    cancelReason: entity.cancelReason,
    createdAt: entity.createdAt,
    version: entity.version,
    orgPath: entity.orgPath,
    code: entity.checkInCode,
  };
}
