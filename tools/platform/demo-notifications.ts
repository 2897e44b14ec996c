import { GraphQLClient } from '@campus/testing';
import { EXTRA_DEMO_LOGINS } from './demo-logins';

export interface NotificationsDemoContext {
  /** The bootstrap administrator (a person since BOOTSTRAP_ADMIN_NAME): logs in the demo's other logins too. */
  admin: GraphQLClient;
  clients: Record<string, GraphQLClient>;
  password: string;
  log: (line: string) => void;
}

const SEND_TEST = 'mutation($input: SendTestNotificationInput!) { sendTestNotification(input: $input) { sent } }';

/**
 * 通知: every demo login — the accounts, the bootstrap administrator and the demo's other logins — finds at
 * least one notification, a 测试通知 of their own, beside those the demo's own actions produce once
 * responsibility-network has consumed them (plans naming a responsible person, issued letters, tomorrow's duty).
 */
export async function seedDemoNotifications(context: NotificationsDemoContext): Promise<void> {
  const others = await Promise.all(EXTRA_DEMO_LOGINS.map(([username]) => context.admin.login(username, context.password)));
  const everyone = [context.admin, ...Object.values(context.clients), ...others];
  await Promise.all(everyone.map((client) => client.data(SEND_TEST, { input: { email: false } })));
  context.log(`demo: a test notification in each of ${everyone.length} demo logins' inboxes`);
}
