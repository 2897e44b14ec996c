import { calendarDateOf } from '@campus/graphql';
import { GraphQLClient } from '@campus/testing';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

/** The calendar day (Asia/Shanghai) `days` from today. */
function dayFromToday(days: number): string {
  const [year, month, day] = calendarDateOf(new Date()).split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

const TASK = `mutation($input: CreateInspectionTaskInput!) { createInspectionTask(input: $input) {
  inspectionTask { id version cadence currentPeriod { start end } template { name items { id seq text } } } } }`;
const MY_TASKS = `{ inspectionTasks(filter: { assignedToMe: true }) {
  edges { node { id name placeText assignee { name } orgUnit { name } currentPeriod { start end } currentInspection { id } } } } }`;
const PERFORM = `mutation($input: PerformInspectionInput!) { performInspection(input: $input) { inspection {
  id periodStart failedCount performedBy { name } task { name orgUnit { name } }
  results { seq passed hazardId } hazards { id code title grade source status placeText } } } }`;
const LEDGER = `query($filter: HazardLedgerFilter!) { hazards(filter: $filter, first: 50) {
  totalCount edges { node { id code title category grade source status orgUnit { name } } } } }`;
const COMPLETION = `query($unit: ID!, $from: CalendarDate!, $to: CalendarDate!, $groupBy: InspectionCompletionGroupBy) {
  inspectionCompletion(orgUnitId: $unit, from: $from, to: $to, groupBy: $groupBy) {
    due done missed rate rows { orgUnit { name } grid { name } tasks due done missed rate } } }`;
const MISSED = `query($unit: ID!, $from: CalendarDate!, $to: CalendarDate!) { missedInspections(orgUnitId: $unit, from: $from, to: $to, first: 50) {
  totalCount edges { node { periodStart periodEnd assignee { name } orgUnit { name } task { name cadence } } } } }`;

describe('inspections through the gateway: 日检查、周整改、月汇总', () => {
  let fixture: PlatformFixture;
  let office: GraphQLClient;
  let xxOfficer: GraphQLClient;
  let gridOfficer: GraphQLClient;
  let xx: string;
  const range = () => ({ unit: fixture.unitIds.XDZY, from: dayFromToday(-40), to: dayFromToday(0) });

  beforeAll(async () => {
    fixture = await startPlatformFixture(4180);
    [office, xxOfficer, gridOfficer] = await Promise.all(['safety.office', 'xx.officer', 'grid.officer'].map((name) => fixture.as(name)));
    xx = fixture.unitIds['XDZY-XX'];
  });

  afterAll(async () => {
    await fixture?.stop();
  });

  it('shows the demo campus’s completion and missed inspections to the safety office, names resolved across subgraphs', async () => {
    const byUnit = (await office.data(COMPLETION, { ...range(), groupBy: 'UNIT' })).inspectionCompletion;
    // fire round 10 days (8 done) + lab 4 weeks (3 done) + canteen 6 days (5 done) + last month's security check (done).
    expect(byUnit).toMatchObject({ due: 21, done: 17, missed: 4, rate: 0.8095 });
    const rows = Object.fromEntries(byUnit.rows.map((row: any) => [row.orgUnit.name, [row.tasks, row.due, row.done]]));
    expect(rows).toEqual({ 信息工程学院: [2, 14, 11], 后勤管理处: [1, 6, 5], 安全保卫处: [1, 1, 1] });
    const byGrid = (await office.data(COMPLETION, { ...range(), groupBy: 'GRID' })).inspectionCompletion;
    expect(byGrid.rows).toEqual([{ orgUnit: null, grid: { name: '信息工程学院网格' }, tasks: 1, due: 10, done: 8, missed: 2, rate: 0.8 }]);

    const missed = (await office.data(MISSED, range())).missedInspections;
    expect(missed.totalCount).toBe(4);
    const who = missed.edges.map(({ node }: any) => `${node.task.name}/${node.assignee.name}/${node.orgUnit.name}`).sort();
    expect(who).toEqual(
      [
        '301机房实验室安全周检/张伟/信息工程学院',
        '信息楼每日消防巡查/陈静/信息工程学院',
        '信息楼每日消防巡查/陈静/信息工程学院',
        '第一学生食堂食品安全日检/周强/后勤管理处',
      ].sort(),
    );
    expect(missed.edges.map(({ node }: any) => node.periodEnd)).toContain(dayFromToday(-3));
    expect(missed.edges.map(({ node }: any) => node.periodEnd)).toContain(dayFromToday(-4));

    const canteenHazards = (await office.data(LEDGER, { filter: { source: ['ROUTINE_INSPECTION'] } })).hazards;
    expect(canteenHazards.edges.map(({ node }: any) => [node.orgUnit.name, node.category])).toEqual([
      ['后勤管理处', 'FOOD'],
      ['后勤管理处', 'FOOD'],
    ]);
  });

  it('a grid officer performs the check the college scheduled: two failed items raise two hazards in the ledger', async () => {
    const template = (await xxOfficer.data('{ checklistTemplates(filter: { category: FIRE }) { edges { node { id builtIn } } } }')).checklistTemplates.edges[0].node;
    expect(template.builtIn).toBe(true);
    const people = await office.data('query($id: ID!) { orgUnit(id: $id) { people(filter: { nameContains: "陈静" }) { edges { node { id } } } } }', { id: xx });
    const task = (
      await xxOfficer.data(TASK, {
        input: {
          orgUnitId: xx,
          templateId: template.id,
          name: '实训楼夜间消防巡查',
          placeText: '3号实训楼',
          assigneePersonId: people.orgUnit.people.edges[0].node.id,
          cadence: 'DAILY',
          startsOn: dayFromToday(0),
        },
      })
    ).createInspectionTask.inspectionTask;
    expect(task).toMatchObject({ cadence: 'DAILY', currentPeriod: { start: dayFromToday(0), end: dayFromToday(0) } });
    expect(task.template.name).toBe('消防安全日常检查表');

    const mine = (await gridOfficer.data(MY_TASKS)).inspectionTasks.edges.map(({ node }: any) => node);
    const listed = mine.find((node: any) => node.id === task.id);
    expect(listed).toMatchObject({ assignee: { name: '陈静' }, orgUnit: { name: '信息工程学院' }, currentInspection: null });

    const results = task.template.items.map((item: any) =>
      item.seq === 2
        ? { itemId: item.id, passed: false, note: '二层东侧楼梯间堆放废旧桌椅' }
        : item.seq === 3
          ? { itemId: item.id, passed: false, note: '三层安全出口指示灯不亮', hazardTitle: '3号实训楼三层安全出口指示灯损坏' }
          : { itemId: item.id, passed: true },
    );
    const inspection = (await gridOfficer.data(PERFORM, { input: { taskId: task.id, results, version: task.version } })).performInspection.inspection;
    expect(inspection).toMatchObject({
      periodStart: dayFromToday(0),
      failedCount: 2,
      performedBy: { name: '陈静' },
      task: { name: '实训楼夜间消防巡查', orgUnit: { name: '信息工程学院' } },
    });
    expect(inspection.hazards).toHaveLength(2);
    expect(inspection.hazards.map((hazard: any) => [hazard.title, hazard.source, hazard.status, hazard.placeText])).toEqual([
      ['检查不合格：疏散通道、楼梯间畅通，无杂物堆放', 'ROUTINE_INSPECTION', 'REGISTERED', '3号实训楼'],
      ['3号实训楼三层安全出口指示灯损坏', 'ROUTINE_INSPECTION', 'REGISTERED', '3号实训楼'],
    ]);
    expect(inspection.results.filter((result: any) => result.hazardId).map((result: any) => result.seq)).toEqual([2, 3]);

    const ledger = (await xxOfficer.data(LEDGER, { filter: { orgUnitId: xx, source: ['ROUTINE_INSPECTION'] } })).hazards;
    expect(ledger.totalCount).toBe(2);
    expect(ledger.edges.map(({ node }: any) => node.id).sort()).toEqual(inspection.hazards.map((hazard: any) => hazard.id).sort());
    expect(ledger.edges.every(({ node }: any) => node.category === 'FIRE' && node.source === 'ROUTINE_INSPECTION')).toBe(true);
    expect(ledger.edges[0].node.code).toMatch(/^XDZY-YH-\d{4}-\d{4}$/);

    const again = await gridOfficer.request(PERFORM, { input: { taskId: task.id, results } });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    const other = await (await fixture.as('jd.officer')).request(PERFORM, { input: { taskId: task.id, results } });
    expect(other.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const done = (await gridOfficer.data(MY_TASKS)).inspectionTasks.edges.find(({ node }: any) => node.id === task.id).node;
    expect(done.currentInspection).toEqual({ id: inspection.id });

    // Today's period is not due yet: the school's figures are unchanged.
    expect((await office.data(COMPLETION, range())).inspectionCompletion).toMatchObject({ due: 21, done: 17 });
  });
});
