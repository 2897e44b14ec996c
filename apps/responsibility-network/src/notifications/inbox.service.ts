import { BadUserInputError, Caller, ConnectionShape, decodeCursor, ForbiddenError, toConnection } from '@campus/graphql';
import { DataSource } from 'typeorm';
import { ALL_NOTIFICATION_KINDS, testText } from './notification-messages';
import { NotificationProducer } from './notification-producer';
import { NotificationKind } from './notification-kind';
import { MarkNotificationsReadInput, SendTestNotificationInput, SetNotificationPreferencesInput } from './notification.inputs';
import { Notification, NotificationPreference } from './notification.types';

interface NotificationRow {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  object_type: string | null;
  object_id: string | null;
  created_at: Date;
  read_at: Date | null;
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * An account's inbox: the notifications of its own person, nobody else's. Another account's inbox is
 * FORBIDDEN (NOT_THE_NAMED_PERSON); an account without a person has none (NO_LINKED_PERSON on changes).
 */
export function ownPersonId(caller: Caller, accountId: string): string | null {
  if (caller.viewer.accountId !== accountId) throw new ForbiddenError('只能查看本人的通知', 'NOT_THE_NAMED_PERSON');
  return caller.viewer.personId;
}

function requirePerson(caller: Caller): string {
  if (!caller.viewer.personId) throw new ForbiddenError(undefined, 'NO_LINKED_PERSON');
  return caller.viewer.personId;
}

export class InboxService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: NotificationProducer,
    private readonly afterSend: () => void = () => undefined,
  ) {}

  /** 测试通知: the caller's own, to the inbox and (if asked and on) e-mail, never to a group robot; once a minute. */
  async sendTest(caller: Caller, input: SendTestNotificationInput): Promise<{ sent: boolean; unreadCount: number }> {
    const personId = requirePerson(caller);
    const now = new Date();
    const created = await this.dataSource.transaction(async (manager) => {
      const [person] = await manager.query('SELECT name, org_unit_id, org_path FROM person WHERE id = ?', [personId]);
      if (!person) throw new ForbiddenError(undefined, 'NO_LINKED_PERSON');
      return this.producer.notify(manager, {
        kind: NotificationKind.TEST,
        personIds: [personId],
        text: testText(person.name),
        objectType: 'PERSON',
        objectId: personId,
        orgUnitId: person.org_unit_id,
        orgPath: person.org_path,
        dedupKey: `test:${Math.floor(now.getTime() / 60_000)}`,
        at: now,
        noRobots: true,
        noEmail: !input.email,
      });
    });
    if (created) this.afterSend();
    return { sent: created > 0, unreadCount: await this.unreadCount(personId) };
  }

  /** Newest first; keyset on (created_at, id). */
  async list(personId: string, first: number, after: string | null | undefined, unreadOnly: boolean): Promise<ConnectionShape<Notification>> {
    const cursor = decodeCursor(after, 2);
    const unread = unreadOnly ? ' AND read_at IS NULL' : '';
    const page = cursor ? ' AND (created_at < ? OR (created_at = ? AND id < ?))' : '';
    const cursorParams = cursor ? [new Date(String(cursor[0])), new Date(String(cursor[0])), cursor[1]] : [];
    const [rows, [{ total }]]: [NotificationRow[], { total: number }[]] = await Promise.all([
      this.dataSource.query(
        `SELECT id, kind, title, body, object_type, object_id, created_at, read_at FROM notification
          WHERE person_id = ?${unread}${page} ORDER BY created_at DESC, id DESC LIMIT ${first + 1}`,
        [personId, ...cursorParams],
      ),
      this.dataSource.query(`SELECT COUNT(*) AS total FROM notification WHERE person_id = ?${unread}`, [personId]),
    ]);
    return toConnection(rows, first, Number(total), (row) => [row.created_at.toISOString(), row.id], toNotification);
  }

  async unreadCount(personId: string): Promise<number> {
    const [{ total }] = await this.dataSource.query('SELECT COUNT(*) AS total FROM notification WHERE person_id = ? AND read_at IS NULL', [personId]);
    return Number(total);
  }

  async markRead(caller: Caller, input: MarkNotificationsReadInput): Promise<{ marked: number; unreadCount: number }> {
    const personId = requirePerson(caller);
    const ids = input.ids ?? [];
    if (!input.all && !ids.length) throw new BadUserInputError([{ field: 'ids', message: '请给出要标为已读的通知，或选择全部' }]);
    const which = input.all ? '' : ` AND id IN (${ids.map(() => '?').join(', ')})`;
    const result = await this.dataSource.query(`UPDATE notification SET read_at = ? WHERE person_id = ? AND read_at IS NULL${which}`, [
      new Date(),
      personId,
      ...(input.all ? [] : ids),
    ]);
    return { marked: Number(result.affectedRows ?? 0), unreadCount: await this.unreadCount(personId) };
  }

  /** Every kind, with its stored choice or the default (all channels on). */
  async preferences(personId: string): Promise<NotificationPreference[]> {
    const rows: { kind: NotificationKind; email: number; robot: number }[] = await this.dataSource.query(
      'SELECT kind, email, robot FROM notification_preference WHERE person_id = ?',
      [personId],
    );
    return ALL_NOTIFICATION_KINDS.map((kind) => {
      const row = rows.find((candidate) => candidate.kind === kind);
      return { kind, email: row ? row.email === 1 : true, robot: row ? row.robot === 1 : true };
    });
  }

  async setPreferences(caller: Caller, input: SetNotificationPreferencesInput): Promise<{ preferences: NotificationPreference[]; email: string | null }> {
    const personId = requirePerson(caller);
    const email = input.email?.trim();
    if (email && !EMAIL.test(email)) throw new BadUserInputError([{ field: 'email', message: `邮箱格式不正确：${email}` }]);
    const kinds = input.preferences.map((preference) => preference.kind);
    if (new Set(kinds).size !== kinds.length) throw new BadUserInputError([{ field: 'preferences', message: '同一类别只能设置一次' }]);
    await this.dataSource.transaction(async (manager) => {
      for (const preference of input.preferences) {
        await manager.query(
          'INSERT INTO notification_preference (person_id, kind, email, robot) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE email = VALUES(email), robot = VALUES(robot)',
          [personId, preference.kind, preference.email, preference.robot],
        );
      }
      if (input.email !== undefined && input.email !== null) await manager.query('UPDATE person SET email = ? WHERE id = ?', [email || null, personId]);
    });
    const [person] = await this.dataSource.query('SELECT email FROM person WHERE id = ?', [personId]);
    return { preferences: await this.preferences(personId), email: person?.email ?? null };
  }
}

function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    objectType: row.object_type,
    objectId: row.object_id,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}
