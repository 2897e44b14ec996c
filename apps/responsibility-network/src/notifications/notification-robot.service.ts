import { clientRequest, oncePerRequest } from '@campus/server';
import { newId } from '@campus/database';
import { BadUserInputError, Caller } from '@campus/graphql';
import { DataSource } from 'typeorm';
import { ORG_UNIT_ACCESS } from '../org-units/org-unit.access';
import { OrgUnitService } from '../org-units/org-unit.service';
import { RobotKind } from './notification-kind';
import { NOTIFICATION_ROBOT_ACCESS } from './notification-robot.access';
import { NotificationRobotEntity } from './notification.entity';
import { RegisterNotificationRobotInput, RemoveNotificationRobotInput } from './notification.inputs';
import { NotificationRobot, toNotificationRobot } from './notification.types';

/** The register of units' group robots (企业微信/钉钉): where notifications of a unit are posted. */
export class NotificationRobotService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orgUnits: OrgUnitService,
    private readonly allowedHosts: readonly string[],
  ) {}

  async list(caller: Caller, orgUnitId: string): Promise<NotificationRobot[]> {
    const unit = await this.orgUnits.getVisible(caller, orgUnitId);
    NOTIFICATION_ROBOT_ACCESS.checkRole(caller, 'view', unit.path);
    const rows = await this.dataSource.manager.find(NotificationRobotEntity, { where: { orgUnitId: unit.id }, order: { createdAt: 'ASC', id: 'ASC' }, take: 50 });
    return rows.map(toNotificationRobot);
  }

  async register(caller: Caller, input: RegisterNotificationRobotInput): Promise<NotificationRobot> {
    const outcome = await this.dataSource.transaction(oncePerRequest(clientRequest(caller.viewer, 'registerNotificationRobot', input), async (manager) => {
      const unit = await ORG_UNIT_ACCESS.find(manager, caller, 'view', input.orgUnitId);
      NOTIFICATION_ROBOT_ACCESS.checkRole(caller, 'register', unit.path);
      this.checkUrl(input.url);
      if (input.kind === RobotKind.WECOM && (input.secret || input.keyword)) {
        throw new BadUserInputError([{ field: 'secret', message: '企业微信群机器人没有加签密钥或关键词' }]);
      }
      const robot = manager.create(NotificationRobotEntity, {
        id: newId(),
        orgUnitId: unit.id,
        orgPath: unit.path,
        kind: input.kind,
        name: input.name.trim(),
        url: input.url,
        secret: input.secret?.trim() || null,
        keyword: input.keyword?.trim() || null,
        createdByAccountId: caller.viewer.accountId,
      });
      return toNotificationRobot(await manager.save(robot));
    }));
    return outcome.created ?? toNotificationRobot(await this.dataSource.manager.findOneByOrFail(NotificationRobotEntity, { id: outcome.id }));
  }

  async remove(caller: Caller, input: RemoveNotificationRobotInput): Promise<NotificationRobot> {
    return this.dataSource.transaction(async (manager) => {
      const robot = await NOTIFICATION_ROBOT_ACCESS.lock(manager, caller, 'remove', input);
      await manager.delete(NotificationRobotEntity, { id: robot.id });
      return toNotificationRobot(robot);
    });
  }

  /** Only the messaging platforms' hosts (the platform posts to the URL: no arbitrary address inside the network). */
  private checkUrl(url: string): void {
    const host = new URL(url).hostname.toLowerCase();
    if (!this.allowedHosts.includes(host)) {
      throw new BadUserInputError([{ field: 'url', message: `Webhook 地址须指向企业微信或钉钉（允许的主机：${this.allowedHosts.join('、')}）` }]);
    }
  }
}
