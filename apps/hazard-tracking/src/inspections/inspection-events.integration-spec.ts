import { OutboxSignal } from '@campus/events';
import { SchemaRunner, TestDatabase } from '@campus/testing';
import { DEACTIVATE_TASK, gridOfficerA, inspectionSteps, inspectionTestBed, noonOf, officerA, TEMPLATES } from './inspection-testing';

/** The events an inspection task publishes for the appraisal: its schedule, its stop, each performed check. */
describe('inspections: events (integration)', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;
  let now = new Date(noonOf('2026-03-02'));
  let signals = 0;
  const fire: Record<string, any> = {};
  const { createTask, perform } = inspectionSteps(() => runner, fire);

  const outbox = async (type: string) =>
    (await db.dataSource.query('SELECT aggregate_id, payload FROM event_outbox WHERE event_type = ? ORDER BY id', [type])).map(
      (row: { aggregate_id: string; payload: string }) => ({ key: row.aggregate_id, ...JSON.parse(row.payload) }),
    );

  beforeAll(async () => {
    const signal: OutboxSignal = { eventsRecorded: () => (signals += 1) };
    ({ db, runner } = await inspectionTestBed('inspection_events', () => now, signal));
    Object.assign(fire, (await runner.data(officerA, TEMPLATES, { filter: { category: 'FIRE' } })).checklistTemplates.edges[0].node);
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('publishes the schedule of a new task, in the transaction that creates it', async () => {
    const before = signals;
    const task = await createTask(officerA, { orgUnitId: 'collegea', name: '信息楼每周消防检查', cadence: 'WEEKLY', startsOn: '2026-03-02' });
    expect(await outbox('inspection-task.scheduled')).toEqual([
      {
        key: task.id,
        id: task.id,
        name: '信息楼每周消防检查',
        orgUnitId: 'collegea',
        orgPath: '/bureau/school/collegea/',
        cadence: 'WEEKLY',
        startsOn: '2026-03-02',
        endsOn: null,
        version: 1,
        scheduledAt: expect.any(String),
      },
    ]);
    expect(signals).toBe(before + 1);
  });

  it('publishes each performed check with its due day, findings and whether it was recorded on time', async () => {
    const task = await createTask(officerA, { orgUnitId: 'collegea', name: '实训楼每周检查', cadence: 'WEEKLY', startsOn: '2026-03-02' });
    now = new Date(noonOf('2026-03-04'));
    const onTime = await perform(gridOfficerA, task.id, '2026-03-04', { 2: {}, 5: {} });
    now = new Date(noonOf('2026-03-17'));
    const backfilled = await perform(gridOfficerA, task.id, '2026-03-12');
    const performed = (await outbox('inspection.performed')).filter((event: any) => event.taskId === task.id);
    expect(performed).toEqual([
      expect.objectContaining({
        key: onTime.id,
        id: onTime.id,
        taskName: '实训楼每周检查',
        orgUnitId: 'collegea',
        periodStart: '2026-03-02',
        periodEnd: '2026-03-08',
        performedAt: noonOf('2026-03-04'),
        recordedAt: noonOf('2026-03-04'),
        onTime: true,
        findingsCount: 2,
      }),
      expect.objectContaining({ id: backfilled.id, periodStart: '2026-03-09', periodEnd: '2026-03-15', recordedAt: noonOf('2026-03-17'), onTime: false, findingsCount: 0 }),
    ]);
    // The failed items' hazards were registered in the same transaction, before the inspection's event.
    expect((await outbox('hazard.registered')).filter((event: any) => event.title.startsWith('检查不合格'))).toHaveLength(2);
  });

  it('publishes the day a task was stopped, with its new version', async () => {
    const task = await createTask(officerA, { orgUnitId: 'collegea', name: '临时检查', cadence: 'DAILY', startsOn: '2026-03-10' });
    now = new Date(noonOf('2026-03-20'));
    await runner.data(officerA, DEACTIVATE_TASK, { input: { id: task.id, version: task.version } });
    expect((await outbox('inspection-task.stopped')).filter((event: any) => event.id === task.id)).toEqual([
      { key: task.id, id: task.id, orgUnitId: 'collegea', orgPath: '/bureau/school/collegea/', stoppedOn: '2026-03-20', version: 2, stoppedAt: noonOf('2026-03-20') },
    ]);
  });
});
