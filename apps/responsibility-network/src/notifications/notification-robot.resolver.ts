import { callerOf, RequestContext } from '@campus/graphql';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { NotificationRobotService } from './notification-robot.service';
import { RegisterNotificationRobotInput, RemoveNotificationRobotInput } from './notification.inputs';
import { NotificationRobot, NotificationRobotPayload } from './notification.types';

@Authorized()
@Resolver(() => NotificationRobot)
export class NotificationRobotResolver {
  constructor(private readonly robots: NotificationRobotService) {}

  @Query(() => [NotificationRobot], { description: '单位登记的企业微信/钉钉群机器人（限本单位安全管理人员；地址遮盖）' })
  notificationRobots(@Arg('orgUnitId', () => ID) orgUnitId: string, @Ctx() context: RequestContext): Promise<NotificationRobot[]> {
    return this.robots.list(callerOf(context), orgUnitId);
  }

  @Mutation(() => NotificationRobotPayload, { description: '登记单位的群机器人：本单位的通知推送到该群' })
  async registerNotificationRobot(@Arg('input') input: RegisterNotificationRobotInput, @Ctx() context: RequestContext): Promise<NotificationRobotPayload> {
    return { robot: await this.robots.register(callerOf(context), input) };
  }

  @Mutation(() => NotificationRobotPayload, { description: '删除单位的群机器人' })
  async removeNotificationRobot(@Arg('input') input: RemoveNotificationRobotInput, @Ctx() context: RequestContext): Promise<NotificationRobotPayload> {
    return { robot: await this.robots.remove(callerOf(context), input) };
  }
}
