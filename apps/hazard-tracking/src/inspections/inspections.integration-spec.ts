import { OutboxSignal } from '@campus/events';
import { SchemaRunner, TestDatabase } from '@campus/testing';
import {
  CREATE_TASK,
  CREATE_TEMPLATE,
  DEACTIVATE_TASK,
  gridOfficerA,
  INSPECTIONS,
  inspectionSteps,
  inspectionTestBed,
  noonOf,
  officerA,
  officerB,
  PERFORM,
  RETIRE_TEMPLATE,
  schoolOffice,
  staffA,
  TASKS,
  TEMPLATES,
} from './inspection-testing';

describe('inspections: checklists, tasks, performing with hazards (integration)', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;
  const today = '2025-11-19';
  let signals = 0;
  const fire: Record<string, any> = {};
  const { expectError, results, createTask, perform } = inspectionSteps(() => runner, fire);

  beforeAll(async () => {
    const outbox: OutboxSignal = { eventsRecorded: () => (signals += 1) };
    ({ db, runner } = await inspectionTestBed('inspections', () => new Date(noonOf(today)), outbox));
  });

  afterAll(async () => {
    await db?.drop();
  });

  describe('checklist templates', () => {
    it('has a built-in template with meaningful items for each focus area of seed 001', async () => {
      const all = await runner.data(staffA, TEMPLATES, { first: 50 });
      const builtIn = all.checklistTemplates.edges.map((edge: any) => edge.node).filter((node: any) => node.builtIn);
      expect(builtIn.map((node: any) => node.category).sort()).toEqual(
        ['BUILDING', 'CONSTRUCTION', 'FIRE', 'FOOD', 'LAB_CHEMICAL', 'SECURITY', 'SPECIAL_EQUIPMENT', 'TRAFFIC'].sort(),
      );
      for (const template of builtIn) {
        expect(template.items.length).toBeGreaterThanOrEqual(6);
        expect(template.items.length).toBeLessThanOrEqual(10);
        expect(template.items.map((item: any) => item.seq)).toEqual(template.items.map((_: unknown, index: number) => index + 1));
        expect(template).toMatchObject({ active: true, orgUnit: null });
      }
      const fireOnly = await runner.data(staffA, TEMPLATES, { filter: { category: 'FIRE' } });
      expect(fireOnly.checklistTemplates.totalCount).toBe(1);
      Object.assign(fire, fireOnly.checklistTemplates.edges[0].node);
      expect(fire.name).toBe('消防安全日常检查表');
      expect(fire.items[0]).toMatchObject({ seq: 1, text: '灭火器配置数量符合要求，在有效期内且压力正常', defaultGrade: 'GENERAL' });
      expect(fire.items.map((item: any) => item.text)).toEqual(
        expect.arrayContaining(['疏散通道、楼梯间畅通，无杂物堆放', '安全出口指示灯、应急照明灯完好有效']),
      );
      expect(fire.items[3].defaultGrade).toBe('MAJOR');
    });

    it("lets the safety office keep a unit's own templates, visible within and below the unit", async () => {
      const input = {
        orgUnitId: 'school',
        category: 'FOOD',
        name: '超市茶饮店食品安全检查表',
        items: [
          { text: '预包装食品在保质期内', defaultGrade: 'GENERAL' },
          { text: '现制饮品原料有进货查验记录', guidance: '查看近一周台账' },
        ],
      };
      const created = (await runner.data(schoolOffice, CREATE_TEMPLATE, { input })).createChecklistTemplate.checklistTemplate;
      expect(created).toMatchObject({ builtIn: false, orgUnit: { id: 'school' }, category: 'FOOD', active: true, version: 1 });
      expect(created.items).toEqual([
        { id: expect.any(String), seq: 1, text: '预包装食品在保质期内', guidance: null, defaultGrade: 'GENERAL' },
        { id: expect.any(String), seq: 2, text: '现制饮品原料有进货查验记录', guidance: '查看近一周台账', defaultGrade: 'GENERAL' },
      ]);
      await expectError(officerA, CREATE_TEMPLATE, { input: { ...input, orgUnitId: 'collegea' } }, 'FORBIDDEN');
      await expectError(officerA, CREATE_TEMPLATE, { input: { ...input, items: [] } }, 'BAD_USER_INPUT');
      const collegeB = (await runner.data(schoolOffice, CREATE_TEMPLATE, { input: { ...input, orgUnitId: 'collegeb', name: '机电学院食堂检查表' } }))
        .createChecklistTemplate.checklistTemplate;

      const food = async (viewer: typeof schoolOffice, filter: Record<string, unknown> = {}) =>
        (await runner.data(viewer, TEMPLATES, { filter: { category: 'FOOD', ...filter } })).checklistTemplates.edges.map((edge: any) => edge.node.name).sort();
      // A college sees its school's template (usable by its tasks), not a sibling college's.
      expect(await food(officerA)).toEqual(['超市茶饮店食品安全检查表', '食堂食品安全日常检查表'].sort());
      expect(await food(schoolOffice)).toEqual(['机电学院食堂检查表', '超市茶饮店食品安全检查表', '食堂食品安全日常检查表'].sort());
      expect(await food(schoolOffice, { orgUnitId: 'collegea' })).toEqual(['超市茶饮店食品安全检查表', '食堂食品安全日常检查表'].sort());

      await expectError(schoolOffice, RETIRE_TEMPLATE, { input: { id: fire.id, version: 1 } }, 'FORBIDDEN');
      await expectError(schoolOffice, RETIRE_TEMPLATE, { input: { id: collegeB.id, version: 7 } }, 'CONFLICT');
      const retired = (await runner.data(schoolOffice, RETIRE_TEMPLATE, { input: { id: collegeB.id, version: 1 } })).retireChecklistTemplate.checklistTemplate;
      expect(retired).toMatchObject({ active: false, version: 2 });
      await expectError(schoolOffice, RETIRE_TEMPLATE, { input: { id: collegeB.id, version: 2 } }, 'CONFLICT');
      expect(await food(schoolOffice)).toEqual(['超市茶饮店食品安全检查表', '食堂食品安全日常检查表'].sort());
      expect(await food(schoolOffice, { includeRetired: true })).toHaveLength(3);
      const taskInput = { orgUnitId: 'collegeb', name: '食堂检查', templateId: collegeB.id, placeText: '机电学院食堂', assigneePersonId: 'p', cadence: 'DAILY', startsOn: '2025-11-01' };
      await expectError(schoolOffice, CREATE_TASK, { input: taskInput }, 'CONFLICT');
      // Another unit's template cannot be used by a unit it does not cover.
      const schoolFood = (await runner.data(schoolOffice, TEMPLATES, { filter: { category: 'FOOD', orgUnitId: 'school' } })).checklistTemplates.edges
        .map((edge: any) => edge.node)
        .find((node: any) => !node.builtIn);
      const other = (await runner.data(schoolOffice, CREATE_TEMPLATE, { input: { ...input, orgUnitId: 'collegea', name: '信息学院检查表' } })).createChecklistTemplate
        .checklistTemplate;
      await expectError(schoolOffice, CREATE_TASK, { input: { ...taskInput, templateId: other.id } }, 'CONFLICT');
      const usable = await runner.data(schoolOffice, CREATE_TASK, { input: { ...taskInput, templateId: schoolFood.id } });
      expect(usable.createInspectionTask.inspectionTask.template).toEqual({ id: schoolFood.id, name: '超市茶饮店食品安全检查表' });
    });
  });

  describe('tasks and performing an inspection', () => {
    let task: Record<string, any>;

    it('schedules a task for a grid, a place or the unit, within the scheduler’s scope', async () => {
      task = await createTask(officerA, { orgUnitId: 'collegea', name: '信息楼每日消防检查', gridId: 'grid-xx', startsOn: '2025-11-01' });
      expect(task).toMatchObject({
        targetKind: 'GRID',
        gridId: 'grid-xx',
        placeId: null,
        cadence: 'DAILY',
        startsOn: '2025-11-01',
        endsOn: null,
        active: true,
        assignee: { id: 'person-grid-a' },
        orgUnit: { id: 'collegea' },
        template: { id: fire.id, name: '消防安全日常检查表' },
        currentPeriod: { start: today, end: today },
        currentInspection: null,
      });
      const place = await createTask(officerA, { orgUnitId: 'collegea', name: '301机房月检', placeId: 'place-301', cadence: 'MONTHLY', startsOn: '2025-11-01' });
      expect(place).toMatchObject({ targetKind: 'PLACE', placeId: 'place-301', currentPeriod: { start: '2025-11-01', end: '2025-11-30' } });
      const once = await createTask(officerA, { orgUnitId: 'collegea', name: '开学前消防专项检查', cadence: 'ONCE', startsOn: '2025-11-17' });
      expect(once).toMatchObject({ targetKind: 'UNIT', endsOn: '2025-11-17', currentPeriod: null });

      const base = { orgUnitId: 'collegea', name: '检查', startsOn: '2025-11-01' };
      const both = await expectError(officerA, CREATE_TASK, { input: { ...base, templateId: fire.id, placeText: 'x', assigneePersonId: 'p', cadence: 'DAILY', gridId: 'g', placeId: 'p' } }, 'BAD_USER_INPUT');
      expect(both.message).toContain('检查对象只能是网格、场所或整个单位之一');
      await expectError(officerA, CREATE_TASK, { input: { ...base, templateId: fire.id, placeText: 'x', assigneePersonId: 'p', cadence: 'WEEKLY', endsOn: '2025-10-01' } }, 'BAD_USER_INPUT');
      await expectError(staffA, CREATE_TASK, { input: { ...base, templateId: fire.id, placeText: 'x', assigneePersonId: 'p', cadence: 'DAILY' } }, 'FORBIDDEN');
      await expectError(officerB, CREATE_TASK, { input: { ...base, templateId: fire.id, placeText: 'x', assigneePersonId: 'p', cadence: 'DAILY' } }, 'NOT_FOUND');

      const mine = await runner.data(gridOfficerA, TASKS, { filter: { assignedToMe: true } });
      expect(mine.inspectionTasks.totalCount).toBe(3);
      const grids = await runner.data(officerA, TASKS, { filter: { gridId: 'grid-xx' } });
      expect(grids.inspectionTasks.edges.map((edge: any) => edge.node.name)).toEqual(['信息楼每日消防检查']);
      // Another college sees only its own task (scheduled for it by the school above).
      const other = await runner.data(officerB, TASKS, {});
      expect(other.inspectionTasks.edges.map((edge: any) => edge.node.name)).toEqual(['食堂检查']);
    });

    it('records the results and raises a hazard from each failed item, in one transaction', async () => {
      const before = Number((await db.dataSource.query("SELECT COUNT(*) AS n FROM event_outbox WHERE event_type = 'hazard.registered'"))[0].n);
      const inspection = await perform(gridOfficerA, task.id, today, { 2: { note: '二楼东侧通道堆放纸箱' }, 4: { note: '一楼安全出口上锁', hazardTitle: '一楼安全出口被锁闭' } });
      expect(inspection).toMatchObject({
        periodStart: today,
        periodEnd: today,
        performedAt: noonOf(today),
        passedCount: 7,
        failedCount: 2,
        orgUnit: { id: 'collegea' },
        performedBy: { id: 'person-grid-a' },
        task: { id: task.id, name: '信息楼每日消防检查' },
      });
      expect(inspection.results).toHaveLength(9);
      const failedResults = inspection.results.filter((result: any) => !result.passed);
      expect(failedResults.map((result: any) => [result.seq, result.grade, result.note])).toEqual([
        [2, 'GENERAL', '二楼东侧通道堆放纸箱'],
        [4, 'MAJOR', '一楼安全出口上锁'],
      ]);
      expect(inspection.results.filter((result: any) => result.passed).every((result: any) => result.hazardId === null)).toBe(true);
      expect(inspection.hazards).toEqual([
        expect.objectContaining({
          id: failedResults[0].hazardId,
          code: 'XDZY-YH-2025-0001',
          title: '检查不合格：疏散通道、楼梯间畅通，无杂物堆放',
          category: 'FIRE',
          grade: 'GENERAL',
          source: 'ROUTINE_INSPECTION',
          status: 'REGISTERED',
          placeText: '信息楼一至三层',
          discoveredBy: { id: 'person-grid-a' },
          orgUnit: { id: 'collegea' },
        }),
        expect.objectContaining({ id: failedResults[1].hazardId, title: '一楼安全出口被锁闭', grade: 'MAJOR', source: 'ROUTINE_INSPECTION' }),
      ]);
      expect(inspection.hazards[0].description).toContain('二楼东侧通道堆放纸箱');
      const rows = await db.dataSource.query('SELECT grid_id, place_id, source_ref_type, source_ref_id FROM hazard WHERE id IN (?, ?) ORDER BY code', [
        failedResults[0].hazardId,
        failedResults[1].hazardId,
      ]);
      expect(rows).toEqual([
        { grid_id: 'grid-xx', place_id: null, source_ref_type: 'INSPECTION', source_ref_id: failedResults[0].id },
        { grid_id: 'grid-xx', place_id: null, source_ref_type: 'INSPECTION', source_ref_id: failedResults[1].id },
      ]);
      const after = Number((await db.dataSource.query("SELECT COUNT(*) AS n FROM event_outbox WHERE event_type = 'hazard.registered'"))[0].n);
      expect(after - before).toBe(2);
      expect(signals).toBeGreaterThan(0);
      const steps = await db.dataSource.query('SELECT COUNT(*) AS n FROM hazard_step WHERE hazard_id IN (?, ?)', [failedResults[0].hazardId, failedResults[1].hazardId]);
      expect(Number(steps[0].n)).toBe(2);

      const seen = await runner.data(officerA, TASKS, { filter: { gridId: 'grid-xx' } });
      expect(seen.inspectionTasks.edges[0].node.currentInspection).toEqual({ id: inspection.id });
    });

    it('refuses a second inspection of the same period, and periods outside the task', async () => {
      const again = await expectError(gridOfficerA, PERFORM, { input: { taskId: task.id, performedAt: noonOf(today), results: results(fire) } }, 'CONFLICT');
      expect(again.message).toContain('已检查过');
      const early = await expectError(gridOfficerA, PERFORM, { input: { taskId: task.id, performedAt: noonOf('2025-10-31'), results: results(fire) } }, 'BAD_USER_INPUT');
      expect(early.message).toContain('不在任务的执行期间');
      // 2025-10-31T16:30Z is already 1 November in Shanghai: the task's first day.
      const firstDay = await runner.data(gridOfficerA, PERFORM, { input: { taskId: task.id, performedAt: '2025-10-31T16:30:00.000Z', results: results(fire) } });
      expect(firstDay.performInspection.inspection).toMatchObject({ periodStart: '2025-11-01', failedCount: 0, hazards: [] });
    });

    it('checks who performs and what is answered', async () => {
      const input = (overrides: Record<string, unknown>) => ({ input: { taskId: task.id, performedAt: noonOf('2025-11-03'), results: results(fire), ...overrides } });
      await expectError(staffA, PERFORM, input({}), 'FORBIDDEN');
      await expectError(officerA, PERFORM, input({}), 'FORBIDDEN');
      await expectError(officerB, PERFORM, input({}), 'NOT_FOUND');
      const missing = await expectError(gridOfficerA, PERFORM, input({ results: results(fire).slice(1) }), 'BAD_USER_INPUT');
      expect(missing.message).toContain('缺少检查项的结果：1');
      const unexplained = results(fire).map((result: any, index: number) => (index === 0 ? { itemId: result.itemId, passed: false } : result));
      const noNote = await expectError(gridOfficerA, PERFORM, input({ results: unexplained }), 'BAD_USER_INPUT');
      expect(noNote.message).toContain('不合格项须说明发现的问题');
      await expectError(gridOfficerA, PERFORM, input({ results: [...results(fire), results(fire)[0]] }), 'BAD_USER_INPUT');
      await expectError(gridOfficerA, PERFORM, input({ version: 9 }), 'CONFLICT');
      // The school's safety office may record a check on the assignee's behalf.
      const byOffice = await runner.data(schoolOffice, PERFORM, input({ version: 1, note: '代为登记纸质检查记录' }));
      expect(byOffice.performInspection.inspection).toMatchObject({ periodStart: '2025-11-03', performedBy: { id: 'person-office' }, note: '代为登记纸质检查记录' });
      const listed = await runner.data(officerA, INSPECTIONS, { filter: { taskId: task.id } });
      expect(listed.inspections.edges.map((edge: any) => edge.node.periodStart).sort()).toEqual(['2025-11-01', '2025-11-03', today]);
      const withFailures = await runner.data(officerA, INSPECTIONS, { filter: { withFailures: true } });
      expect(withFailures.inspections.edges.map((edge: any) => edge.node.failedCount)).toEqual([2]);
      expect((await runner.data(officerB, INSPECTIONS, {})).inspections.totalCount).toBe(0);
    });

    it('saves nothing when raising one of the hazards fails', async () => {
      await db.dataSource.query(`
        CREATE TRIGGER test_refuse_hazard BEFORE INSERT ON hazard FOR EACH ROW
        BEGIN
          IF NEW.title = '触发失败的隐患' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by test trigger'; END IF;
        END`);
      const count = async () =>
        (await db.dataSource.query(
          `SELECT (SELECT COUNT(*) FROM inspection) AS inspections, (SELECT COUNT(*) FROM inspection_result) AS results,
                  (SELECT COUNT(*) FROM hazard) AS hazards, (SELECT COUNT(*) FROM hazard_step) AS steps, (SELECT COUNT(*) FROM event_outbox) AS events`,
        ))[0];
      try {
        const before = await count();
        const failing = { taskId: task.id, performedAt: noonOf('2025-11-05'), results: results(fire, { 1: {}, 5: { hazardTitle: '触发失败的隐患' } }) };
        const result = await runner.run(gridOfficerA, PERFORM, { input: failing });
        expect(result.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
        expect(await count()).toEqual(before);
      } finally {
        await db.dataSource.query('DROP TRIGGER test_refuse_hazard');
      }
      const retried = await perform(gridOfficerA, task.id, '2025-11-05', { 1: {}, 5: {} });
      expect(retried.hazards).toHaveLength(2);
    });

    it('stops a task: no more inspections, and the deactivating role is checked', async () => {
      const temporary = await createTask(officerA, { orgUnitId: 'collegea', name: '临时检查', startsOn: '2025-11-01' });
      await expectError(gridOfficerA, DEACTIVATE_TASK, { input: { id: temporary.id, version: 1 } }, 'FORBIDDEN');
      await expectError(officerA, DEACTIVATE_TASK, { input: { id: temporary.id, version: 5 } }, 'CONFLICT');
      const stopped = (await runner.data(officerA, DEACTIVATE_TASK, { input: { id: temporary.id, version: 1 } })).deactivateInspectionTask.inspectionTask;
      expect(stopped).toMatchObject({ active: false, deactivatedOn: today, version: 2, currentPeriod: null });
      await expectError(officerA, DEACTIVATE_TASK, { input: { id: temporary.id, version: 2 } }, 'CONFLICT');
      const refused = await expectError(gridOfficerA, PERFORM, { input: { taskId: temporary.id, performedAt: noonOf('2025-11-02'), results: results(fire) } }, 'CONFLICT');
      expect(refused.message).toContain('已停用');
      const active = await runner.data(officerA, TASKS, { filter: { orgUnitId: 'collegea' } });
      expect(active.inspectionTasks.edges.map((edge: any) => edge.node.name)).not.toContain('临时检查');
      const inactive = await runner.data(officerA, TASKS, { filter: { orgUnitId: 'collegea', active: false } });
      expect(inactive.inspectionTasks.edges.map((edge: any) => edge.node.name)).toEqual(['临时检查']);
    });
  });
});
