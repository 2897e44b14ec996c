import { newId } from '@campus/database';
import { EntityManager } from 'typeorm';
import { DeliveryChannel, DeliveryStatus, NotificationKind } from './notification-kind';
import { NotificationText } from './notification-messages';

/** One notification to some people, as the event handlers and reminders produce it. */
export interface NotificationRequest {
  kind: NotificationKind;
  personIds: readonly (string | null | undefined)[];
  text: NotificationText;
  /** What the notification opens (a hazard, a letter, a duty roster). */
  objectType: string;
  objectId: string;
  /** The unit whose group robot hears of it (the nearest unit up its path that has one). */
  orgUnitId: string;
  orgPath: string;
  /** Same key for the same person: produced once, whichever instance or redelivery tries again. */
  dedupKey: string;
  at: Date;
  /** Not to the unit's group robots (e.g. a person's test notification). */
  noRobots?: boolean;
  /** Not by e-mail, whatever the person's preference. */
  noEmail?: boolean;
}

interface RecipientRow {
  id: string;
  email: string | null;
  pref_email: number | null;
  pref_robot: number | null;
}

/**
 * Puts notifications in people's inboxes and queues their deliveries: e-mail (when SMTP is configured, the
 * person has an address and has not turned it off) and the unit's group robots (unless turned off), in the
 * caller's transaction. A key already used for a person is skipped, so repeating a request has no effect.
 */
export class NotificationProducer {
  constructor(private readonly emailEnabled: boolean) {}

  /** Returns how many notifications were created. */
  async notify(manager: EntityManager, request: NotificationRequest): Promise<number> {
    const personIds = [...new Set(request.personIds.filter((id): id is string => !!id))];
    if (!personIds.length) return 0;
    const recipients: RecipientRow[] = await manager.query(
      `SELECT p.id, p.email, pref.email AS pref_email, pref.robot AS pref_robot
         FROM person p LEFT JOIN notification_preference pref ON pref.person_id = p.id AND pref.kind = ?
        WHERE p.id IN (${personIds.map(() => '?').join(', ')}) AND p.active = 1`,
      [request.kind, ...personIds],
    );
    if (!recipients.length) return 0;
    const robots = request.noRobots ? [] : await robotsFor(manager, request.orgPath);
    let created = 0;
    for (const recipient of recipients) {
      const id = newId();
      const inserted = await manager.query(
        `INSERT IGNORE INTO notification (id, person_id, kind, title, body, object_type, object_id, org_unit_id, org_path, dedup_key, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [id, recipient.id, request.kind, request.text.title.slice(0, 200), request.text.body.slice(0, 1000), request.objectType, request.objectId,
          request.orgUnitId, request.orgPath, request.dedupKey.slice(0, 160), request.at],
      );
      if (Number((inserted as { affectedRows?: number }).affectedRows ?? 0) !== 1) continue;
      created++;
      const deliveries: [DeliveryChannel, string][] = [];
      if (this.emailEnabled && !request.noEmail && recipient.email && recipient.pref_email !== 0) deliveries.push([DeliveryChannel.EMAIL, recipient.email]);
      if (recipient.pref_robot !== 0) deliveries.push(...robots.map((robot): [DeliveryChannel, string] => [robot.kind as DeliveryChannel, robot.id]));
      await queueDeliveries(manager, id, deliveries, request.at);
    }
    return created;
  }
}

/** The robots of the nearest unit on the path (the unit itself first) that has any. */
async function robotsFor(manager: EntityManager, orgPath: string): Promise<{ id: string; kind: string }[]> {
  const rows: { id: string; kind: string; org_path: string }[] = await manager.query(
    `SELECT id, kind, org_path FROM notification_robot WHERE ? LIKE CONCAT(org_path, '%') ORDER BY LENGTH(org_path) DESC, id`,
    [orgPath],
  );
  return rows.filter((row) => row.org_path === rows[0].org_path);
}

async function queueDeliveries(manager: EntityManager, notificationId: string, deliveries: [DeliveryChannel, string][], at: Date): Promise<void> {
  if (!deliveries.length) return;
  await manager.query(
    `INSERT IGNORE INTO notification_delivery (id, notification_id, channel, target, status, attempts, next_attempt_at) VALUES ${deliveries.map(() => '(?, ?, ?, ?, ?, 0, ?)').join(', ')}`,
    deliveries.flatMap(([channel, target]) => [newId(), notificationId, channel, target, DeliveryStatus.PENDING, at]),
  );
}
