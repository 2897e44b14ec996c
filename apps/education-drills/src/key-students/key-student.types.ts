import { CalendarDate, ConnectionType, OrgUnitReference, orgUnitReference } from '@campus/graphql';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { KeyStudentReason, KeyStudentStatus } from './key-student-enums';
import { KeyStudentEntity, KeyStudentFollowUpEntity } from './key-student.entity';

@ObjectType('KeyStudentPerson', { description: '重点关注的学生（仅处置角色可见）' })
export class KeyStudentPerson {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true, description: '姓名；人员信息尚未同步时为空' })
  name: string | null;

  @Field(() => Boolean, { nullable: true, description: '是否在籍（未停用）' })
  active: boolean | null;
}

@ObjectType('KeyStudentTeacher', { description: '责任教师（班主任或辅导员）' })
export class KeyStudentTeacher {
  @Field(() => ID)
  id: string;

  @Field({ description: '姓名（指定时）' })
  name: string;
}

@ObjectType('KeyStudentFollowUp', { description: '一次跟进' })
export class KeyStudentFollowUp {
  @Field(() => ID)
  id: string;

  @Field(() => CalendarDate, { description: '跟进日期' })
  occurredOn: string;

  @Field({ description: '跟进人' })
  performedBy: string;

  @Field({ description: '跟进内容' })
  content: string;

  @Field(() => CalendarDate, { nullable: true, description: '约定的下次跟进日期' })
  nextFollowUpDate: string | null;

  @Field({ description: '录入时间' })
  createdAt: Date;
}

@ObjectType('KeyStudent', { description: '重点关注学生（仅处置角色可见；每次查看都记入访问日志）' })
export class KeyStudent {
  @Field(() => ID)
  id: string;

  /** For the student field resolver. */
  studentId: string;

  @Field(() => OrgUnitReference, { description: '学生所在单位' })
  orgUnit: OrgUnitReference;

  @Field(() => KeyStudentReason)
  reasonCategory: KeyStudentReason;

  @Field({ description: '具体情况' })
  description: string;

  @Field(() => KeyStudentTeacher, { description: '责任教师' })
  responsibleTeacher: KeyStudentTeacher;

  @Field(() => CalendarDate, { description: '开始关注日期' })
  since: string;

  @Field(() => CalendarDate, { nullable: true, description: '下次跟进日期' })
  nextFollowUpDate: string | null;

  @Field({ description: '下次跟进日期已过（关注中）' })
  followUpOverdue: boolean;

  @Field(() => KeyStudentStatus)
  status: KeyStudentStatus;

  @Field(() => CalendarDate, { nullable: true, description: '解除关注日期' })
  releasedOn: string | null;

  @Field(() => String, { nullable: true, description: '解除原因' })
  releaseReason: string | null;

  @Field({ description: '登记时间' })
  createdAt: Date;

  @Field({ description: '最后修改时间' })
  updatedAt: Date;

  @Field(() => Int)
  version: number;
}

@ObjectType()
export class KeyStudentConnection extends ConnectionType('KeyStudent', KeyStudent) {
  @Field(() => Int, {
    description: '在您的管辖范围内、符合同样筛选条件、但因敏感不向您显示的重点关注学生数（只计数，不列出任何内容，也不计入 totalCount）',
  })
  restrictedCount: number;
}

@ObjectType()
export class KeyStudentPayload {
  @Field(() => KeyStudent)
  keyStudent: KeyStudent;
}

export function toKeyStudent(entity: KeyStudentEntity, today: string): KeyStudent {
  return {
    id: entity.id,
    studentId: entity.studentId,
    orgUnit: orgUnitReference(entity.orgUnitId),
    reasonCategory: entity.reasonCategory,
    description: entity.description,
    responsibleTeacher: { id: entity.responsibleTeacherId, name: entity.responsibleTeacherName },
    since: entity.since,
    nextFollowUpDate: entity.nextFollowUpDate,
    followUpOverdue: entity.status === KeyStudentStatus.ACTIVE && entity.nextFollowUpDate !== null && entity.nextFollowUpDate < today,
    status: entity.status,
    releasedOn: entity.releasedOn,
    releaseReason: entity.releaseReason,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
    version: entity.version,
  };
}

export function toKeyStudentFollowUp(entity: KeyStudentFollowUpEntity): KeyStudentFollowUp {
  return {
    id: entity.id,
    occurredOn: entity.occurredOn,
    performedBy: entity.performedBy,
    content: entity.content,
    nextFollowUpDate: entity.nextFollowUpDate,
    createdAt: entity.createdAt,
  };
}
