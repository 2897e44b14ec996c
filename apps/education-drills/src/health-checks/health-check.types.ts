import { CalendarDate, ConnectionType, OrgUnitReference, orgUnitReference } from '@campus/graphql';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { HealthCheckSession, HealthCheckTimeliness, HealthSymptom, IllnessAbsenceStatus } from './health-check-enums';
import { HealthCheckEntity, HealthCheckFigures as Figures, HealthCheckRevisionEntity, IllnessAbsenceEntity } from './health-check.entity';

@ObjectType('HealthCheckFigures', { description: '一次检查的数字' })
export class HealthCheckFigures {
  @Field(() => Int, { description: '应到人数' })
  enrolled: number;

  @Field(() => Int, { description: '实到人数' })
  present: number;

  @Field(() => Int, { description: '缺勤人数（应到 − 实到）' })
  absent: number;

  @Field(() => Int, { description: '因病缺勤人数' })
  absentForIllness: number;

  @Field(() => Int, { description: '发热人数' })
  fever: number;

  @Field(() => Int, { description: '咳嗽人数' })
  cough: number;

  @Field(() => Int, { description: '腹泻人数' })
  diarrhoea: number;

  @Field(() => Int, { description: '皮疹人数' })
  rash: number;

  @Field(() => Int, { description: '其他症状人数' })
  otherSymptoms: number;

  @Field(() => String, { nullable: true, description: '情况说明' })
  notes: string | null;
}

@ObjectType('HealthCheckRevision', { description: '一次更正：更正前的数字、更正人、时间和原因' })
export class HealthCheckRevision {
  @Field(() => Int, { description: '被更正的版本' })
  version: number;

  @Field(() => HealthCheckFigures, { description: '更正前的数字' })
  previous: HealthCheckFigures;

  @Field({ description: '更正原因' })
  reason: string;

  @Field(() => String, { nullable: true, description: '更正人' })
  correctedByName: string | null;

  @Field({ description: '更正时间' })
  correctedAt: Date;
}

@ObjectType('HealthCheck', { description: '一个班级一个检查日一个时段的晨午晚检记录' })
export class HealthCheck {
  @Field(() => ID)
  id: string;

  @Field(() => OrgUnitReference, { nullable: true, description: '班级' })
  orgUnit: OrgUnitReference | null;

  @Field(() => CalendarDate, { description: '检查日期' })
  checkDate: string;

  @Field(() => HealthCheckSession)
  session: HealthCheckSession;

  @Field(() => HealthCheckFigures, { description: '当前数字（更正后的）' })
  figures: HealthCheckFigures;

  @Field({ description: '首次录入时间（服务器时间，更正不改变）' })
  enteredAt: Date;

  @Field(() => HealthCheckTimeliness, { description: '按时、迟报或补填（由检查日期、时段截止时间和录入时间判断）' })
  timeliness: HealthCheckTimeliness;

  @Field(() => String, { nullable: true, description: '填报人' })
  recordedByName: string | null;

  @Field(() => Date, { nullable: true, description: '最近一次更正时间' })
  correctedAt: Date | null;

  @Field(() => Int)
  version: number;
}

@ObjectType()
export class HealthCheckConnection extends ConnectionType('HealthCheck', HealthCheck) {}

@ObjectType()
export class HealthCheckPayload {
  @Field(() => HealthCheck)
  healthCheck: HealthCheck;
}

@ObjectType('HealthCheckSchedule', { description: '班级要做的检查时段' })
export class HealthCheckSchedule {
  @Field(() => OrgUnitReference, { nullable: true, description: '所查询的单位' })
  orgUnit: OrgUnitReference | null;

  @Field(() => [HealthCheckSession], { description: '检查时段' })
  sessions: HealthCheckSession[];

  @Field(() => ID, { nullable: true, description: '设置所在的单位（本单位或上级）；为空表示默认的晨检、午检' })
  setAtUnitId: string | null;
}

@ObjectType()
export class HealthCheckSchedulePayload {
  @Field(() => HealthCheckSchedule)
  schedule: HealthCheckSchedule;
}

@ObjectType('HealthCheckCompletionRow', { description: '一个单位（班级、学院或学校）期间内的晨午晚检完成情况' })
export class HealthCheckCompletionRow {
  @Field(() => OrgUnitReference, { nullable: true })
  orgUnit: OrgUnitReference | null;

  @Field({ description: '单位名称' })
  unitName: string;

  @Field(() => String, { nullable: true, description: '单位类型' })
  unitKind: string | null;

  @Field(() => Int, { description: '班级数' })
  classes: number;

  @Field(() => Int, { description: '应检次数（上课日、已到截止时间或已填报的时段）' })
  expected: number;

  @Field(() => Int, { description: '按时填报' })
  onTime: number;

  @Field(() => Int, { description: '迟报（当天截止后填报）' })
  late: number;

  @Field(() => Int, { description: '补填（检查日之后填报）' })
  backfilled: number;

  @Field(() => Int, { description: '漏填（至今未填报）' })
  missing: number;

  @Field(() => Float, { nullable: true, description: '按时率 = 按时 ÷ 应检；无应检时为空' })
  onTimeRate: number | null;

  @Field(() => Float, { nullable: true, description: '填报率 = (按时 + 迟报 + 补填) ÷ 应检；无应检时为空' })
  completionRate: number | null;
}

@ObjectType('HealthCheckMissingSlot', { description: '一次漏填：班级、日期、时段' })
export class HealthCheckMissingSlot {
  @Field(() => OrgUnitReference, { nullable: true })
  orgUnit: OrgUnitReference | null;

