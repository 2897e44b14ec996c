import { chunks } from '@campus/database';
import { EventHandler, HazardRegistered, HazardStatusChanged, onBatch } from '@campus/events';
import { calendarDateOf } from '@campus/graphql';
import { EntityManager } from 'typeorm';

type Counter = 'registered' | 'major' | 'voided';

/** What one event adds to its unit's month. */
interface Increment {
  unitId: string;
  path: string;
  instant: string;
  counters: Counter[];
}

const COUNTERS = ['registered', 'major', 'voided'] as const;

/** Adds a run of increments: summed per unit and month (the unit's path as the last of them names it), one upsert. */
async function increment(manager: EntityManager, increments: Increment[]): Promise<void> {
  const sums = new Map<string, { unitId: string; month: string; path: string; values: number[] }>();
  for (const { unitId, path, instant, counters } of increments) {
    const month = calendarDateOf(new Date(instant)).slice(0, 7);
    const key = `${unitId} ${month}`;
    const sum = sums.get(key) ?? { unitId, month, path, values: [0, 0, 0] };
    sum.path = path;
    COUNTERS.forEach((counter, index) => (sum.values[index] += counters.includes(counter) ? 1 : 0));
    sums.set(key, sum);
  }
  for (const part of chunks([...sums.values()], 500)) {
    await manager.query(
      `INSERT INTO hazard_monthly_count (org_unit_id, month, org_path, registered, major, voided) VALUES ${part.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}
       ON DUPLICATE KEY UPDATE org_path = VALUES(org_path), registered = registered + VALUES(registered),
         major = major + VALUES(major), voided = voided + VALUES(voided)`,
      part.flatMap(({ unitId, month, path, values }) => [unitId, month, path, ...values]),
    );
  }
}

/** Per unit and month: hazards registered (and how many major) in the month they were registered, voids in the month of voiding. */
export function hazardCountHandlers(): EventHandler<unknown>[] {
  return [
    onBatch(HazardRegistered, (manager, events) =>
      increment(
        manager,
        events.map(({ payload }) => ({
          unitId: payload.orgUnitId,
          path: payload.orgPath,
          instant: payload.registeredAt,
          counters: payload.grade === 'MAJOR' ? ['registered', 'major'] : ['registered'],
        })),
      ),
    ),
    onBatch(HazardStatusChanged, (manager, events) =>
      increment(
        manager,
        events.filter(({ payload }) => payload.to === 'VOIDED').map(({ payload }) => ({ unitId: payload.orgUnitId, path: payload.orgPath, instant: payload.changedAt, counters: ['voided'] })),
      ),
    ),
  ];
}
