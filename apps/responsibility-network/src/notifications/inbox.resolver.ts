import { callerOf, ConnectionArgs, ConnectionShape, RequestContext } from '@campus/graphql';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { DataSource } from 'typeorm';
import { Account } from '../accounts/account.types';
import { Person } from '../people/person.types';
import { InboxService, ownPersonId } from './inbox.service';
import { MarkNotificationsReadInput, SendTestNotificationInput, SetNotificationPreferencesInput } from './notification.inputs';
import { MarkNotificationsReadPayload, NotificationConnection, NotificationPreference, NotificationPreferencesPayload, SendTestNotificationPayload } from './notification.types';

@ArgsType()
class NotificationArgs extends ConnectionArgs {
  @Field({ defaultValue: false, description: '只列未读' })
  unreadOnly: boolean = false;
}

/** `me { notifications unreadNotificationCount notificationPreferences }` and the inbox's mutations: the account's own only. */
@Authorized()
@Resolver(() => Account)
export class InboxResolver {
  constructor(private readonly inbox: InboxService) {}

  @FieldResolver(() => NotificationConnection, { description: '我的通知，新的在前（仅本人账号）' })
  async notifications(@Root() account: Account, @Args() args: NotificationArgs, @Ctx() context: RequestContext): Promise<ConnectionShape<unknown>> {
    const personId = ownPersonId(callerOf(context), account.id);
    if (!personId) return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
    return this.inbox.list(personId, args.first, args.after, args.unreadOnly);
  }

  @FieldResolver(() => Int, { description: '未读通知数（仅本人账号）' })
  async unreadNotificationCount(@Root() account: Account, @Ctx() context: RequestContext): Promise<number> {
    const personId = ownPersonId(callerOf(context), account.id);
    return personId ? this.inbox.unreadCount(personId) : 0;
  }

  @FieldResolver(() => [NotificationPreference], { description: '各类通知的接收渠道（仅本人账号）' })
  async notificationPreferences(@Root() account: Account, @Ctx() context: RequestContext): Promise<NotificationPreference[]> {
    const personId = ownPersonId(callerOf(context), account.id);
    return personId ? this.inbox.preferences(personId) : [];
  }

  @Mutation(() => MarkNotificationsReadPayload, { description: '将本人的通知标为已读' })
  markNotificationsRead(@Arg('input') input: MarkNotificationsReadInput, @Ctx() context: RequestContext): Promise<MarkNotificationsReadPayload> {
    return this.inbox.markRead(callerOf(context), input);
  }

  @Mutation(() => SendTestNotificationPayload, { description: '给自己发一条测试通知，检查站内信与电子邮件能否收到' })
  sendTestNotification(@Arg('input') input: SendTestNotificationInput, @Ctx() context: RequestContext): Promise<SendTestNotificationPayload> {
    return this.inbox.sendTest(callerOf(context), input);
  }

  @Mutation(() => NotificationPreferencesPayload, { description: '设置本人各类通知的接收渠道与接收邮箱（站内信总是开启）' })
  async setNotificationPreferences(@Arg('input') input: SetNotificationPreferencesInput, @Ctx() context: RequestContext): Promise<NotificationPreferencesPayload> {
    return this.inbox.setPreferences(callerOf(context), input);
  }
}

/** Person.email: the address notifications are mailed to, shown to the person alone. */
@Resolver(() => Person)
export class PersonEmailResolver {
  constructor(private readonly dataSource: DataSource) {}

  @FieldResolver(() => String, { nullable: true, description: '电子邮箱（接收通知；仅本人可见）' })
  async email(@Root() person: Person, @Ctx() context: RequestContext): Promise<string | null> {
    if (!context.viewer || context.viewer.personId !== person.id) return null;
    const [row] = await this.dataSource.query('SELECT email FROM person WHERE id = ?', [person.id]);
    return row?.email ?? null;
  }
}
