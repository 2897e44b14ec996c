import { CalendarDate, ConnectionType, OrgUnitReference, orgUnitReference } from '@campus/graphql';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { HomeSchoolNoticeAckMethod, HomeSchoolNoticeStatus } from './notice-enums';
import { NoticeTemplateData } from './notice-templates';
import { NoticeEntity, NoticeRecipientEntity, NoticeTemplateEntity } from './notice.entity';

@ObjectType('HomeSchoolNoticeTemplate', { description: '家校告知模板' })
export class HomeSchoolNoticeTemplate {
  @Field(() => ID, { description: '内置模板以 builtin- 开头' })
  id: string;

  @Field()
  title: string;

  @Field()
  body: string;

  @Field({ description: '是否平台内置模板' })
  builtIn: boolean;

  @Field(() => OrgUnitReference, { nullable: true, description: '自建模板的单位' })
  orgUnit: OrgUnitReference | null;
}

@ObjectType('HomeSchoolNotice', { description: '家校告知（致家长的一封信）' })
export class HomeSchoolNotice {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field()
  body: string;

  @Field(() => CalendarDate, { description: '家长确认截止日期' })
  deadline: string;

  @Field(() => String, { nullable: true, description: '所用模板' })
  templateId: string | null;

  @Field(() => HomeSchoolNoticeStatus)
  status: HomeSchoolNoticeStatus;

  @Field(() => OrgUnitReference, { nullable: true, description: '发文单位' })
  orgUnit: OrgUnitReference | null;

  @Field(() => Date, { nullable: true, description: '发送时间' })
  sentAt: Date | null;

  @Field(() => Date, { nullable: true, description: '结束时间' })
  closedAt: Date | null;

  @Field(() => Int, { description: '告知对象（学生）人数，发送时确定' })
  recipientCount: number;

  @Field()
  createdAt: Date;

  @Field(() => Int)
  version: number;
}

@ObjectType('HomeSchoolNoticeUnitAcknowledgement', { description: '一个单位（班级）的家长回执情况' })
export class HomeSchoolNoticeUnitAcknowledgement {
  @Field(() => OrgUnitReference, { nullable: true, description: '学生所在单位（班级）' })
  orgUnit: OrgUnitReference | null;

  @Field(() => Int, { description: '告知对象人数' })
  recipients: number;

  @Field(() => Int, { description: '已确认人数' })
  acknowledged: number;

  @Field(() => Int, { description: '其中在线确认' })
  byLink: number;

  @Field(() => Int, { description: '其中纸质回执' })
  byPaper: number;

  @Field(() => Float, { description: '回执率（0–1）' })
  rate: number;
}

@ObjectType('HomeSchoolNoticeAcknowledgement', { description: '家长回执统计：合计与各单位（班级）' })
export class HomeSchoolNoticeAcknowledgement {
  @Field(() => Int)
  recipients: number;

  @Field(() => Int)
  acknowledged: number;

  @Field(() => Float, { description: '回执率（0–1）；无告知对象时为 0' })
  rate: number;

  @Field(() => [HomeSchoolNoticeUnitAcknowledgement])
  units: HomeSchoolNoticeUnitAcknowledgement[];
}

@ObjectType('HomeSchoolNoticeRecipient', { description: '告知对象（一名学生的家长）' })
export class HomeSchoolNoticeRecipient {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: '学生（人员 ID）' })
  studentId: string;

  @Field({ description: '学生姓名（发送时）' })
  studentName: string;

  @Field(() => OrgUnitReference, { nullable: true, description: '学生所在单位（班级）' })
  orgUnit: OrgUnitReference | null;

  @Field(() => Date, { nullable: true, description: '确认链接生成时间；未生成时为空' })
  linkIssuedAt: Date | null;

  @Field(() => Date, { nullable: true })
  acknowledgedAt: Date | null;

  @Field(() => HomeSchoolNoticeAckMethod, { nullable: true })
  method: HomeSchoolNoticeAckMethod | null;
}

@ObjectType()
export class HomeSchoolNoticeConnection extends ConnectionType('HomeSchoolNotice', HomeSchoolNotice) {}

@ObjectType()
export class HomeSchoolNoticeRecipientConnection extends ConnectionType('HomeSchoolNoticeRecipient', HomeSchoolNoticeRecipient) {}

@ObjectType()
export class HomeSchoolNoticePayload {
  @Field(() => HomeSchoolNotice)
  notice: HomeSchoolNotice;
}

@ObjectType()
export class HomeSchoolNoticeTemplatePayload {
  @Field(() => HomeSchoolNoticeTemplate)
  template: HomeSchoolNoticeTemplate;
}

@ObjectType()
export class HomeSchoolNoticeSlipPayload {
  @Field(() => HomeSchoolNoticeRecipient)
  recipient: HomeSchoolNoticeRecipient;
}

export function toNotice(entity: NoticeEntity): HomeSchoolNotice {
  return {
    id: entity.id,
    title: entity.title,
    body: entity.body,
    deadline: entity.deadline,
    templateId: entity.templateId,
    status: entity.status,
    orgUnit: orgUnitReference(entity.orgUnitId),
    sentAt: entity.sentAt,
    closedAt: entity.closedAt,
    recipientCount: entity.recipientCount,
    createdAt: entity.createdAt,
    version: entity.version,
  };
}

export function toRecipient(entity: NoticeRecipientEntity): HomeSchoolNoticeRecipient {
  return {
    id: entity.id,
    studentId: entity.personId,
    studentName: entity.studentName,
    orgUnit: orgUnitReference(entity.orgUnitId),
    linkIssuedAt: entity.tokenIssuedAt,
    acknowledgedAt: entity.acknowledgedAt,
    method: entity.ackMethod,
  };
}

export function toBuiltInTemplate(data: NoticeTemplateData): HomeSchoolNoticeTemplate {
  return { id: data.id, title: data.title, body: data.body, builtIn: true, orgUnit: null };
}

export function toUnitTemplate(entity: NoticeTemplateEntity): HomeSchoolNoticeTemplate {
  return { id: entity.id, title: entity.title, body: entity.body, builtIn: false, orgUnit: orgUnitReference(entity.orgUnitId) };
}
