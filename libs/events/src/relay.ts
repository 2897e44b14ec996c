import type { Logger } from '@campus/logger';
import { DataSource, IsNull, QueryRunner } from 'typeorm';
import { OutboxRow } from './tables';
import { EventPublisher, HEADERS } from './transport';

export interface RelayOptions {
  logger: Logger;
  /** Names the lock that makes one instance of a service the publisher. */
  lockName: string;
  batchSize?: number;
  pollIntervalMs?: number;
  maxBackoffMs?: number;
  /** Test hook: runs after the broker acknowledged a batch and before it is marked sent. */
  afterPublish?: (rows: OutboxRow[]) => Promise<void>;
}

/**
 * Publishes the outbox in order and marks what the broker acknowledged. One instance of a service holds
 * a database lock and publishes; the others wait for it, so no event is published by two instances.
 * While the broker is away it backs off and retries the same batch; nothing is skipped.
 */
export class OutboxRelay {
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private lockRunner: QueryRunner | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    private readonly options: RelayOptions,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Call after committing a transaction that recorded events, to publish them without waiting a poll. */
  notify(): void {
    this.wake?.();
  }

  /** Finishes the batch in flight, releases the lock. */
  async stop(): Promise<void> {
    this.running = false;
    this.notify();
    await this.loop;
    await this.releaseLock();
  }

  private async run(): Promise<void> {
    let backoffMs = 100;
    while (this.running) {
      try {
        if (!(await this.holdLock())) {
          await this.idle(this.pollIntervalMs * 4);
          continue;
        }
        const published = await this.publishBatch();
        backoffMs = 100;
        if (published === 0) await this.idle(this.pollIntervalMs);
      } catch (error) {
        this.options.logger.warn({ err: error, retryInMs: backoffMs }, 'outbox relay: publish failed, backing off');
        await this.idle(backoffMs);
        backoffMs = Math.min(backoffMs * 2, this.options.maxBackoffMs ?? 5000);
      }
    }
  }

  /** Publishes the oldest pending events; returns how many. */
  private async publishBatch(): Promise<number> {
    const pending = await this.dataSource.getRepository(OutboxRow).find({
      where: { sentAt: IsNull() },
      order: { id: 'ASC' },
      take: this.options.batchSize ?? 200,
    });
    if (pending.length === 0) return 0;
    await this.publisher.publish(
      pending.map((row) => ({
        topic: row.topic,
        key: row.aggregateId,
        value: row.payload,
        headers: {
          [HEADERS.eventType]: row.eventType,
          [HEADERS.schemaVersion]: String(row.schemaVersion),
          [HEADERS.eventId]: row.eventId,
          ...(row.traceId ? { [HEADERS.traceId]: row.traceId } : {}),
        },
      })),
    );
    await this.options.afterPublish?.(pending);
    await this.dataSource
      .createQueryBuilder()
      .update(OutboxRow)
      .set({ sentAt: new Date() })
      .whereInIds(pending.map((row) => row.id))
      .execute();
    this.options.logger.debug({ count: pending.length }, 'outbox relay: published');
    return pending.length;
  }

  private get pollIntervalMs(): number {
    return this.options.pollIntervalMs ?? 250;
  }

  /** True while this process holds the relay lock (taking it if free). */
  private async holdLock(): Promise<boolean> {
    if (!this.lockRunner) this.lockRunner = this.dataSource.createQueryRunner();
    try {
      const [{ held }] = await this.lockRunner.query('SELECT IS_USED_LOCK(?) = CONNECTION_ID() AS held', [this.options.lockName]);
      if (Number(held) === 1) return true;
      const [{ taken }] = await this.lockRunner.query('SELECT GET_LOCK(?, 0) AS taken', [this.options.lockName]);
      return Number(taken) === 1;
    } catch (error) {
      // The lock's connection broke: the lock is gone with it; start over with a new connection.
      await this.releaseLock();
      throw error;
    }
  }

  private async releaseLock(): Promise<void> {
    const runner = this.lockRunner;
    this.lockRunner = null;
    if (!runner) return;
    await runner.query('SELECT RELEASE_LOCK(?)', [this.options.lockName]).catch(() => undefined);
    await runner.release().catch(() => undefined);
  }

  /** Waits for the interval or a notify(), whichever comes first. */
  private idle(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    }).then(() => {
      this.wake = null;
    });
  }
}
