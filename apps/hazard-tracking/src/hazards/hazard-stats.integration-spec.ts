import { Role } from '@campus/auth';
import { NO_OUTBOX_SIGNAL } from '@campus/events';
import { calendarDateOf } from '@campus/graphql';
import { createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { HAZARD_MODULES, buildHazardSchema } from '../service';

const PATHS = { school: '/bureau/school/', collegea: '/bureau/school/collegea/', collegeb: '/bureau/school/collegeb/' };
const officer = viewerWith('officer', [[Role.UNIT_SAFETY_OFFICER, 'collegea', PATHS.collegea]], 'p-officer');
const leader = viewerWith('leader', [[Role.UNIT_LEADER, 'collegea', PATHS.collegea]], 'p-leader');
const office = viewerWith('office', [[Role.SAFETY_OFFICE, 'school', PATHS.school]], 'p-office');
const day = (offset: number) => calendarDateOf(new Date(Date.now() + offset * 24 * 3600 * 1000));

const REGISTER = 'mutation($input: RegisterHazardInput!) { registerHazard(input: $input) { hazard { id version } } }';
const LEDGER = 'query($filter: HazardLedgerFilter!) { hazards(filter: $filter) { totalCount edges { node { title } } } }';
const STATS = `query($r: [_Any!]!, $from: CalendarDate!, $to: CalendarDate!) { _entities(representations: $r) { ... on OrgUnit {
  hazardStats(from: $from, to: $to) { total rectified rectificationRate onTimeRate overdue averageDaysToClose
    byGrade { grade count } byCategory { category count } byStatus { status count } } } } }`;

describe('ledger filters and unit statistics', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;
  const ids: Record<string, { id: string; version: number }> = {};

  async function step(viewer: typeof officer, name: string, input: Record<string, unknown>, key: string) {
    const data = await runner.data(viewer, `mutation($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { hazard { id version } } }`, {
      input: { id: ids[key].id, version: ids[key].version, ...input },
    });
    ids[key] = data[name].hazard;
  }

  beforeAll(async () => {
    db = await createServiceTestDatabase('stats', HAZARD_MODULES);
    runner = new SchemaRunner(await buildHazardSchema(db.dataSource, fixedOrgDirectory(PATHS), NO_OUTBOX_SIGNAL));
    const register = async (key: string, unit: string, title: string, category: string, grade: string) => {
      const input = { orgUnitId: unit, title, description: `${title}，巡查发现`, category, grade, placeText: '实训楼', discoveredAt: new Date(Date.now() - 3 * 24 * 3600 * 1000).toISOString() };
      ids[key] = (await runner.data(office, REGISTER, { input })).registerHazard.hazard;
    };
    await register('fixed', 'collegea', '配电箱无警示标识', 'ELECTRICAL', 'GENERAL');
    await register('late', 'collegea', '消防通道堆放杂物', 'FIRE', 'GENERAL');
    await register('major', 'collegea', '燃气报警器失灵', 'GAS', 'MAJOR');
    await register('other', 'collegeb', '乙学院隐患', 'FIRE', 'GENERAL');
    // 'fixed' goes all the way to closed, on time; 'late' is rectifying past its deadline.
    for (const [key, deadline] of [['fixed', day(5)], ['late', day(-1)]] as const) {
      await step(officer, 'reportHazard', {}, key);
      await step(officer, 'submitRectificationPlan', { responsiblePersonId: 'p-leader', measures: '整改', deadline, contingencyPlan: '临时管控' }, key);
      await step(officer, 'startRectification', {}, key);
    }
    await step(officer, 'submitForAcceptance', { rectificationNote: '已整改' }, 'fixed');
    await step(office, 'acceptHazard', { passed: true }, 'fixed');
    await step(office, 'closeHazard', {}, 'fixed');
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('filters the ledger by grade, overdue, text and discovery dates', async () => {
    const titles = async (filter: Record<string, unknown>) =>
      (await runner.data(office, LEDGER, { filter: { includeSubtree: true, ...filter } })).hazards.edges.map((edge: any) => edge.node.title).sort();
    expect(await titles({ grade: ['MAJOR'] })).toEqual(['燃气报警器失灵']);
    expect(await titles({ overdue: true })).toEqual(['消防通道堆放杂物']);
    expect(await titles({ search: '配电箱' })).toEqual(['配电箱无警示标识']);
    expect(await titles({ discoveredFrom: day(-1) })).toEqual([]);
    expect((await titles({ discoveredFrom: day(-4), discoveredTo: day(0) })).length).toBe(4);
    expect((await runner.data(leader, LEDGER, { filter: { includeSubtree: true } })).hazards.totalCount).toBe(3);
  });

  it('sums a unit subtree: counts, rectification and on-time rates, overdue, days to close', async () => {
    const stats = async (unit: string) =>
      (await runner.data(office, STATS, { r: [{ __typename: 'OrgUnit', id: unit }], from: day(-30), to: day(0) }))._entities[0].hazardStats;
    const college = await stats('collegea');
    expect(college).toMatchObject({ total: 3, rectified: 1, rectificationRate: 0.3333, onTimeRate: 1, overdue: 1 });
    expect(college.averageDaysToClose).toBeCloseTo(3, 0);
    expect(college.byGrade).toEqual(expect.arrayContaining([{ grade: 'MAJOR', count: 1 }, { grade: 'GENERAL', count: 2 }]));
    expect(college.byStatus).toEqual(expect.arrayContaining([{ status: 'CLOSED', count: 1 }, { status: 'RECTIFYING', count: 1 }]));
    expect((await stats('school')).total).toBe(4);
  });
});
