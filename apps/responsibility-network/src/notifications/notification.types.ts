import { ConnectionType, describedBy } from '@campus/graphql';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { NOTIFICATION_KIND_LABELS, NotificationKind, ROBOT_KIND_LABELS, RobotKind } from './notification-kind';
import { NotificationRobotEntity } from './notification.entity';
import { maskRobotUrl } from './webhook-robots';

registerEnumType(NotificationKind, { name: 'NotificationKind', description: '通知类别', valuesConfig: describedBy(NOTIFICATION_KIND_LABELS) });
registerEnumType(RobotKind, { name: 'NotificationRobotKind', description: '群机器人类别', valuesConfig: describedBy(ROBOT_KIND_LABELS) });

@ObjectType({ description: '通知（站内信）；不含学生姓名及健康、心理信息' })
export class Notification {
  @Field(() => ID)
  id: string;

  @Field(() => NotificationKind)
  kind: NotificationKind;

  @Field({ description: '标题' })
  title: string;

  @Field({ description: '正文' })
  body: string;

  @Field(() => String, { nullable: true, description: '可打开的对象类型（HAZARD、RESPONSIBILITY_LETTER、DUTY_ROSTER）' })
  objectType: string | null;

  @Field(() => ID, { nullable: true, description: '可打开的对象编号' })
  objectId: string | null;

  @Field({ description: '产生时间' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: '已读时间；未读为空' })
  readAt: Date | null;
}

@ObjectType()
export class NotificationConnection extends ConnectionType('Notification', Notification) {}

@ObjectType({ description: '某类通知的接收渠道（站内信总是开启）' })
export class NotificationPreference {
  @Field(() => NotificationKind)
  kind: NotificationKind;

  @Field({ description: '发送电子邮件（须在人员信息中登记邮箱）' })
  email: boolean;

  @Field({ description: '推送到本单位的企业微信/钉钉群机器人' })
  robot: boolean;
}

@ObjectType()
export class MarkNotificationsReadPayload {
  @Field(() => Int, { description: '本次标为已读的条数' })
  marked: number;

  @Field(() => Int, { description: '剩余未读条数' })
  unreadCount: number;
}

@ObjectType()
export class NotificationPreferencesPayload {
  @Field(() => [NotificationPreference], { description: '设置后的各类通知接收渠道' })
  preferences: NotificationPreference[];

  @Field(() => String, { nullable: true, description: '设置后的接收邮箱' })
  email: string | null;
}

@ObjectType({ description: '单位的企业微信/钉钉群机器人；地址与密钥是机密，只显示遮盖后的地址' })
export class NotificationRobot {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  orgUnitId: string;

  @Field(() => RobotKind)
  kind: RobotKind;

  @Field({ description: '名称，如“安全工作群”' })
  name: string;

  @Field({ description: 'Webhook 地址（已遮盖）' })
  maskedUrl: string;

  @Field({ description: '是否设置了加签密钥（钉钉）' })
  signed: boolean;

  @Field(() => String, { nullable: true, description: '自定义关键词（钉钉安全设置）' })
  keyword: string | null;

  @Field(() => Int)
  version: number;
}

export function toNotificationRobot(row: NotificationRobotEntity): NotificationRobot {
  return {
    id: row.id,
    orgUnitId: row.orgUnitId,
    kind: row.kind,
    name: row.name,
    maskedUrl: maskRobotUrl(row.url),
    signed: !!row.secret,
    keyword: row.keyword,
    version: row.version,
  };
}

@ObjectType()
export class NotificationRobotPayload {
  @Field(() => NotificationRobot)
  robot: NotificationRobot;
}

@ObjectType()
export class SendTestNotificationPayload {
  @Field({ description: '是否新发出（同一分钟内重复发送只算一次）' })
  sent: boolean;

  @Field(() => Int, { description: '未读通知数' })
  unreadCount: number;
}
