import { FeatureModule, PeriodicJob, perService } from '@campus/server';
import type { ResponsibilityDeps } from '../service';
import { remindCampaignReportsDue } from './campaign-reminders';
import { CampaignReportReminders1765000001101 } from './campaign-reminders.migration';
import { DeliveryWorker } from './delivery-worker';
import { remindDutyShiftsTomorrow } from './duty-reminders';
import { InboxResolver, PersonEmailResolver } from './inbox.resolver';
import { InboxService } from './inbox.service';
import { EmailChannel, NotificationChannel, WebhookRobotChannel } from './notification-channels';
import { notificationHandlers } from './notification-handlers';
import { DeliveryChannel } from './notification-kind';
import { NotificationProducer } from './notification-producer';
import { NOTIFICATION_ROBOT_POLICY } from './notification-robot.access';
import { NotificationRobotResolver } from './notification-robot.resolver';
import { NotificationRobotService } from './notification-robot.service';
import { NotificationPreferenceEntity, NotificationRobotEntity } from './notification.entity';
import { loadNotificationSettings, webhookHostsOf } from './notification.settings';
import { Notifications1765000001100 } from './notifications.migration';

/** The service's notification parts, built once: settings, producer, delivery worker and its job. */
const notificationParts = perService((deps: ResponsibilityDeps) => {
  const settings = loadNotificationSettings();
  const channels: NotificationChannel[] = [new WebhookRobotChannel(DeliveryChannel.WECOM), new WebhookRobotChannel(DeliveryChannel.DINGTALK)];
  if (settings.NOTIFICATION_SMTP_URL) channels.push(new EmailChannel(settings.NOTIFICATION_SMTP_URL, settings.NOTIFICATION_MAIL_FROM));
  const worker = new DeliveryWorker(deps.dataSource, channels, { retryBaseMs: settings.NOTIFICATION_RETRY_BASE_MS, maxAttempts: settings.NOTIFICATION_MAX_ATTEMPTS });
  const producer = new NotificationProducer(!!settings.NOTIFICATION_SMTP_URL);
  const delivery = new PeriodicJob('notification delivery', settings.NOTIFICATION_DELIVERY_INTERVAL_MS, deps.logger, () => worker.runOnce());
  const reminders = new PeriodicJob('notification reminders', settings.NOTIFICATION_REMINDER_INTERVAL_MS, deps.logger, async () => {
    const duty = await remindDutyShiftsTomorrow(deps.dataSource, producer);
    const reports = await remindCampaignReportsDue(deps.dataSource, producer);
    if (duty.reminded || reports.reminded) delivery.wake();
    return { dutyShifts: duty.reminded, campaignReports: reports.reminded };
  });
  return { settings, producer, delivery, reminders };
});

/**
 * 通知与提醒: each person's inbox (`me { notifications unreadNotificationCount }`), produced from events
 * (hazards assigned, escalated, failed acceptance; letters to sign) and schedules (duty shift and campaign report
 * due tomorrow), and
 * delivered by e-mail and units' group robots (企业微信/钉钉) — each delivery once, with retries.
 */
export const NOTIFICATIONS_MODULE: FeatureModule<ResponsibilityDeps> = {
  name: 'notifications',
  entities: [NotificationRobotEntity, NotificationPreferenceEntity],
  migrations: [Notifications1765000001100, CampaignReportReminders1765000001101],
  scopedTables: ['notification_robot', 'notification'],
  resolvers: (deps) => {
    const parts = notificationParts(deps);
    return [
      new InboxResolver(new InboxService(deps.dataSource, parts.producer, () => parts.delivery.wake())),
      new PersonEmailResolver(deps.dataSource),
      new NotificationRobotResolver(new NotificationRobotService(deps.dataSource, deps.orgUnits, webhookHostsOf(parts.settings))),
    ];
  },
  eventHandlers: (deps) => {
    const parts = notificationParts(deps);
    return notificationHandlers(parts.producer, () => parts.delivery.wake());
  },
  jobs: (deps) => {
    const parts = notificationParts(deps);
    return [parts.delivery, parts.reminders];
  },
  policies: [NOTIFICATION_ROBOT_POLICY],
};
