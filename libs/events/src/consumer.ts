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
  /** One event, in the transaction that records it in the inbox: effect and inbox commit together. */
  handle(manager: EntityManager, event: ConsumedEvent<P>): Promise<void>;
  /**
   * A run of consecutive events of the contract (one or many, in order), in the transaction that records them
   * in the inbox; the effect is that of handle() on each in turn. The consumer calls only this.
   */
  handleBatch(manager: EntityManager, events: ConsumedEvent<P>[]): Promise<void>;
  /** Runs once that transaction has committed, once per transaction that applied events of it (never for a redelivery alone): to wake work that reads the effect. */
  afterCommit?: () => void;
  /**
   * Which events the handler acts on at all (absent: every one). An event none of the service's handlers acts
   * on is skipped without a transaction or an inbox row: applying it has no effect that could be repeated.
   */
  concerns?(payload: P): boolean;
}

/** A handler that applies events one at a time (a batch: each in turn). */
export function on<P>(contract: EventContract<P>, handle: EventHandler<P>['handle'], afterCommit?: () => void): EventHandler<P> {
  const handleBatch = async (manager: EntityManager, events: ConsumedEvent<P>[]) => {
    for (const event of events) await handle(manager, event);
  };
  return { contract, handle, handleBatch, afterCommit };
}

/** A handler that applies a run of events at once (e.g. one multi-row upsert); one event is a run of one. */
export function onBatch<P>(contract: EventContract<P>, handleBatch: EventHandler<P>['handleBatch'], afterCommit?: () => void): EventHandler<P> {
  return { contract, handle: (manager, event) => handleBatch(manager, [event]), handleBatch, afterCommit };
}

/** The handler, acting only on the events `concerns` accepts (see EventHandler.concerns). */
export function onlyFor<P>(handler: EventHandler<P>, concerns: (payload: P) => boolean): EventHandler<P> {
  return { ...handler, concerns };
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

type Item = { handlers: EventHandler<unknown>[]; event: ConsumedEvent<unknown> };

/** Consecutive items of the same event type (and so the same handlers): the order across types is kept. */
function runsOf(items: Item[]): Item[][] {
  const runs: Item[][] = [];
  for (const item of items) {
    const last = runs[runs.length - 1];
    if (last && last[0].handlers === item.handlers) last.push(item);
    else runs.push([item]);
  }
  return runs;
}

/** Times a batch is applied while it meets lock conflicts, before its events are applied one by one. */
const BATCH_LOCK_ATTEMPTS = 3;

/** MySQL's ER_LOCK_DEADLOCK and ER_LOCK_WAIT_TIMEOUT: the transaction was rolled back (or gave up) over another's locks. */
const LOCK_CONFLICTS = new Set([1213, 1205]);

function isLockConflict(error: unknown): boolean {
  const cause = (error as { driverError?: { errno?: number }; errno?: number }) ?? {};
  return LOCK_CONFLICTS.has(cause.driverError?.errno ?? cause.errno ?? 0);
}

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
    this.subscription = await this.subscriber.subscribe(this.options.groupId, topics, (messages) => this.receiveBatch(messages));
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = null;
  }

  /**
   * A partition's batch, in order, applied in one transaction: the inbox rows and every effect commit
   * together, so a busy topic costs one commit per batch instead of one per event. A lock conflict with
   * another partition's transaction (a deadlock, a lock wait timeout) applies the batch again. Any other
   * failure — a handler's error, a poison message, a race for an event id — applies each message on its own
   * as receive() does, with its retries and parking: a bad message costs only itself. Public for tests.
   */
  async receiveBatch(messages: IncomingMessage[]): Promise<void> {
    const relevant = messages.filter((message) => this.handlersOf(message));
    for (let attempt = 1; relevant.length > 1; attempt++) {
      try {
        await this.applyAll(
          relevant.map((message) => {
            const handlers = this.handlersOf(message)!;
            return { handlers, event: this.parse(message, handlers[0].contract) };
          }),
        );
        return;
      } catch (error) {
        if (isLockConflict(error) && attempt < BATCH_LOCK_ATTEMPTS) continue;
        if (!(error instanceof PoisonMessage)) this.options.logger.warn({ err: error, messages: relevant.length }, 'event batch failed, applying its events one by one');
        break;
      }
    }
    for (const message of relevant) await this.receive(message);
  }

  /** One message; public for tests that feed messages directly. */
  async receive(message: IncomingMessage): Promise<void> {
    const handlers = this.handlersOf(message);
    if (!handlers) return; // not an event this service reacts to
    const type = message.headers[HEADERS.eventType];
    const maxAttempts = this.options.maxAttempts ?? 5;
    for (let attempt = 1; ; attempt++) {
      try {
        const event = this.parse(message, handlers[0].contract);
        await this.applyAll([{ handlers, event }]);
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

  private handlersOf(message: IncomingMessage): EventHandler<unknown>[] | undefined {
    return this.handlers.get(`${message.headers[HEADERS.eventType]}@${Number(message.headers[HEADERS.schemaVersion])}`);
  }

  /**
   * Applies in one transaction the events not in the inbox yet (a redelivery, or an event twice in a batch,
   * is skipped), then records them in the inbox; after the commit, the handlers' afterCommit once each. Each
   * run of consecutive events of one type goes through every module's handler, in module order, at once.
   */
  private async applyAll(all: Item[]): Promise<void> {
    const items = all.filter(({ handlers, event }) => handlers.some((handler) => !handler.concerns || handler.concerns(event.payload)));
    if (items.length === 0) return;
    const applied = await this.dataSource.transaction(async (manager) => {
      const ids = [...new Set(items.map(({ event }) => event.id))];
      const rows: { event_id: string }[] = await manager.query(`SELECT event_id FROM event_inbox WHERE event_id IN (${ids.map(() => '?').join(', ')})`, ids);
      const seen = new Set(rows.map((row) => row.event_id));
      const fresh: Item[] = [];
      for (const item of items) {
        if (seen.has(item.event.id)) continue;
        seen.add(item.event.id);
        fresh.push(item);
      }
      for (const run of runsOf(fresh)) {
        const events = run.map(({ event }) => event);
        await runWithTraceId(events[0].traceId ?? events[0].id, async () => {
          for (const handler of run[0].handlers) await handler.handleBatch(manager, events);
        });
      }
      // A concurrent consumer that applied one of them makes this insert fail, and the whole transaction with it.
      if (fresh.length) {
        const now = new Date();
        await manager.query(
          `INSERT INTO event_inbox (event_id, event_type, processed_at) VALUES ${fresh.map(() => '(?, ?, ?)').join(', ')}`,
          fresh.flatMap(({ event }) => [event.id, event.type, now]),
        );
      }
      return fresh;
    });
    const wakes = new Set(applied.flatMap(({ handlers }) => handlers.map((handler) => handler.afterCommit)));
    for (const wake of wakes) wake?.();
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
