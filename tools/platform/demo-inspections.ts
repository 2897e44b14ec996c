import { calendarDateOf, schoolNoon } from '@campus/graphql';
import { GraphQLClient } from '@campus/testing';

/**
 * The demo campus's routine inspections (日检查、周整改、月汇总): daily fire rounds of the 信息工程学院 grid,
 * a weekly lab check, the canteen's daily food-safety check and the security office's monthly check, with
 * a few weeks of history — some periods missed, one canteen check with two failed items that raised hazards
 * in 后勤管理处 (no other unit's hazard counts change).
 */
const DAY_MS = 24 * 3600 * 1000;

/** A day relative to today in the school's time zone. */
function dayFromToday(offset: number): string {
  return calendarDateOf(new Date(Date.now() + offset * DAY_MS));
}

/** The Monday of the ISO week holding the day, plus offset days. */
function mondayOf(day: string, offset = 0): string {
  const date = new Date(`${day}T00:00:00Z`);
  const monday = date.getTime() - ((date.getUTCDay() + 6) % 7) * DAY_MS;
  return new Date(monday + offset * DAY_MS).toISOString().slice(0, 10);
}

interface Template {
  id: string;
  items: { id: string; seq: number }[];
}

async function builtInTemplate(client: GraphQLClient, category: string): Promise<Template> {
  const data = await client.data<{ checklistTemplates: { edges: { node: Template & { builtIn: boolean } }[] } }>(
    'query($filter: ChecklistTemplateFilter) { checklistTemplates(filter: $filter) { edges { node { id builtIn items { id seq } } } } }',
    { filter: { category } },
  );
  const template = data.checklistTemplates.edges.map((edge) => edge.node).find((node) => node.builtIn);
  if (!template) throw new Error(`no built-in ${category} checklist`);
  return template;
}

async function firstId(client: GraphQLClient, query: string, unitId: string, name: string): Promise<string> {
  const data = await client.data<Record<string, { edges: { node: { id: string; name: string } }[] }>>(query, { unitId });
  const node = Object.values(data)[0].edges.map((edge) => edge.node).find((candidate) => candidate.name === name);
  if (!node) throw new Error(`demo: ${name} not found`);
  return node.id;
}

async function createTask(client: GraphQLClient, input: Record<string, unknown>): Promise<string> {
  const data = await client.data<{ createInspectionTask: { inspectionTask: { id: string } } }>(
    'mutation($input: CreateInspectionTaskInput!) { createInspectionTask(input: $input) { inspectionTask { id } } }',
    { input },
  );
  return data.createInspectionTask.inspectionTask.id;
}

/** Performs a check on a past day: every item passes except those given with the problem found. */
async function perform(client: GraphQLClient, taskId: string, template: Template, day: string, failed: Record<number, string> = {}, note?: string) {
  const results = template.items.map((item) =>
    failed[item.seq] ? { itemId: item.id, passed: false, note: failed[item.seq] } : { itemId: item.id, passed: true },
  );
  await client.data('mutation($input: PerformInspectionInput!) { performInspection(input: $input) { inspection { id } } }', {
    input: { taskId, performedAt: schoolNoon(day).toISOString(), results, note },
  });
}

export async function seedDemoInspections(
  clients: Record<string, GraphQLClient>,
  unitIds: Record<string, string>,
  personIds: Record<string, string>,
  log: (line: string) => void,
): Promise<void> {
  const office = clients['safety.office'];
  const xxOfficer = clients['xx.officer'];
  const gridOfficer = clients['grid.officer'];
  const canteenManager = clients.staff;
  const [fire, lab, food, security] = await Promise.all(['FIRE', 'LAB_CHEMICAL', 'FOOD', 'SECURITY'].map((category) => builtInTemplate(office, category)));
  const gridQuery = 'query($unitId: ID!) { grids(filter: { orgUnitId: $unitId }) { edges { node { id name } } } }';
  const placeQuery = 'query($unitId: ID!) { places(filter: { orgUnitId: $unitId }, first: 100) { edges { node { id name } } } }';
  const xxGrid = await firstId(office, gridQuery, unitIds['XDZY-XX'], '信息工程学院网格');
  const lab301 = await firstId(office, placeQuery, unitIds['XDZY-XX'], '301机房');
  const canteen = await firstId(office, placeQuery, unitIds['XDZY-HQ'], '第一学生食堂');

  // 日检查: the grid safety officer's daily fire round of 信息楼, ten days so far, two of them missed.
  const fireRound = await createTask(xxOfficer, {
    orgUnitId: unitIds['XDZY-XX'],
    templateId: fire.id,
    name: '信息楼每日消防巡查',
    gridId: xxGrid,
    placeText: '信息楼一至三层',
    assigneePersonId: personIds['grid.officer'],
    cadence: 'DAILY',
    startsOn: dayFromToday(-10),
  });
  for (const offset of [-10, -9, -8, -6, -5, -4, -2, -1]) await perform(gridOfficer, fireRound, fire, dayFromToday(offset));

  // 周检查: the college safety officer's weekly check of the 301 computer lab, one week missed.
  const labCheck = await createTask(xxOfficer, {
    orgUnitId: unitIds['XDZY-XX'],
    templateId: lab.id,
    name: '301机房实验室安全周检',
    placeId: lab301,
    placeText: '信息楼三层301机房',
    assigneePersonId: personIds['xx.officer'],
    cadence: 'WEEKLY',
    startsOn: mondayOf(dayFromToday(-28)),
  });
  for (const weeksAgo of [4, 3, 1]) await perform(xxOfficer, labCheck, lab, mondayOf(dayFromToday(-7 * weeksAgo), 2));

  // The canteen's daily food-safety check: one day missed, one day with two failed items (two hazards).
  const canteenCheck = await createTask(office, {
    orgUnitId: unitIds['XDZY-HQ'],
    templateId: food.id,
    name: '第一学生食堂食品安全日检',
    placeId: canteen,
    placeText: '第一学生食堂后厨及库房',
    assigneePersonId: personIds.staff,
    cadence: 'DAILY',
    startsOn: dayFromToday(-6),
  });
  for (const offset of [-6, -5, -3, -2, -1]) {
    const failed: Record<number, string> =
      offset === -3
        ? { 6: '午餐有两个菜品未留样，留样柜记录缺当日午餐', 7: '二号冷藏柜温度显示 12℃，超过 0–8℃ 要求' }
        : {};
    await perform(canteenManager, canteenCheck, food, dayFromToday(offset), failed, offset === -3 ? '发现问题已当场要求整改并登记隐患' : undefined);
  }

  // 月检查: the security office's monthly check of the gates, perimeter and dormitories, done last month.
  const lastMonth = dayFromToday(-Number(dayFromToday(0).slice(8, 10)));
  const monthlyCheck = await createTask(office, {
    orgUnitId: unitIds['XDZY-BWC'],
    templateId: security.id,
    name: '校园治安月度检查',
    placeText: '校门、周界及学生宿舍区',
    assigneePersonId: personIds['safety.office'],
    cadence: 'MONTHLY',
    startsOn: `${lastMonth.slice(0, 7)}-01`,
  });
  await perform(office, monthlyCheck, security, `${lastMonth.slice(0, 7)}-15`);
  log('demo: 4 inspection tasks (daily, weekly, monthly) with 17 inspections, some periods missed, 2 hazards from failed canteen items');
}
