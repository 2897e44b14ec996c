import type { Logger } from '@campus/logger';
import { DataSource, QueryRunner } from 'typeorm';
import { EventPublisher, HEADERS, OutgoingMessage } from './transport';

export interface RelayOptions {
  logger: Logger;
  /** Names the lock that makes one instance of a service the publisher. */
  lockName: string;
  batchSize?: number;
  pollIntervalMs?: number;
  maxBackoffMs?: number;
  /** Test hook: runs after the broker acknowledged a batch and before it is marked sent. */
  afterPublish?: () => Promise<void>;
}

/** Events published at once at most: one produce request and one update per batch. */
const DEFAULT_BATCH_SIZE = 1000;

/** An event_outbox row as the relay reads it. */
interface PendingRow {
  id: string;
  event_id: string;
  event_type: string;
  schema_version: number;
  topic: string;
  aggregate_id: string;
  payload: string;
  trace_id: string | null;
}

function messageOf(row: PendingRow): OutgoingMessage {
  return {
    topic: row.topic,
    key: row.aggregate_id,
    value: row.payload,
    headers: {
      [HEADERS.eventType]: row.event_type,
      [HEADERS.schemaVersion]: String(row.schema_version),
      [HEADERS.eventId]: row.event_id,
      ...(row.trace_id ? { [HEADERS.traceId]: row.trace_id } : {}),
    },
  };
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
  /** The next batch, read while the last one was being published. */
  private reading: Promise<PendingRow[]> | null = null;
  /** The last published batch while its rows are being marked sent. */
  private marking: { ids: Set<string>; done: Promise<void> } | null = null;
  /** A notify() that came while no idle() was waiting: the next idle() returns at once. */
  private woken = false;
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
    if (this.wake) this.wake();
    else this.woken = true;
  }

  /** Finishes the batch in flight, releases the lock. */
  async stop(): Promise<void> {
    this.running = false;
    this.notify();
    await this.loop;
    await this.takeReading();
    await this.finishMarking().catch((error) => this.options.logger.warn({ err: error }, 'outbox relay: marking the last batch sent failed; it will be published again'));
    await this.releaseLock();
  }

  private async run(): Promise<void> {
    let backoffMs = 100;
    while (this.running) {
      try {
        if (!(await this.holdLock())) {
          await this.takeReading(); // another instance publishes: what was read ahead may go out there
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

  /**
   * Publishes the oldest pending events; returns how many. Reading the next batch and marking this one sent
   * overlap publishing (rows being published or marked are skipped by a read); if publishing or marking
   * fails, the rows are published again (consumers skip the copies). Plain SQL: this runs for every event.
   */
  private async publishBatch(): Promise<number> {
    let pending = (await this.takeReading()) ?? [];
    if (pending.length === 0) pending = await this.readPending(this.marking?.ids ?? new Set());
    if (pending.length === 0) {
      await this.finishMarking();
      return 0;
    }
    const ids = pending.map((row) => String(row.id));
    const publishing = this.publisher.publish(pending.map(messageOf));
    this.reading = this.readPending(new Set([...ids, ...(this.marking?.ids ?? [])]));
    this.reading.catch(() => undefined); // a failed read is only a batch not read ahead
    try {
      await publishing;
      await this.options.afterPublish?.();
      await this.finishMarking();
    } catch (error) {
      this.reading = null;
      throw error;
    }
    const done = this.dataSource.query(`UPDATE event_outbox SET sent_at = ? WHERE id IN (${ids.map(() => '?').join(', ')})`, [new Date(), ...ids]).then(() => undefined);
    done.catch(() => undefined); // awaited (and its failure reported) by the next finishMarking()
    this.marking = { ids: new Set(ids), done };
    this.options.logger.debug({ count: pending.length }, 'outbox relay: published');
    return pending.length;
  }

  /** The oldest pending rows but those skipped, up to a batch. */
  private async readPending(skipped: Set<string>): Promise<PendingRow[]> {
    const size = this.options.batchSize ?? DEFAULT_BATCH_SIZE;
    const rows: PendingRow[] = await this.dataSource.query(
      'SELECT id, event_id, event_type, schema_version, topic, aggregate_id, payload, trace_id FROM event_outbox WHERE sent_at IS NULL ORDER BY id LIMIT ?',
      [size + skipped.size],
    );
    return rows.filter((row) => !skipped.has(String(row.id))).slice(0, size);
  }

  /** The batch read ahead, if any (null when it failed). */
  private async takeReading(): Promise<PendingRow[] | null> {
    const reading = this.reading;
    this.reading = null;
    return reading ? reading.catch(() => null) : null;
  }

  /** Waits for the batch being marked sent; throws if marking it failed (it will be published again). */
  private async finishMarking(): Promise<void> {
    const marking = this.marking;
    this.marking = null;
    await marking?.done;
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

  /** Waits for the interval or a notify(), whichever comes first (one that came while publishing included). */
  private idle(ms: number): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
