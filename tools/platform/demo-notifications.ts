import { GraphQLClient } from '@campus/testing';

export interface NotificationsDemoContext {
  clients: Record<string, GraphQLClient>;
  log: (line: string) => void;
}

const SEND_TEST = 'mutation($input: SendTestNotificationInput!) { sendTestNotification(input: $input) { sent } }';

/**
 * 通知: every demo login (each has a person; the bootstrap administrator has none, so no inbox) finds at least
 * one notification — a 测试通知 of their own — beside those the demo's own actions produce once
 * responsibility-network has consumed them (plans naming a responsible person, issued letters, tomorrow's duty).
 */
export async function seedDemoNotifications(context: NotificationsDemoContext): Promise<void> {
  const entries = Object.entries(context.clients);
  await Promise.all(entries.map(([, client]) => client.data(SEND_TEST, { input: { email: false } })));
  context.log(`demo: a test notification in each of ${entries.length} demo logins' inboxes`);
}
