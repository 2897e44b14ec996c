import { PeriodicJob } from '@campus/server';
import { newId } from '@campus/database';
import { NO_OUTBOX_SIGNAL } from '@campus/events';
import { createLogger } from '@campus/logger';
import { createServiceTestDatabase, TestDatabase } from '@campus/testing';
import { DataSource } from 'typeorm';
import { HAZARD_MODULES } from '../service';
import { escalationsOf, OverdueEscalator } from './overdue-escalator';

const UNIT = 'collegea';
const PATH = '/bureau/school/collegea/';
/** 12:00 on 2026-11-24 in Shanghai. */
const NOW = new Date('2026-11-24T04:00:00.000Z');
const logger = createLogger('escalation-test', 'silent');

interface Outboxed {
  type: string;
  aggregateId: string;
  payload: Record<string, unknown>;
}

describe('hazard-tracking: overdue detection and escalation (integration)', () => {
  let db: TestDatabase;
  let second: DataSource;
  let seq = 0;

  async function hazard(grade: 'GENERAL' | 'MAJOR', status: string, deadline: string): Promise<string> {
    const id = newId();
    seq++;
    await db.dataSource.query(
      `INSERT INTO hazard (id, code, title, description, category, grade, source, status, place_text, discovered_at,
                           registered_by_account_id, org_unit_id, org_path, version)
       VALUES (?, ?, ?, '现场检查发现', 'FIRE', ?, 'SELF_INSPECTION', ?, '实验楼三层', ?, 'officer-a', ?, ?, 1)`,
      [id, `YH-2026-${String(seq).padStart(5, '0')}`, `隐患${seq}`, grade, status, new Date('2026-11-01T00:00:00Z'), UNIT, PATH],
    );
    await db.dataSource.query(
      `INSERT INTO hazard_plan (hazard_id, responsible_person_id, measures, deadline, submitted_by_account_id, submitted_at)
       VALUES (?, 'p-leader', '整改', ?, 'leader-a', ?)`,
      [id, deadline, new Date('2026-11-02T00:00:00Z')],
    );
    return id;
  }

  async function escalationRows(): Promise<Record<string, number[]>> {
    const rows: { hazard_id: string; tier: number }[] = await db.dataSource.query('SELECT hazard_id, tier FROM hazard_escalation ORDER BY hazard_id, tier');
    const byHazard: Record<string, number[]> = {};
    for (const row of rows) (byHazard[row.hazard_id] ??= []).push(Number(row.tier));
    return byHazard;
  }

  async function outboxed(): Promise<Outboxed[]> {
    const rows: { event_type: string; aggregate_id: string; payload: string }[] = await db.dataSource.query(
      `SELECT event_type, aggregate_id, payload FROM event_outbox WHERE event_type IN ('hazard.overdue', 'hazard.escalated') ORDER BY id`,
    );
    return rows.map((row) => ({ type: row.event_type, aggregateId: row.aggregate_id, payload: JSON.parse(row.payload) }));
  }

  beforeAll(async () => {
    db = await createServiceTestDatabase('hazardescalation', HAZARD_MODULES);
    second = await db.connectAgain();
  });

  afterAll(async () => {
    await second?.destroy();
    await db?.drop();
  });

  it('marks overdue and escalates by tier, once, skipping accepted and not-yet-due hazards', async () => {
    const oneDay = await hazard('GENERAL', 'RECTIFYING', '2026-11-23');
    const fourDays = await hazard('GENERAL', 'REPORTED', '2026-11-20');
    const eightDays = await hazard('GENERAL', 'PENDING_ACCEPTANCE', '2026-11-16');
    const major = await hazard('MAJOR', 'RECTIFYING', '2026-11-23');
    const accepted = await hazard('GENERAL', 'ACCEPTED', '2026-11-16');
    const dueToday = await hazard('GENERAL', 'RECTIFYING', '2026-11-24');

    const escalator = new OverdueEscalator(db.dataSource, NO_OUTBOX_SIGNAL, logger, { now: () => NOW });
    expect(await escalator.runOnce(NOW)).toEqual({ overdue: 4, escalated: 1 + 2 + 3 + 1 });

    expect(await escalationRows()).toEqual({
      [oneDay]: [1],
      [fourDays]: [1, 2],
      [eightDays]: [1, 2, 3],
      [major]: [3],
    });
    const overdueIds: { hazard_id: string }[] = await db.dataSource.query('SELECT hazard_id FROM hazard_overdue');
    expect(overdueIds.map((row) => row.hazard_id).sort()).toEqual([oneDay, fourDays, eightDays, major].sort());

    const events = await outboxed();
    expect(events).toHaveLength(4 + 7);
    expect(events.some((event) => event.aggregateId === accepted || event.aggregateId === dueToday)).toBe(false);
    const overdue = events.filter((event) => event.type === 'hazard.overdue');
    expect(overdue.map((event) => event.aggregateId).sort()).toEqual([oneDay, fourDays, eightDays, major].sort());
    expect(overdue.find((event) => event.aggregateId === major)?.payload).toEqual({
      id: major,
      code: expect.stringMatching(/^YH-2026-/),
      orgUnitId: UNIT,
      orgPath: PATH,
      grade: 'MAJOR',
      deadline: '2026-11-23',
      detectedAt: NOW.toISOString(),
    });
    const escalated = events.filter((event) => event.type === 'hazard.escalated').map((event) => event.payload);
    expect(escalated.filter((payload) => payload.id === eightDays).map(({ tier, notify, accountability }) => ({ tier, notify, accountability }))).toEqual([
      { tier: 1, notify: 'RESPONSIBLE_PERSON', accountability: false },
      { tier: 2, notify: 'UNIT_LEADER', accountability: false },
      { tier: 3, notify: 'SAFETY_OFFICE', accountability: true },
    ]);
    expect(escalated.find((payload) => payload.id === major)).toEqual({
      id: major,
      code: expect.stringMatching(/^YH-2026-/),
      orgUnitId: UNIT,
      orgPath: PATH,
      grade: 'MAJOR',
      deadline: '2026-11-23',
      tier: 3,
      notify: 'SAFETY_OFFICE',
      accountability: true,
      escalatedAt: NOW.toISOString(),
    });
    expect(escalated.find((payload) => payload.id === fourDays && payload.tier === 2)).toMatchObject({ grade: 'GENERAL', deadline: '2026-11-20' });

    // Again: nothing new.
    expect(await escalator.runOnce(NOW)).toEqual({ overdue: 0, escalated: 0 });
    expect(await outboxed()).toHaveLength(11);

    // The deadline passes at midnight in Shanghai (16:00 UTC), not at midnight UTC.
    expect(await escalator.runOnce(new Date('2026-11-24T15:59:59.000Z'))).toEqual({ overdue: 0, escalated: 0 });
    expect(await escalator.runOnce(new Date('2026-11-24T16:00:00.000Z'))).toEqual({ overdue: 1, escalated: 1 });
    expect((await escalationRows())[dueToday]).toEqual([1]);

    // Days later the next tiers come due, once each.
    const later = new Date('2026-11-26T17:00:00.000Z'); // 2026-11-27 01:00 in Shanghai
    expect(await escalator.runOnce(later)).toEqual({ overdue: 0, escalated: 3 });
    expect(await escalationRows()).toMatchObject({ [oneDay]: [1, 2], [fourDays]: [1, 2, 3], [dueToday]: [1, 2] });
    expect((await escalationRows())[accepted]).toBeUndefined();

    const views = await escalationsOf(db.dataSource, [eightDays, accepted]);
    expect(views.get(accepted)).toEqual([]);
    expect(views.get(eightDays)?.map((view) => [view.tier, view.notify, view.accountability, view.deadline])).toEqual([
      [1, 'RESPONSIBLE_PERSON', false, '2026-11-16'],
      [2, 'UNIT_LEADER', false, '2026-11-16'],
      [3, 'SAFETY_OFFICE', true, '2026-11-16'],
    ]);
  });

  it('two instances running at once still escalate each hazard tier once', async () => {
    const before = (await outboxed()).length;
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push(await hazard(i % 5 === 0 ? 'MAJOR' : 'GENERAL', 'RECTIFYING', '2026-11-01'));
    const when = new Date('2026-11-24T04:00:00.000Z');
    const a = new OverdueEscalator(db.dataSource, NO_OUTBOX_SIGNAL, logger, { batchSize: 7 });
    const b = new OverdueEscalator(second, NO_OUTBOX_SIGNAL, logger, { batchSize: 11 });
    const [ra, rb] = await Promise.all([a.runOnce(when), b.runOnce(when)]);
    expect(ra.overdue + rb.overdue).toBe(30);
    expect(ra.escalated + rb.escalated).toBe(6 * 1 + 24 * 3);

    const events = (await outboxed()).slice(before);
    expect(events.filter((event) => event.type === 'hazard.overdue')).toHaveLength(30);
    const keys = events.filter((event) => event.type === 'hazard.escalated').map((event) => `${event.aggregateId}:${event.payload.tier}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(78);
    const rows = await escalationRows();
    for (const id of ids) expect(rows[id]).toEqual(ids.indexOf(id) % 5 === 0 ? [3] : [1, 2, 3]);
  });

  it('runs as a periodic job: start() runs it on its timer and stop() waits for the run in progress', async () => {
    const id = await hazard('GENERAL', 'REPORTED', '2026-11-22');
    const escalator = new OverdueEscalator(db.dataSource, NO_OUTBOX_SIGNAL, logger, { now: () => NOW });
    const job = new PeriodicJob('hazard escalation', 20, logger, () => escalator.runOnce());
    job.start();
    for (let i = 0; i < 100 && !(await escalationRows())[id]; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    await job.stop();
    expect((await escalationRows())[id]).toEqual([1]);
  });
});
