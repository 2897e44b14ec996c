import { currentTraceId } from '@campus/logger';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { EventContract, topicOf } from './contracts';

/** An outbox row as written: sent_at stays NULL until the relay has published it. */
interface OutboxValues {
  eventId: string;
  contract: EventContract<unknown>;
  aggregateId: string;
  payload: string;
  traceId: string | null;
  createdAt: Date;
}

/** Plain SQL: this runs in every transaction that records an event. */
async function insertOutbox(manager: EntityManager, rows: OutboxValues[]): Promise<void> {
  await manager.query(
    `INSERT INTO event_outbox (event_id, event_type, schema_version, topic, aggregate_id, payload, trace_id, created_at) VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
    rows.flatMap((row) => [row.eventId, row.contract.type, row.contract.version, topicOf(row.contract.producer), row.aggregateId, row.payload, row.traceId, row.createdAt]),
  );
}

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
  const payloadJson = JSON.stringify(contract.schema.parse(payload));
  const eventId = randomUUID();
  await insertOutbox(manager, [{ eventId, contract: contract as EventContract<unknown>, aggregateId, payload: payloadJson, traceId, createdAt: new Date() }]);
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
  const createdAt = new Date();
  const rows = events.map(({ aggregateId, payload }) => ({
    eventId: randomUUID(),
    contract: contract as EventContract<unknown>,
    aggregateId,
    payload: JSON.stringify(contract.schema.parse(payload)),
    traceId,
    createdAt,
  }));
  for (let start = 0; start < rows.length; start += 1000) await insertOutbox(manager, rows.slice(start, start + 1000));
}
