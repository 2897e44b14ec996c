import { ConfigError, ConfigOf, intVar, loadConfig, optionalUrlVar, stringVar } from '@campus/config';

/** The notification settings, validated with the service's config (see config.ts). */
export const NOTIFICATION_VARIABLES = {
  NOTIFICATION_SMTP_URL: optionalUrlVar('SMTP server for notification e-mail, e.g. smtps://user:password@smtp.example.com:465; unset: no e-mail', ['smtp', 'smtps']),
  NOTIFICATION_MAIL_FROM: stringVar('sender of notification e-mail', '校园安全管理平台 <no-reply@campus.local>'),
  NOTIFICATION_WEBHOOK_HOSTS: stringVar('hosts group-robot URLs may point at, comma-separated', 'qyapi.weixin.qq.com,oapi.dingtalk.com'),
  NOTIFICATION_DELIVERY_INTERVAL_MS: intVar('how often due notification deliveries are sent', 5000, { min: 100, max: 3_600_000 }),
  NOTIFICATION_RETRY_BASE_MS: intVar('wait before the first retry of a failed delivery (doubling each time)', 30_000, { min: 10, max: 3_600_000 }),
  NOTIFICATION_MAX_ATTEMPTS: intVar('attempts before a delivery is given up', 6, { min: 1, max: 20 }),
  NOTIFICATION_REMINDER_INTERVAL_MS: intVar('how often reminders (duty shift tomorrow) are produced', 600_000, { min: 100, max: 86_400_000 }),
};

export type NotificationSettings = ConfigOf<typeof NOTIFICATION_VARIABLES>;

export function loadNotificationSettings(env: NodeJS.ProcessEnv = process.env): NotificationSettings {
  const settings = loadConfig(NOTIFICATION_VARIABLES, env);
  const problems = notificationSettingProblems(settings);
  if (problems.length) throw new ConfigError(problems);
  return settings;
}

/** What loadConfig cannot say about single variables: the sender must be an address. */
export function notificationSettingProblems(settings: NotificationSettings): string[] {
  const address = settings.NOTIFICATION_MAIL_FROM.replace(/^.*<([^>]+)>\s*$/, '$1');
  return /^[^@\s<>]+@[^@\s<>]+$/.test(address)
    ? []
    : [`NOTIFICATION_MAIL_FROM must be an e-mail address like "名称 <name@example.com>", got "${settings.NOTIFICATION_MAIL_FROM}"`];
}

export function webhookHostsOf(settings: Pick<NotificationSettings, 'NOTIFICATION_WEBHOOK_HOSTS'>): string[] {
  return settings.NOTIFICATION_WEBHOOK_HOSTS.split(',').map((host) => host.trim().toLowerCase()).filter(Boolean);
}
