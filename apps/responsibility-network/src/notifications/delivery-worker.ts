import { DataSource } from 'typeorm';
import { DeliveryRecipient, NotificationChannel } from './notification-channels';
import { DeliveryChannel, DeliveryStatus, RobotKind } from './notification-kind';

export interface DeliveryWorkerOptions {
  batchSize?: number;
  retryBaseMs: number;
  maxAttempts: number;
  /** How long a claimed delivery is held by its worker before another may take it (a worker that died). */
  leaseMs?: number;
  now?: () => Date;
}

interface ClaimedRow {
  id: string;
  channel: DeliveryChannel;
  target: string;
  attempts: number;
  notification_id: string;
  title: string;
  body: string;
  person_name: string;
  robot_url: string | null;
  robot_kind: RobotKind | null;
  robot_secret: string | null;
  robot_keyword: string | null;
}

export type DeliveryRun = { delivered: number; retried: number; failed: number };

/**
 * Sends due deliveries through their channels, each once even with several instances running: a worker
 * claims rows with SELECT … FOR UPDATE SKIP LOCKED and, in the same short transaction, moves their next
 * attempt past a lease, so no other worker sees them while it sends (outside any transaction). A failure is
 * retried with doubling waits, recording attempts and the last error, until maxAttempts gives it up.
 */
export class DeliveryWorker {
  private readonly clock: () => Date;

  constructor(
    private readonly dataSource: DataSource,
    private readonly channels: readonly NotificationChannel[],
    private readonly options: DeliveryWorkerOptions,
  ) {
    this.clock = options.now ?? (() => new Date());
  }

  async runOnce(): Promise<DeliveryRun> {
    const run: DeliveryRun = { delivered: 0, retried: 0, failed: 0 };
    for (;;) {
      const claimed = await this.claim();
      if (!claimed.length) return run;
      for (const row of claimed) run[await this.send(row)]++;
    }
  }

  /** Due rows nobody holds, now held by this worker for the lease. */
  async claim(): Promise<ClaimedRow[]> {
    const now = this.clock();
    const ids = await this.dataSource.transaction(async (manager) => {
      const due: { id: string }[] = await manager.query(
        `SELECT id FROM notification_delivery WHERE status = ? AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ${this.options.batchSize ?? 20} FOR UPDATE SKIP LOCKED`,
        [DeliveryStatus.PENDING, now],
      );
      if (!due.length) return [];
      const list = due.map((row) => row.id);
      await manager.query(
        `UPDATE notification_delivery SET attempts = attempts + 1, next_attempt_at = ? WHERE id IN (${list.map(() => '?').join(', ')})`,
        [new Date(now.getTime() + (this.options.leaseMs ?? 120_000)), ...list],
      );
      return list;
    });
    if (!ids.length) return [];
    return this.dataSource.query(
      `SELECT d.id, d.channel, d.target, d.attempts, n.id AS notification_id, n.title, n.body, p.name AS person_name,
              r.url AS robot_url, r.kind AS robot_kind, r.secret AS robot_secret, r.keyword AS robot_keyword
         FROM notification_delivery d
         JOIN notification n ON n.id = d.notification_id
         JOIN person p ON p.id = n.person_id
         LEFT JOIN notification_robot r ON r.id = d.target AND d.channel IN ('WECOM', 'DINGTALK')
        WHERE d.id IN (${ids.map(() => '?').join(', ')}) ORDER BY d.next_attempt_at, d.id`,
      ids,
    );
  }

  private async send(row: ClaimedRow): Promise<keyof DeliveryRun> {
    try {
      const channel = this.channels.find((candidate) => candidate.channel === row.channel);
      if (!channel) throw new Error(`渠道未启用：${row.channel}`);
      await channel.deliver({ id: row.notification_id, title: row.title, body: row.body }, recipientOf(row));
      await this.dataSource.query('UPDATE notification_delivery SET status = ?, delivered_at = ?, last_error = NULL WHERE id = ?', [
        DeliveryStatus.DELIVERED,
        this.clock(),
        row.id,
      ]);
      return 'delivered';
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      const givingUp = row.attempts >= this.options.maxAttempts;
      const next = new Date(this.clock().getTime() + this.options.retryBaseMs * 2 ** (row.attempts - 1));
      await this.dataSource.query('UPDATE notification_delivery SET status = ?, next_attempt_at = ?, last_error = ? WHERE id = ?', [
        givingUp ? DeliveryStatus.FAILED : DeliveryStatus.PENDING,
        next,
        message,
        row.id,
      ]);
      return givingUp ? 'failed' : 'retried';
    }
  }
}

function recipientOf(row: ClaimedRow): DeliveryRecipient {
  if (row.channel === DeliveryChannel.EMAIL) return { personName: row.person_name, address: row.target };
  if (!row.robot_url || !row.robot_kind) throw new Error('群机器人已删除');
  return { personName: row.person_name, address: row.robot_url, robot: { kind: row.robot_kind, secret: row.robot_secret, keyword: row.robot_keyword } };
}
