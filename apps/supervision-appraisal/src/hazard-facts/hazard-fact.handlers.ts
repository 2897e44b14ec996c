import { ConsumedEvent, EventHandler, HazardOverdue, HazardRegistered, HazardStatusChanged, IncidentReported, on, onBatch } from '@campus/events';
import { calendarDateOf } from '@campus/graphql';
import { mergeOverdue, mergeRegistration, mergeStatusChange } from './hazard-fact-merge';
import { applyToHazards } from './hazard-fact.store';

const payloadsOf = <P>(events: ConsumedEvent<P>[]) => events.map(({ payload }) => payload);

/**
 * Hazards and incidents from hazard-tracking's events. The consumer's inbox applies each event once; these
 * handlers make the result independent of the order events arrive in (see hazard-fact-merge.ts).
 */
export function hazardFactHandlers(): EventHandler<unknown>[] {
  return [
    onBatch(HazardRegistered, (manager, events) => applyToHazards(manager, payloadsOf(events), (payload) => payload.id, mergeRegistration)),
    onBatch(HazardStatusChanged, (manager, events) => applyToHazards(manager, payloadsOf(events), (payload) => payload.id, mergeStatusChange)),
    onBatch(HazardOverdue, (manager, events) => applyToHazards(manager, payloadsOf(events), (payload) => payload.id, mergeOverdue)),
    on(IncidentReported, async (manager, { payload }) => {
      // An incident is reported once; a second event for it (a replay under another id) changes nothing.
      await manager.query(
        `INSERT IGNORE INTO incident_fact (id, org_unit_id, org_path, type, severity, occurred_at, occurred_on, reported_at, report_delay_minutes, deaths, injuries)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          payload.id,
          payload.orgUnitId,
          payload.orgPath,
          payload.type,
          payload.severity,
          new Date(payload.occurredAt),
          calendarDateOf(new Date(payload.occurredAt)),
          new Date(payload.reportedAt),
          payload.reportDelayMinutes,
          payload.deaths,
          payload.injuries,
        ],
      );
    }),
  ];
}
