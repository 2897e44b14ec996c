import { deliveredMessage, EventConsumer, EventContract, EventSubscriber, NO_OUTBOX_SIGNAL } from '@campus/events';
import { createLogger } from '@campus/logger';
import { serviceBase } from '@campus/server';
import { fixedOrgDirectory, TestDatabase } from '@campus/testing';
import { randomUUID } from 'node:crypto';
import { APPRAISAL_MODULES } from '../service';

/** Never subscribes: the tests hand messages to the consumer themselves. */
const HANDED_IN: EventSubscriber = { subscribe: async () => ({ stop: async () => undefined }) };

/**
 * The service's own consumer (every module's handlers, the inbox, contract validation) fed messages as the
 * broker would deliver them: a redelivery is the same event id again, a replay another id.
 */
export function factEvents(db: TestDatabase) {
  const deps = { ...serviceBase(APPRAISAL_MODULES, db.dataSource, NO_OUTBOX_SIGNAL), directory: fixedOrgDirectory({}) };
  const handlers = APPRAISAL_MODULES.flatMap((module) => module.eventHandlers?.(deps) ?? []);
  const consumer = new EventConsumer(db.dataSource, HANDED_IN, handlers, { groupId: 'supervision-appraisal', logger: createLogger('test', 'silent'), maxAttempts: 1 });
  let offset = 0;
  return {
    async deliver<P>(contract: EventContract<P>, payload: P, eventId: string = randomUUID()): Promise<string> {
      await consumer.receive(deliveredMessage(contract, payload, eventId, offset++));
      return eventId;
    },
    /** Events the consumer could not apply (parked): a test expects none. */
    parked: (): Promise<{ event_type: string; error: string }[]> => db.dataSource.query('SELECT event_type, error FROM event_dead_letter'),
  };
}
