import { ClientRequestIdField } from '@campus/server';
import { VersionedInput } from '@campus/graphql';
import { ArrayMaxSize, IsOptional, IsUrl, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { NotificationKind, RobotKind } from './notification-kind';

@InputType({ description: '标为已读：给出编号，或 all 为真标记全部' })
export class MarkNotificationsReadInput {
  @Field(() => [ID], { nullable: true, description: '要标为已读的通知编号（非本人的忽略）' })
  @IsOptional()
  @ArrayMaxSize(100, { message: '一次最多标记 100 条' })
  ids?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: '标记本人全部未读通知' })
  all?: boolean | null;
}

@InputType()
export class NotificationPreferenceInput {
  @Field(() => NotificationKind)
  kind: NotificationKind;

  @Field({ description: '发送电子邮件' })
  email: boolean;

  @Field({ description: '推送到单位群机器人' })
  robot: boolean;
}

@InputType({ description: '本人的通知设置' })
export class SetNotificationPreferencesInput {
  @Field(() => [NotificationPreferenceInput], { defaultValue: [] })
  @ArrayMaxSize(20)
  preferences: NotificationPreferenceInput[];

  @Field(() => String, { nullable: true, description: '本人接收通知的电子邮箱；空字符串清除；不填则不变' })
  @IsOptional()
  @MaxLength(254, { message: '邮箱过长' })
  email?: string | null;
}

@InputType({ description: '登记单位的群机器人' })
export class RegisterNotificationRobotInput {
  @Field(() => ID)
  orgUnitId: string;

  @Field(() => RobotKind)
  kind: RobotKind;

  @Field()
  @Length(1, 50, { message: '名称为 1–50 个字' })
  name: string;

  @Field({ description: '机器人的 Webhook 地址' })
  @IsUrl({ protocols: ['https', 'http'], require_tld: false, require_protocol: true }, { message: 'Webhook 地址无效' })
  @MaxLength(500)
  url: string;

  @Field(() => String, { nullable: true, description: '钉钉加签密钥（SEC 开头）' })
  @IsOptional()
  @MaxLength(200)
  secret?: string | null;

  @Field(() => String, { nullable: true, description: '钉钉自定义关键词' })
  @IsOptional()
  @MaxLength(50)
  keyword?: string | null;

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType()
export class RemoveNotificationRobotInput extends VersionedInput {}

@InputType({ description: '给自己发一条测试通知（站内信，及已开启的电子邮件；不推送到群机器人）' })
export class SendTestNotificationInput {
  @Field({ defaultValue: true, description: '同时发送电子邮件（须已登记邮箱并开启）' })
  email: boolean = true;
}
