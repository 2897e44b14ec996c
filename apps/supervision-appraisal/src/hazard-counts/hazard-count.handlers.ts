import { EventHandler, HazardRegistered, HazardStatusChanged, on } from '@campus/events';
import { calendarDateOf } from '@campus/graphql';
import { EntityManager } from 'typeorm';

type Counter = 'registered' | 'major' | 'voided';

async function increment(manager: EntityManager, unitId: string, path: string, instant: string, counters: Counter[]): Promise<void> {
  const month = calendarDateOf(new Date(instant)).slice(0, 7);
  const values = (['registered', 'major', 'voided'] as const).map((counter) => (counters.includes(counter) ? 1 : 0));
  await manager.query(
    `INSERT INTO hazard_monthly_count (org_unit_id, month, org_path, registered, major, voided) VALUES (?, ?, ?, ?, ?, ?)
     ON DUPLICATE KEY UPDATE org_path = VALUES(org_path), registered = registered + VALUES(registered),
       major = major + VALUES(major), voided = voided + VALUES(voided)`,
    [unitId, month, path, ...values],
  );
}

/** Per unit and month: hazards registered (and how many major) in the month they were registered, voids in the month of voiding. */
export function hazardCountHandlers(): EventHandler<unknown>[] {
  return [
    on(HazardRegistered, (manager, { payload }) =>
      increment(manager, payload.orgUnitId, payload.orgPath, payload.registeredAt, payload.grade === 'MAJOR' ? ['registered', 'major'] : ['registered']),
    ),
    on(HazardStatusChanged, async (manager, { payload }) => {
      if (payload.to === 'VOIDED') await increment(manager, payload.orgUnitId, payload.orgPath, payload.changedAt, ['voided']);
    }),
  ];
}
