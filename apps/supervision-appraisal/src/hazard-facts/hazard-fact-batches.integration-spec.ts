import { EventContract, HazardOverdue, HazardRegistered, HazardStatusChanged } from '@campus/events';
import { FeatureModule } from '@campus/server';
import { createServiceTestDatabase, TestDatabase } from '@campus/testing';
import { HAZARD_COUNTS_MODULE } from '../hazard-counts/hazard-counts.module';
import { at, changed, consumerOf, fixedOnTheSpot, HAZARD_FACT_SPEC_MODULES, loop, registered } from './hazard-facts.testing';

const utc = (day: string, time = '02:00') => `${day}T${time}:00.000Z`;
type Delivery = { contract: EventContract<unknown>; payload: unknown };
const as = (contract: EventContract<any>) => (payload: unknown): Delivery => ({ contract, payload });

/**
 * The histories of three hazards of one unit, mixed as a partition may carry them: runs of several events of one
 * hazard, an acceptance before the registration, an overdue notice, a void and a hazard fixed on the spot.
 */
function histories(unit: string, prefix: string): Delivery[] {
  const [a, b, c] = ['a', 'b', 'c'].map((name) => `${prefix}${name}`);
  const aLoop = loop(a, unit, { reported: utc('2026-02-01'), rectifying: utc('2026-02-02'), deadline: '2026-02-10', submitted: utc('2026-02-14'), accepted: utc('2026-02-15') });
  return [
    ...[aLoop[3], aLoop[2]].map(as(HazardStatusChanged)),
    as(HazardRegistered)(registered(a, unit, utc('2026-02-01'))),
    as(HazardRegistered)(registered(b, unit, utc('2026-02-03'), { grade: 'MAJOR' })),
    as(HazardOverdue)({ id: a, code: `YH-2026-${a}`, ...at(unit), grade: 'GENERAL', deadline: '2026-02-10', detectedAt: utc('2026-02-11') }),
    ...[aLoop[1], aLoop[0]].map(as(HazardStatusChanged)),
    as(HazardRegistered)(registered(c, unit, utc('2026-02-04'))),
    ...fixedOnTheSpot(c, unit, utc('2026-02-04')).map(as(HazardStatusChanged)),
    as(HazardStatusChanged)(changed(b, unit, ['REGISTERED', 'VOIDED', 2], utc('2026-02-05'), null, 'MAJOR')),
    as(HazardRegistered)(registered(b, unit, utc('2026-02-03'), { grade: 'MAJOR' })), // a replay under another event id
  ];
}

describe('supervision-appraisal: hazard events applied a fetched batch at a time (integration)', () => {
  let db: TestDatabase;
  let events: ReturnType<typeof consumerOf>;

  beforeAll(async () => {
    const modules = [...HAZARD_FACT_SPEC_MODULES, HAZARD_COUNTS_MODULE as FeatureModule];
    db = await createServiceTestDatabase('hazardbatches', modules);
    events = consumerOf(db, modules);
  });
  afterAll(() => db?.drop());

  const facts = async (prefix: string) => {
    const rows: Record<string, unknown>[] = await db.dataSource.query(
      `SELECT id, grade, status, version, deadline, registered_at, reported_at, rectified_on, due_on, overdue_at, reported_late, voided
         FROM hazard_fact WHERE id LIKE ? ORDER BY id`,
      [`${prefix}%`],
    );
    return rows.map((row) => ({ ...row, id: String(row.id).slice(prefix.length) }));
  };
  const counts = (unit: string) => db.dataSource.query('SELECT month, registered, major, voided FROM hazard_monthly_count WHERE org_unit_id = ? ORDER BY month', [unit]);

  it('leaves the facts and counts that one event at a time leaves', async () => {
    for (const { contract, payload } of histories('s1', 'one-')) await events.deliver(contract, payload);
    await events.deliverBatch(histories('s2', 'all-'));

    expect(await events.parked()).toEqual([]);
    const one = await facts('one-');
    expect(one).toHaveLength(3);
    expect(await facts('all-')).toEqual(one);
    expect(one.find((row) => row.id === 'a')).toMatchObject({ status: 'ACCEPTED', version: 6, deadline: '2026-02-10' });
    expect(await counts('s2')).toEqual(await counts('s1'));
    expect(await counts('s1')).toEqual([{ month: '2026-02', registered: 4, major: 2, voided: 1 }]);
  });
});
