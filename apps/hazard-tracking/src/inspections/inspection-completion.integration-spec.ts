import { NO_OUTBOX_SIGNAL } from '@campus/events';
import { SchemaRunner, TestDatabase } from '@campus/testing';
import {
  COMPLETION,
  DEACTIVATE_TASK,
  inspectionSteps,
  inspectionTestBed,
  MISSED,
  noonOf,
  officerA,
  officerB,
  schoolOffice,
  staffA,
  TEMPLATES,
} from './inspection-testing';

describe('inspections: completion and missed inspections (integration)', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;
  let today = '2025-11-19';
  const fire: Record<string, any> = {};
  const { expectError, createTask, perform } = inspectionSteps(() => runner, fire);

  beforeAll(async () => {
    ({ db, runner } = await inspectionTestBed('inspection_completion', () => new Date(noonOf(today)), NO_OUTBOX_SIGNAL));
    const fireOnly = await runner.data(staffA, TEMPLATES, { filter: { category: 'FIRE' } });
    Object.assign(fire, fireOnly.checklistTemplates.edges[0].node);
  });

  afterAll(async () => {
    await db?.drop();
  });

  describe('completion and missed inspections (clock fixed on Wednesday 2025-11-19)', () => {
    const range = { unit: 'collegec', from: '2025-10-01', to: '2025-11-30' };
    const tasks: Record<string, any> = {};

    beforeAll(async () => {
      today = '2025-11-19';
      const create = (key: string, input: Record<string, unknown>) =>
        createTask(schoolOffice, { orgUnitId: 'collegec', name: key, assigneePersonId: `person-${key}`, ...input }).then((task) => (tasks[key] = task));
      await create('daily', { gridId: 'grid-c', startsOn: '2025-11-01' });
      await create('weekly', { placeId: 'place-c', cadence: 'WEEKLY', startsOn: '2025-10-29' });
      await create('monthly', { orgUnitId: 'subc', cadence: 'MONTHLY', startsOn: '2025-09-01' });
      await create('once', { gridId: 'grid-c', cadence: 'ONCE', startsOn: '2025-10-10', endsOn: '2025-10-20' });
      await create('stopped', { startsOn: '2025-11-10' });
      for (const day of ['2025-11-02', '2025-11-03', '2025-11-05']) await perform(schoolOffice, tasks.daily.id, day);
      await perform(schoolOffice, tasks.weekly.id, '2025-10-31'); // week of 27 Oct – 2 Nov
      await perform(schoolOffice, tasks.weekly.id, '2025-11-12'); // week of 10 – 16 Nov
      await perform(schoolOffice, tasks.once.id, '2025-10-15');
      today = '2025-11-13';
      await runner.data(schoolOffice, DEACTIVATE_TASK, { input: { id: tasks.stopped.id, version: 1 } });
      today = '2025-11-19';
    });

    it('counts due periods that ended in the range, done ones and the rate, by unit and by grid', async () => {
      const byUnit = (await runner.data(schoolOffice, COMPLETION, { ...range, groupBy: 'UNIT' })).inspectionCompletion;
      // daily 18 (1–18 Nov) + weekly 3 + monthly 1 (October) + once 1 + stopped 3 (10–12 Nov) = 26; done 3 + 2 + 0 + 1 + 0 = 6.
      expect(byUnit).toMatchObject({ from: '2025-10-01', to: '2025-11-30', asOf: '2025-11-19', groupBy: 'UNIT', due: 26, done: 6, missed: 20, rate: 0.2308 });
      expect(byUnit.rows).toEqual([
        { orgUnit: { id: 'subc' }, gridId: null, tasks: 1, due: 1, done: 0, missed: 1, rate: 0 },
        { orgUnit: { id: 'collegec' }, gridId: null, tasks: 4, due: 25, done: 6, missed: 19, rate: 0.24 },
      ]);
      const byGrid = (await runner.data(schoolOffice, COMPLETION, { ...range, groupBy: 'GRID' })).inspectionCompletion;
      expect(byGrid.rows).toEqual([{ orgUnit: null, gridId: 'grid-c', tasks: 2, due: 19, done: 4, missed: 15, rate: 0.2105 }]);
      const sub = (await runner.data(schoolOffice, COMPLETION, { ...range, unit: 'subc' })).inspectionCompletion;
      expect(sub).toMatchObject({ due: 1, done: 0, rate: 0 });
      const november = (await runner.data(schoolOffice, COMPLETION, { ...range, from: '2025-11-01' })).inspectionCompletion;
      // October's month and the one-off check in October are not November's.
      expect(november).toMatchObject({ due: 24, done: 5 });
    });

    it('does not count the current period until it has ended', async () => {
      await perform(schoolOffice, tasks.daily.id, today);
      expect((await runner.data(schoolOffice, COMPLETION, range)).inspectionCompletion).toMatchObject({ due: 26, done: 6 });
      today = '2025-11-20';
      try {
        expect((await runner.data(schoolOffice, COMPLETION, range)).inspectionCompletion).toMatchObject({ asOf: '2025-11-20', due: 27, done: 7 });
      } finally {
        today = '2025-11-19';
      }
    });

    it('lists the missed periods with their task and assignee, most recent first, page by page', async () => {
      const seen: any[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page++) {
        const data: any = (await runner.data(schoolOffice, MISSED, { ...range, first: 7, after })).missedInspections;
        expect(data.totalCount).toBe(20);
        seen.push(...data.edges.map((edge: any) => edge.node));
        if (!data.pageInfo.hasNextPage) break;
        after = data.pageInfo.endCursor;
      }
      const expected = [
        ...['01', '04', '06', '07', '08', '09', '10', '11', '12', '13', '14', '15', '16', '17', '18'].map((day) => ['daily', `2025-11-${day}`, `2025-11-${day}`]),
        ['weekly', '2025-11-03', '2025-11-09'],
        ['monthly', '2025-10-01', '2025-10-31'],
        ...['10', '11', '12'].map((day) => ['stopped', `2025-11-${day}`, `2025-11-${day}`]),
      ];
      expect(seen.map((node) => [node.task.name, node.periodStart, node.periodEnd]).sort()).toEqual(expected.sort());
      const ends = seen.map((node) => node.periodEnd);
      expect(ends).toEqual([...ends].sort().reverse());
      expect(seen.find((node) => node.task.name === 'monthly')).toMatchObject({ assignee: { id: 'person-monthly' }, orgUnit: { id: 'subc' } });
    });

    it('answers only within scope and for sensible ranges', async () => {
      await expectError(officerB, COMPLETION, range, 'NOT_FOUND');
      await expectError(officerB, MISSED, range, 'NOT_FOUND');
      await expectError(schoolOffice, COMPLETION, { ...range, from: '2025-12-01' }, 'BAD_USER_INPUT');
      await expectError(schoolOffice, COMPLETION, { ...range, from: '2024-01-01' }, 'BAD_USER_INPUT');
      const empty = (await runner.data(officerA, COMPLETION, { ...range, unit: 'collegea', from: '2025-01-01', to: '2025-01-31' })).inspectionCompletion;
      expect(empty).toMatchObject({ due: 0, done: 0, missed: 0, rate: null, rows: [] });
    });
  });
});
