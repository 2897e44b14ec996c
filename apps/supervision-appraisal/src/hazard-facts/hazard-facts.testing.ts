import { deliveredMessage, EventConsumer, EventContract, EventSubscriber, HazardRegistered, HazardStatusChanged, NO_OUTBOX_SIGNAL, PayloadOf } from '@campus/events';
import { createLogger } from '@campus/logger';
import { ORG_PROJECTION_MODULE } from '@campus/org-directory';
import { FeatureModule, serviceBase } from '@campus/server';
import { TestDatabase } from '@campus/testing';
import { randomUUID } from 'node:crypto';
import { APPRAISAL_SCHEMES_MODULE } from '../appraisal-schemes/appraisal-schemes.module';
import { MetricUnit } from '../metrics/metric';
import { HAZARD_FACTS_MODULE } from './hazard-facts.module';

/** A county, two schools and a college of the first: the units the hazard-fact specs count for. */
export const UNITS: Record<string, MetricUnit> = {
  county: { id: 'county', path: '/county/' },
  s1: { id: 's1', path: '/county/s1/' },
  k1: { id: 'k1', path: '/county/s1/k1/' },
  s2: { id: 's2', path: '/county/s2/' },
};
export const at = (unit: string) => ({ orgUnitId: unit, orgPath: UNITS[unit].path });

type Grade = 'GENERAL' | 'MAJOR';
type Registered = PayloadOf<typeof HazardRegistered>;
type Changed = PayloadOf<typeof HazardStatusChanged>;

export function registered(id: string, unit: string, instant: string, overrides: Partial<Registered> = {}): Registered {
  return {
    id,
    code: `YH-2026-${id}`,
    title: `隐患${id}`,
    ...at(unit),
    category: 'FIRE',
    grade: 'GENERAL',
    source: 'SELF_INSPECTION',
    status: 'REGISTERED',
    version: 1,
    discoveredAt: instant,
    registeredAt: instant,
    sourceRefType: null,
    sourceRefId: null,
    ...overrides,
  };
}

export function changed(id: string, unit: string, step: [Changed['from'], Changed['to'], number], instant: string, deadline: string | null = null, grade: Grade = 'GENERAL'): Changed {
  const [from, to, version] = step;
  return { id, ...at(unit), grade, from, to, version, changedAt: instant, reason: null, deadline };
}

/**
 * The closed loop's status changes as hazard-tracking publishes them: 报告 (v2), the plan (v3, no event),
 * 治理 with the deadline (v4), 申请验收 (v5), 验收通过 (v6) — as far as the dates given.
 */
export function loop(id: string, unit: string, dates: { reported: string; rectifying?: string; deadline?: string; submitted?: string; accepted?: string }, grade: Grade = 'GENERAL'): Changed[] {
  const deadline = dates.deadline ?? null;
  const steps: Changed[] = [changed(id, unit, ['REGISTERED', 'REPORTED', 2], dates.reported, null, grade)];
  if (dates.rectifying) steps.push(changed(id, unit, ['REPORTED', 'RECTIFYING', 4], dates.rectifying, deadline, grade));
  if (dates.submitted) steps.push(changed(id, unit, ['RECTIFYING', 'PENDING_ACCEPTANCE', 5], dates.submitted, deadline, grade));
  if (dates.accepted) steps.push(changed(id, unit, ['PENDING_ACCEPTANCE', 'ACCEPTED', 6], dates.accepted, deadline, grade));
  return steps;
}

/** 即查即改: five changes under one version, as one transition records them. */
export function fixedOnTheSpot(id: string, unit: string, instant: string): Changed[] {
  const path: Changed['to'][] = ['REGISTERED', 'REPORTED', 'RECTIFYING', 'PENDING_ACCEPTANCE', 'ACCEPTED', 'CLOSED'];
  return path.slice(1).map((to, index) => changed(id, unit, [path[index], to, 2], instant));
}

/** Never subscribes: the specs hand messages to the consumer themselves. */
const HANDED_IN: EventSubscriber = { subscribe: async () => ({ stop: async () => undefined }) };

/** The modules a hazard-facts spec migrates and consumes with: the facts, the schemes (whose indicators a migration renames), the org projection. */
export const HAZARD_FACT_SPEC_MODULES: readonly FeatureModule[] = [APPRAISAL_SCHEMES_MODULE as FeatureModule, HAZARD_FACTS_MODULE, ORG_PROJECTION_MODULE as FeatureModule];

/**
 * The real consumer (the modules' handlers, the inbox, contract validation) fed messages as the broker
 * delivers them: a redelivery is the same event id again, a replay the same payload under another id.
 */
export function consumerOf(db: TestDatabase, modules: readonly FeatureModule[] = HAZARD_FACT_SPEC_MODULES) {
  const deps = serviceBase(modules, db.dataSource, NO_OUTBOX_SIGNAL);
  const handlers = modules.flatMap((module) => module.eventHandlers?.(deps) ?? []);
  const consumer = new EventConsumer(db.dataSource, HANDED_IN, handlers, { groupId: 'supervision-appraisal', logger: createLogger('test', 'silent'), maxAttempts: 1 });
  let offset = 0;
  return {
    async deliver<P>(contract: EventContract<P>, payload: P, eventId: string = randomUUID()): Promise<string> {
      await consumer.receive(deliveredMessage(contract, payload, eventId, offset++));
      return eventId;
    },
    /** Events as one fetched batch of a partition, in order (one transaction). */
    async deliverBatch(events: { contract: EventContract<unknown>; payload: unknown }[]): Promise<void> {
      await consumer.receiveBatch(events.map(({ contract, payload }) => deliveredMessage(contract, payload, randomUUID(), offset++)));
    },
    /** Events the consumer could not apply (parked): the specs expect none. */
    parked: (): Promise<{ event_type: string; error: string }[]> => db.dataSource.query('SELECT event_type, error FROM event_dead_letter'),
  };
}
