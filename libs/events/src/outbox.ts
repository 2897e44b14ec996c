import { currentTraceId } from '@campus/logger';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { EventContract, topicOf } from './contracts';
import { OutboxRow } from './tables';

/**
 * Records an event in the outbox, inside the caller's transaction: it is published if and only if the
 * change it describes commits. The payload is checked against its contract before it is stored.
 */
export async function recordEvent<P>(
  manager: EntityManager,
  contract: EventContract<P>,
  aggregateId: string,
  payload: P,
  traceId: string | null = currentTraceId(),
): Promise<string> {
  const checked = contract.schema.parse(payload);
  const eventId = randomUUID();
  await manager.insert(OutboxRow, {
    eventId,
    eventType: contract.type,
    schemaVersion: contract.version,
    topic: topicOf(contract.producer),
    aggregateId,
    payload: JSON.stringify(checked),
    traceId,
    createdAt: new Date(),
    sentAt: null,
  });
  return eventId;
}

/** Lets a service tell its relay that a committed transaction recorded events, so they go out at once. */
export interface OutboxSignal {
  eventsRecorded(): void;
}

export const NO_OUTBOX_SIGNAL: OutboxSignal = { eventsRecorded: () => undefined };

/** Runs a change in a transaction, then wakes the relay for the events it recorded. */
export async function transactionWithEvents<T>(
  dataSource: DataSource,
  outbox: OutboxSignal,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const result = await dataSource.transaction(work);
  outbox.eventsRecorded();
  return result;
}

/** Records many events of one type in one statement (bulk imports); same guarantees as recordEvent. */
export async function recordEvents<P>(
  manager: EntityManager,
  contract: EventContract<P>,
  events: { aggregateId: string; payload: P }[],
  traceId: string | null = currentTraceId(),
): Promise<void> {
  if (events.length === 0) return;
  const createdAt = new Date();
  const rows = events.map(({ aggregateId, payload }) => ({
    eventId: randomUUID(),
    eventType: contract.type,
    schemaVersion: contract.version,
    topic: topicOf(contract.producer),
    aggregateId,
    payload: JSON.stringify(contract.schema.parse(payload)),
    traceId,
    createdAt,
    sentAt: null,
  }));
  for (let start = 0; start < rows.length; start += 1000) {
    await manager.insert(OutboxRow, rows.slice(start, start + 1000));
  }
}
