import { Role } from '@campus/auth';
import { NO_OUTBOX_SIGNAL } from '@campus/events';
import { countStatements, createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { buildHazardSchema, HAZARD_MODULES } from '../service';

// The clock is fixed on Wednesday 2025-11-19 (Shanghai); hazards were found on 10 Nov.
const TODAY = '2025-11-19';
const noonOf = (day: string) => `${day}T04:00:00.000Z`;
const SCHOOLS = Array.from({ length: 20 }, (_, index) => `s${String(index + 1).padStart(2, '0')}`);
const PATHS: Record<string, string> = {
  bureau: '/bureau/',
  other: '/other/',
  ca: '/bureau/s01/ca/',
  ...Object.fromEntries(SCHOOLS.map((id) => [id, `/bureau/${id}/`])),
};
const admin = viewerWith('admin', [[Role.BUREAU_ADMIN, 'bureau', PATHS.bureau]], 'p-admin');
const officeS01 = viewerWith('office-s01', [[Role.SAFETY_OFFICE, 's01', PATHS.s01]], 'p-office');
const officerCa = viewerWith('officer-ca', [[Role.UNIT_SAFETY_OFFICER, 'ca', PATHS.ca]], 'p-officer');

const FIELDS = `open majorOpen overdue foundThisYear rectifiedThisYear rectificationRate inspectionsDueThisMonth inspectionsDoneThisMonth
  inspectionCompletionRate specialEquipmentOverdue`;
const OVERVIEWS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on OrgUnit { id hazardOverview { ${FIELDS} } } } }`;
const RANKING = `query($r: [_Any!]!, $metric: HazardRankMetric!, $order: RankOrder, $first: Int) { _entities(representations: $r) { ... on OrgUnit {
  hazardRanking(metric: $metric, order: $order, first: $first) { unit { id } value rank } } } }`;
const REGISTER = 'mutation($input: RegisterHazardInput!) { registerHazard(input: $input) { hazard { id version } } }';
const units = (ids: string[]) => ids.map((id) => ({ __typename: 'OrgUnit', id }));

describe('OrgUnit.hazardOverview and hazardRanking (integration)', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;
  const hazards: Record<string, { id: string; version: number }> = {};

  async function step(name: string, key: string, input: Record<string, unknown> = {}, viewer = admin) {
    const type = `${name[0].toUpperCase()}${name.slice(1)}Input`;
    const data = await runner.data(viewer, `mutation($input: ${type}!) { ${name}(input: $input) { hazard { id version } } }`, {
      input: { id: hazards[key].id, version: hazards[key].version, ...input },
    });
    hazards[key] = data[name].hazard;
  }

  async function register(key: string, unit: string, grade = 'GENERAL') {
    const input = { orgUnitId: unit, title: `隐患${key}`, description: '巡查发现', category: 'FIRE', grade, placeText: '教学楼', discoveredAt: noonOf('2025-11-10') };
    hazards[key] = (await runner.data(admin, REGISTER, { input })).registerHazard.hazard;
  }

  async function rectifying(key: string, deadline: string, viewer = admin) {
    await step('reportHazard', key, {}, viewer);
    await step('submitRectificationPlan', key, { responsiblePersonId: 'p-officer', measures: '整改', deadline, contingencyPlan: '临时管控' }, viewer);
    await step('startRectification', key, {}, viewer);
  }

  beforeAll(async () => {
    db = await createServiceTestDatabase('hazard_overview', HAZARD_MODULES);
    runner = new SchemaRunner(await buildHazardSchema(db.dataSource, fixedOrgDirectory(PATHS), NO_OUTBOX_SIGNAL, { now: () => new Date(noonOf(TODAY)) }));
    const projected = Object.entries(PATHS).map(([id, path]) => [id, path, id, id.startsWith('s') ? 'SCHOOL' : 'COLLEGE']);
    await db.dataSource.query(
      `INSERT INTO org_unit_projection (id, path, name, kind) VALUES ${projected.map(() => '(?, ?, ?, ?)').join(', ')}`,
      projected.flat(),
    );
    // s01: one closed, one rectifying past its deadline, one major registered; its college ca: one registered.
    await register('fixed', 's01');
    await register('late', 's01');
    await register('major', 's01', 'MAJOR');
    await register('college', 'ca');
    await rectifying('fixed', '2025-11-30', officeS01);
    await rectifying('late', '2025-11-15');
    await step('submitForAcceptance', 'fixed', { rectificationNote: '已整改' }, officeS01);
    await step('acceptHazard', 'fixed', { passed: true });
    await step('closeHazard', 'fixed');
    // s02: two rectifying past their deadline, one voided (not counted).
    await register('late2', 's02');
    await register('late3', 's02');
    await register('voided', 's02');
    await rectifying('late2', '2025-11-12');
    await rectifying('late3', '2025-11-18');
    await step('voidHazard', 'voided', { reason: '重复登记' });
    // s03: one rectifying, deadline not yet passed.
    await register('s03', 's03');
    await rectifying('s03', '2025-11-25');
    // Special equipment: s02 one overdue, one due later.
    const equipment = `mutation($input: RegisterSpecialEquipmentInput!) { registerSpecialEquipment(input: $input) { specialEquipment { id } } }`;
    for (const [no, due] of [['1', '2025-11-01'], ['2', '2026-03-01']]) {
      await runner.data(admin, equipment, { input: { orgUnitId: 's02', kind: 'BOILER', name: `锅炉${no}`, registrationNo: `锅${no}`, placeText: '锅炉房', nextInspectionDue: due } });
    }
    // Inspections: a daily task in ca from 13 Nov: 13–18 Nov due (6), inspected on 14 and 15 Nov.
    const templates = await runner.data(admin, `{ checklistTemplates(filter: { category: FIRE }) { edges { node { id items { id } } } } }`);
    const fire = templates.checklistTemplates.edges[0].node;
    const task = await runner.data(admin, `mutation($input: CreateInspectionTaskInput!) { createInspectionTask(input: $input) { inspectionTask { id } } }`, {
      input: { orgUnitId: 'ca', templateId: fire.id, name: '日检查', placeText: '实训楼', assigneePersonId: 'p-officer', cadence: 'DAILY', startsOn: '2025-11-13' },
    });
    const perform = `mutation($input: PerformInspectionInput!) { performInspection(input: $input) { inspection { id } } }`;
    for (const day of ['2025-11-14', '2025-11-15']) {
      const results = fire.items.map((item: { id: string }) => ({ itemId: item.id, passed: true }));
      await runner.data(admin, perform, { input: { taskId: task.createInspectionTask.inspectionTask.id, performedAt: noonOf(day), results } });
    }
  });

  afterAll(async () => {
    await db?.drop();
  });

  const overviews = async (viewer: typeof admin, ids: string[]) => (await runner.data(viewer, OVERVIEWS, { r: units(ids) }))._entities;

  it('sums each subtree: open, major, overdue, this year\'s rectification rate, this month\'s inspections, equipment overdue', async () => {
    const [s01, s02, s03, s04, ca, bureau] = await overviews(admin, ['s01', 's02', 's03', 's04', 'ca', 'bureau']);
    expect(s01.hazardOverview).toEqual({
      open: 3, majorOpen: 1, overdue: 1, foundThisYear: 4, rectifiedThisYear: 1, rectificationRate: 0.25,
      inspectionsDueThisMonth: 6, inspectionsDoneThisMonth: 2, inspectionCompletionRate: 0.3333, specialEquipmentOverdue: 0,
    });
    expect(ca.hazardOverview).toMatchObject({ open: 1, overdue: 0, foundThisYear: 1, rectificationRate: 0, inspectionsDueThisMonth: 6 });
    expect(s02.hazardOverview).toMatchObject({ open: 2, majorOpen: 0, overdue: 2, foundThisYear: 2, rectifiedThisYear: 0, rectificationRate: 0, specialEquipmentOverdue: 1 });
    expect(s03.hazardOverview).toMatchObject({ open: 1, overdue: 0, rectificationRate: 0 });
    expect(s04.hazardOverview).toEqual({
      open: 0, majorOpen: 0, overdue: 0, foundThisYear: 0, rectifiedThisYear: 0, rectificationRate: null,
      inspectionsDueThisMonth: 0, inspectionsDoneThisMonth: 0, inspectionCompletionRate: null, specialEquipmentOverdue: 0,
    });
    expect(bureau.hazardOverview).toMatchObject({ open: 6, majorOpen: 1, overdue: 3, foundThisYear: 7, rectifiedThisYear: 1, specialEquipmentOverdue: 1 });
  });

  it('ranks the bureau\'s schools on overdue hazards, worst or best first, ties sharing a rank', async () => {
    const ranking = async (metric: string, order = 'WORST_FIRST', first = 3) =>
      (await runner.data(admin, RANKING, { r: units(['bureau']), metric, order, first }))._entities[0].hazardRanking;
    expect(await ranking('OVERDUE_HAZARDS')).toEqual([
      { unit: { id: 's02' }, value: 2, rank: 1 },
      { unit: { id: 's01' }, value: 1, rank: 2 },
      { unit: { id: 's03' }, value: 0, rank: 3 },
    ]);
    expect((await ranking('OVERDUE_HAZARDS', 'BEST_FIRST', 20)).map((row: any) => row.unit.id).slice(-2)).toEqual(['s01', 's02']);
    // The bureau's own office (a 安全股) is part of the bureau, not ranked beside its schools.
    await db.dataSource.query("INSERT INTO org_unit_projection (id, path, name, kind) VALUES ('aqg', '/bureau/aqg/', '安全股', 'OFFICE')");
    const withOffice = (await ranking('OVERDUE_HAZARDS', 'BEST_FIRST', 100)).map((row: any) => row.unit.id);
    await db.dataSource.query("DELETE FROM org_unit_projection WHERE id = 'aqg'");
    expect(withOffice).not.toContain('aqg');
    expect(withOffice).toHaveLength(SCHOOLS.length);
    // Rates: units without hazards have no rate and come last whatever the order.
    expect(await ranking('RECTIFICATION_RATE', 'BEST_FIRST', 4)).toEqual([
      { unit: { id: 's01' }, value: 0.25, rank: 1 },
      { unit: { id: 's02' }, value: 0, rank: 2 },
      { unit: { id: 's03' }, value: 0, rank: 2 },
      { unit: { id: 's04' }, value: null, rank: 4 },
    ]);
  });

  it('answers only for units in the viewer\'s scope, and ranks only the children they see', async () => {
    const result = await runner.run(officerCa, OVERVIEWS, { r: units(['s02', 'ca']) });
    expect(result.data?._entities[0].hazardOverview).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(result.data?._entities[1].hazardOverview.open).toBe(1);
    const other = await runner.run(officeS01, OVERVIEWS, { r: units(['other']) });
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const refused = await runner.run(officeS01, RANKING, { r: units(['bureau']), metric: 'OPEN_HAZARDS' });
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const own = await runner.data(officeS01, RANKING, { r: units(['s01']), metric: 'OPEN_HAZARDS' });
    expect(own._entities[0].hazardRanking).toEqual([{ unit: { id: 'ca' }, value: 1, rank: 1 }]);
  });

  it('costs the same number of SQL statements for a county dashboard of 2 schools and of 20', async () => {
    const dashboard = (ids: string[]) => countStatements(db.dataSource, () => runner.data(admin, OVERVIEWS, { r: units(ids) }));
    const two = await dashboard(SCHOOLS.slice(0, 2));
    const twenty = await dashboard(SCHOOLS);
    expect(twenty.result._entities).toHaveLength(20);
    expect(twenty.result._entities[1].hazardOverview.overdue).toBe(2);
    expect(twenty.count).toBe(two.count);
    const ranking = await countStatements(db.dataSource, () => runner.data(admin, RANKING, { r: units(['bureau']), metric: 'OVERDUE_HAZARDS', first: 20 }));
    console.log(`hazard-tracking SQL statements: dashboard of 2 schools ${two.count}, of 20 schools ${twenty.count}, ranking of 20 schools ${ranking.count}`);
    expect(twenty.count).toBeLessThanOrEqual(5);
  });
});
