import { runWithTraceId, type Logger } from '@campus/logger';
import { DataSource, EntityManager } from 'typeorm';
import { EventContract } from './contracts';
import { DeadLetterRow } from './tables';
import { EventSubscriber, EventSubscription, HEADERS, IncomingMessage } from './transport';

export interface ConsumedEvent<P> {
  id: string;
  type: string;
  version: number;
  traceId: string | null;
  key: string | null;
  payload: P;
}

export interface EventHandler<P = unknown> {
  contract: EventContract<P>;
  /** Runs in the transaction that records the event in the inbox: effect and inbox commit together. */
  handle(manager: EntityManager, event: ConsumedEvent<P>): Promise<void>;
  /** Runs once that transaction has committed, when the event was applied (not for a redelivery): to wake work that reads the effect. */
  afterCommit?: () => void;
}

export function on<P>(contract: EventContract<P>, handle: EventHandler<P>['handle'], afterCommit?: () => void): EventHandler<P> {
  return { contract, handle, afterCommit };
}

export interface ConsumerOptions {
  groupId: string;
  logger: Logger;
  /** Attempts before a failing message is parked. */
  maxAttempts?: number;
  retryBaseMs?: number;
}

/** A message that can never succeed (no id, bad JSON, payload against its contract): parked at once. */
class PoisonMessage extends Error {}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Applies events to this service's database exactly once: each event id is recorded in the inbox in the
 * same transaction as its effect, so a redelivery is skipped. Transient failures are retried with
 * backoff; a message that keeps failing is parked in the dead-letter table and the partition moves on.
 */
export class EventConsumer {
  private subscription: EventSubscription | null = null;
  /** Per event type and version, every module's handler, run in module order in one transaction. */
  private readonly handlers = new Map<string, EventHandler<unknown>[]>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly subscriber: EventSubscriber,
    handlers: EventHandler<unknown>[],
    private readonly options: ConsumerOptions,
  ) {
    for (const handler of handlers) {
      const key = `${handler.contract.type}@${handler.contract.version}`;
      this.handlers.set(key, [...(this.handlers.get(key) ?? []), handler]);
    }
  }

  async start(): Promise<void> {
    const topics = [...new Set([...this.handlers.values()].map(([handler]) => `campus.${handler.contract.producer}.events`))];
    this.subscription = await this.subscriber.subscribe(this.options.groupId, topics, (message) => this.receive(message));
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = null;
  }

  /** Public for tests that feed messages directly. */
  async receive(message: IncomingMessage): Promise<void> {
    const type = message.headers[HEADERS.eventType];
    const version = Number(message.headers[HEADERS.schemaVersion]);
    const handlers = this.handlers.get(`${type}@${version}`);
    if (!handlers) return; // not an event this service reacts to
    const maxAttempts = this.options.maxAttempts ?? 5;
    for (let attempt = 1; ; attempt++) {
      try {
        const event = this.parse(message, handlers[0].contract);
        await this.apply(handlers, event);
        return;
      } catch (error) {
        if (error instanceof PoisonMessage || attempt >= maxAttempts) {
          await this.park(message, error as Error, attempt);
          return;
        }
        const delay = (this.options.retryBaseMs ?? 200) * 2 ** (attempt - 1);
        this.options.logger.warn({ err: error, attempt, delay, type, offset: message.offset }, 'event handler failed, retrying');
        await sleep(delay);
      }
    }
  }

  private parse<P>(message: IncomingMessage, contract: EventContract<P>): ConsumedEvent<P> {
    const id = message.headers[HEADERS.eventId];
    if (!id) throw new PoisonMessage('message has no event-id header');
    let json: unknown;
    try {
      json = JSON.parse(message.value ?? '');
    } catch {
      throw new PoisonMessage('payload is not JSON');
    }
    const parsed = contract.schema.safeParse(json);
    if (!parsed.success) throw new PoisonMessage(`payload breaks ${contract.type} v${contract.version}: ${parsed.error.message}`);
    return {
      id,
      type: contract.type,
      version: contract.version,
      traceId: message.headers[HEADERS.traceId] ?? null,
      key: message.key,
      payload: parsed.data,
    };
  }

  private async apply(handlers: EventHandler<unknown>[], event: ConsumedEvent<unknown>): Promise<void> {
    const applied = await this.dataSource.transaction(async (manager) => {
      const result = await manager.query('INSERT IGNORE INTO event_inbox (event_id, event_type, processed_at) VALUES (?, ?, ?)', [
        event.id,
        event.type,
        new Date(),
      ]);
      if (result.affectedRows === 0) return false; // applied before: a redelivery
      await runWithTraceId(event.traceId ?? event.id, async () => {
        for (const handler of handlers) await handler.handle(manager, event);
      });
      return true;
    });
    if (applied) for (const handler of handlers) handler.afterCommit?.();
  }

  private async park(message: IncomingMessage, error: Error, attempts: number): Promise<void> {
    this.options.logger.error({ err: error, topic: message.topic, partition: message.partition, offset: message.offset }, 'event parked in dead letters');
    await this.dataSource.getRepository(DeadLetterRow).insert({
      eventId: message.headers[HEADERS.eventId] ?? null,
      eventType: message.headers[HEADERS.eventType] ?? null,
      topic: message.topic,
      partition: message.partition,
      offset: message.offset,
      payload: message.value,
      error: error.message,
      attempts,
      failedAt: new Date(),
    });
  }
}
