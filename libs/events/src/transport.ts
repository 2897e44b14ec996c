import { EventContract, topicOf } from './contracts/contract';

/**
 * What the events lib needs from a message broker. The kafkajs implementation is in kafka-transport.ts;
 * another client can replace it without touching the outbox, relay or consumer runner.
 */
export interface OutgoingMessage {
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

export interface IncomingMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

export interface EventPublisher {
  /** Resolves once the broker has acknowledged every message (acks = all), in order per key. */
  publish(messages: OutgoingMessage[]): Promise<void>;
  close(): Promise<void>;
}

export interface EventSubscription {
  stop(): Promise<void>;
}

export interface EventSubscriber {
  /**
   * Delivers messages to the handler a batch at a time, each batch from one partition and in its order
   * (batches of different partitions may be handled at the same time); a batch's offsets are committed only
   * after its handler resolved. The group shares partitions among its instances.
   */
  subscribe(
    groupId: string,
    topics: string[],
    handle: (messages: IncomingMessage[]) => Promise<void>,
  ): Promise<EventSubscription>;
}

export interface EventTransport extends EventSubscriber {
  publisher(): Promise<EventPublisher>;
  /** Throws when the broker cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const HEADERS = {
  eventType: 'event-type',
  schemaVersion: 'schema-version',
  eventId: 'event-id',
  traceId: 'trace-id',
} as const;

/** A message of an event as the broker delivers it (for feeding a consumer directly, e.g. in a module's tests). */
export function deliveredMessage<P>(contract: EventContract<P>, payload: P, eventId: string, offset: number): IncomingMessage {
  return {
    topic: topicOf(contract.producer),
    partition: 0,
    offset: String(offset),
    key: null,
    value: JSON.stringify(payload),
    headers: { [HEADERS.eventType]: contract.type, [HEADERS.schemaVersion]: String(contract.version), [HEADERS.eventId]: eventId },
  };
}
