import { UNIT_SAFETY_MANAGER_ROLES } from '@campus/auth';
import { definePolicy, scopedAccess } from '@campus/server';
import { NotificationRobotEntity } from './notification.entity';

const REFUSAL = '只有本单位的安全管理人员可以查看或管理群机器人';

/** A unit's group robots: their webhooks are secrets, so even reading them is for the unit's safety managers. */
export const NOTIFICATION_ROBOT_POLICY = definePolicy({
  aggregate: 'NotificationRobot',
  label: '群机器人',
  actions: {
    view: { roles: UNIT_SAFETY_MANAGER_ROLES, label: '查看', refusal: REFUSAL, condition: '地址遮盖显示，密钥不显示' },
    register: { roles: UNIT_SAFETY_MANAGER_ROLES, label: '登记', refusal: REFUSAL, condition: '地址须指向企业微信或钉钉（NOTIFICATION_WEBHOOK_HOSTS）' },
    remove: { roles: UNIT_SAFETY_MANAGER_ROLES, label: '删除', refusal: REFUSAL },
  },
});

export const NOTIFICATION_ROBOT_ACCESS = scopedAccess(NOTIFICATION_ROBOT_POLICY, NotificationRobotEntity);