  @Field({ description: '班级名称' })
  unitName: string;

  @Field(() => CalendarDate)
  checkDate: string;

  @Field(() => HealthCheckSession)
  session: HealthCheckSession;
}

@ObjectType('HealthCheckCompletion', { description: '晨午晚检完成情况（上课日为周一至周五，暂不扣除节假日）' })
export class HealthCheckCompletion {
  @Field(() => CalendarDate)
  from: string;

  @Field(() => CalendarDate)
  to: string;

  @Field(() => [HealthCheckCompletionRow], { description: '所查单位（第一行）及其下各学院、班级' })
  rows: HealthCheckCompletionRow[];

  @Field(() => [HealthCheckMissingSlot], { description: '漏填的检查（最多 500 条，按日期）' })
  missingSlots: HealthCheckMissingSlot[];
}

@ObjectType('IllnessAbsenceStudent', { description: '缺课学生（仅本班及上级的填报和管理人员可见）' })
export class IllnessAbsenceStudent {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true, description: '姓名；人员信息尚未同步时为空' })
  name: string | null;
}

@ObjectType('IllnessAbsence', { description: '因病缺课追踪记录：症状、联系家长、病因、返校' })
export class IllnessAbsence {
  @Field(() => ID)
  id: string;

  /** For the student field resolver. */
  studentId: string;

  @Field(() => OrgUnitReference, { nullable: true, description: '学生所在班级' })
  orgUnit: OrgUnitReference | null;

  @Field(() => CalendarDate, { description: '缺课日期' })
  absentOn: string;

  @Field(() => [HealthSymptom])
  symptoms: HealthSymptom[];

  @Field(() => String, { nullable: true, description: '症状说明' })
  symptomNote: string | null;

  @Field(() => Date, { nullable: true, description: '联系家长时间' })
  parentsContactedAt: Date | null;

  @Field(() => String, { nullable: true, description: '联系情况' })
  contactNote: string | null;

  @Field(() => CalendarDate, { description: '病因须查明的日期（缺课次日）' })
  causeDueOn: string;

  @Field({ description: '是否逾期未查明病因' })
  overdue: boolean;

  @Field(() => String, { nullable: true, description: '病因' })
  cause: string | null;

  @Field(() => String, { nullable: true, description: '医院诊断' })
  diagnosis: string | null;

  @Field({ description: '疑似传染病（须按规定报告）' })
  infectiousSuspected: boolean;

  @Field(() => Date, { nullable: true, description: '登记病因的时间' })
  causeFoundAt: Date | null;

  @Field(() => CalendarDate, { nullable: true, description: '预计返校日期' })
  expectedReturnOn: string | null;

  @Field(() => CalendarDate, { nullable: true, description: '实际返校日期' })
  returnedOn: string | null;

  @Field(() => IllnessAbsenceStatus)
  status: IllnessAbsenceStatus;

  @Field({ description: '登记时间（服务器时间）' })
  enteredAt: Date;

  @Field(() => String, { nullable: true, description: '登记人' })
  recordedByName: string | null;

  @Field(() => Int)
  version: number;
}

@ObjectType()
export class IllnessAbsenceConnection extends ConnectionType('IllnessAbsence', IllnessAbsence) {}

@ObjectType()
export class IllnessAbsencePayload {
  @Field(() => IllnessAbsence)
  illnessAbsence: IllnessAbsence;
}

export function toFigures(row: Figures): HealthCheckFigures {
  return {
    enrolled: row.enrolled,
    present: row.present,
    absent: row.enrolled - row.present,
    absentForIllness: row.absentForIllness,
    fever: row.fever,
    cough: row.cough,
    diarrhoea: row.diarrhoea,
    rash: row.rash,
    otherSymptoms: row.otherSymptoms,
    notes: row.notes ?? null,
  };
}

export function toHealthCheck(row: HealthCheckEntity): HealthCheck {
  return {
    id: row.id,
    orgUnit: orgUnitReference(row.orgUnitId),
    checkDate: row.checkDate,
    session: row.session,
    figures: toFigures(row),
    enteredAt: row.enteredAt,
    timeliness: row.timeliness,
    recordedByName: row.recordedByName,
    correctedAt: row.correctedAt,
    version: row.version,
  };
}

export function toHealthCheckRevision(row: HealthCheckRevisionEntity): HealthCheckRevision {
  return { version: row.version, previous: toFigures(row.previousFigures), reason: row.reason, correctedByName: row.correctedByName, correctedAt: row.correctedAt };
}

export function toIllnessAbsence(row: IllnessAbsenceEntity, today: string): IllnessAbsence {
  return {
    id: row.id,
    studentId: row.studentId,
    orgUnit: orgUnitReference(row.orgUnitId),
    absentOn: row.absentOn,
    symptoms: row.symptoms.split(',').filter(Boolean) as HealthSymptom[],
    symptomNote: row.symptomNote,
    parentsContactedAt: row.parentsContactedAt,
    contactNote: row.contactNote,
    causeDueOn: row.causeDueOn,
    overdue: row.status === IllnessAbsenceStatus.OPEN && row.causeDueOn < today,
    cause: row.cause,
    diagnosis: row.diagnosis,
    infectiousSuspected: row.infectiousSuspected,
    causeFoundAt: row.causeFoundAt,
    expectedReturnOn: row.expectedReturnOn,
    returnedOn: row.returnedOn,
    status: row.status,
    enteredAt: row.enteredAt,
    recordedByName: row.recordedByName,
    version: row.version,
  };
}
