import { Role } from '@campus/auth';
import { ConsumedEvent, EventHandler, GridAssignmentChanged, NO_OUTBOX_SIGNAL, PlaceChanged } from '@campus/events';
import { calendarDateOf } from '@campus/graphql';
import { createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { HAZARD_MODULES, buildHazardSchema } from '../service';
import { directoryProjectionHandlers } from '../directory/directory-handlers';

const PATHS = { school: '/bureau/school/', collegea: '/bureau/school/collegea/', collegeb: '/bureau/school/collegeb/' };
const office = viewerWith('office', [[Role.SAFETY_OFFICE, 'school', PATHS.school]], 'p-office');
const officerB = viewerWith('officer-b', [[Role.UNIT_SAFETY_OFFICER, 'collegeb', PATHS.collegeb]], 'p-officer-b');
const day = (offset: number) => calendarDateOf(new Date(Date.now() + offset * 24 * 3600 * 1000));

const REGISTER = 'mutation($input: RegisterHazardInput!) { registerHazard(input: $input) { hazard { id version placeText place { id } grid { id } } } }';
const PLAN = `mutation($input: SubmitRectificationPlanInput!) { submitRectificationPlan(input: $input) {
  hazard { id version deadline responsiblePerson { id } } } }`;
const LEDGER = `query($filter: HazardLedgerFilter!, $orderBy: HazardOrder, $first: Int, $after: String) {
  hazards(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { title deadline } } } }`;

function event<P>(handler: EventHandler<unknown>, payload: P): ConsumedEvent<unknown> {
  return { id: `e-${Math.random()}`, type: handler.contract.type, version: 1, traceId: null, key: null, payload };
}

describe('the hazard ledger: places, grids, sorting and one-statement pages', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;
  const titles = (data: any) => data.hazards.edges.map((edge: any) => edge.node.title);

  async function register(title: string, extra: Record<string, unknown> = {}) {
    const input = {
      orgUnitId: 'collegea',
      title,
      description: `${title}：巡查发现`,
      category: 'FIRE',
      placeText: '实训楼',
      discoveredAt: new Date(Date.now() - 3600_000).toISOString(),
      ...extra,
    };
    return (await runner.data(office, REGISTER, { input })).registerHazard.hazard;
  }

  async function planWithDeadline(hazard: { id: string; version: number }, deadline: string) {
    const reported = (await runner.data(office, 'mutation($input: ReportHazardInput!) { reportHazard(input: $input) { hazard { id version } } }', {
      input: { id: hazard.id, version: hazard.version },
    })).reportHazard.hazard;
    const input = { id: reported.id, version: reported.version, responsiblePersonId: 'p-resp', measures: '更换', deadline, contingencyPlan: '设专人看守' };
    return (await runner.data(office, PLAN, { input })).submitRectificationPlan.hazard;
  }

  beforeAll(async () => {
    db = await createServiceTestDatabase('ledger', HAZARD_MODULES);
    runner = new SchemaRunner(await buildHazardSchema(db.dataSource, fixedOrgDirectory(PATHS), NO_OUTBOX_SIGNAL));
    const [placeHandler] = directoryProjectionHandlers().filter((handler) => handler.contract === PlaceChanged);
    const [gridHandler] = directoryProjectionHandlers().filter((handler) => handler.contract === GridAssignmentChanged);
    await db.dataSource.transaction(async (manager) => {
      const place = { kind: 'BUILDING', function: null, keyPlace: true, parentId: null, active: true };
      await placeHandler.handle(manager, event(placeHandler, { ...place, id: 'lab', name: '实训楼A座', orgUnitId: 'collegea', orgPath: PATHS.collegea }));
      await placeHandler.handle(manager, event(placeHandler, { ...place, id: 'gym', name: '体育馆', orgUnitId: 'collegeb', orgPath: PATHS.collegeb }));
      const assignment = { personId: 'p-grid', role: 'LEADER', from: day(-30), to: null };
      await gridHandler.handle(manager, event(gridHandler, { ...assignment, gridId: 'grid-a', gridName: '实训区网格', orgUnitId: 'collegea', orgPath: PATHS.collegea }));
    });
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('links a hazard to a projected place and grid, naming the place when no location text is given', async () => {
    const hazard = await register('电线老化', { placeId: 'lab', gridId: 'grid-a', placeText: undefined });
    expect(hazard).toMatchObject({ placeText: '实训楼A座', place: { id: 'lab' }, grid: { id: 'grid-a' } });

    const outOfScopePlace = await runner.run(officerB, REGISTER, {
      input: { orgUnitId: 'collegeb', title: '越界场所', description: '…', category: 'FIRE', placeId: 'lab', discoveredAt: new Date().toISOString() },
    });
    expect(outOfScopePlace.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    const unknownGrid = await runner.run(office, REGISTER, {
      input: { orgUnitId: 'collegea', title: '未知网格', description: '…', category: 'FIRE', placeText: '某处', gridId: 'nope', discoveredAt: new Date().toISOString() },
    });
    expect(unknownGrid.errors?.[0].message).toContain('网格不存在');
    const noPlace = await runner.run(office, REGISTER, {
      input: { orgUnitId: 'collegea', title: '无部位', description: '…', category: 'FIRE', discoveredAt: new Date().toISOString() },
    });
    expect(noPlace.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });

    const byPlace = await runner.data(office, LEDGER, { filter: { includeSubtree: true, placeId: 'lab' } });
    expect(titles(byPlace)).toEqual(['电线老化']);
    const byGrid = await runner.data(office, LEDGER, { filter: { includeSubtree: true, gridId: 'grid-a', search: '实训楼A' } });
    expect(titles(byGrid)).toEqual(['电线老化']);
  });

  it('sorts by deadline (none last) and pages with a cursor, keeping the total on every page', async () => {
    await planWithDeadline(await register('期限最近'), day(2));
    await planWithDeadline(await register('期限最远'), day(20));
    await planWithDeadline(await register('期限居中'), day(5));
    const filter = { includeSubtree: true, search: '期限' };
    const first = await runner.data(office, LEDGER, { filter, orderBy: 'DEADLINE_SOONEST_FIRST', first: 2 });
    expect(titles(first)).toEqual(['期限最近', '期限居中']);
    expect(first.hazards).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    const second = await runner.data(office, LEDGER, { filter, orderBy: 'DEADLINE_SOONEST_FIRST', first: 2, after: first.hazards.pageInfo.endCursor });
    expect(titles(second)).toEqual(['期限最远']);
    expect(second.hazards).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: false } });
    const past = await runner.data(office, LEDGER, { filter, orderBy: 'DEADLINE_SOONEST_FIRST', first: 2, after: second.hazards.pageInfo.endCursor });
    expect(past.hazards).toMatchObject({ totalCount: 3, edges: [] });

    const all = await runner.data(office, LEDGER, { filter: { includeSubtree: true }, orderBy: 'DEADLINE_SOONEST_FIRST', first: 10 });
    expect(titles(all).slice(0, 3)).toEqual(['期限最近', '期限居中', '期限最远']);
    expect(all.hazards.edges.slice(3).every((edge: any) => edge.node.deadline === null)).toBe(true);
    const newest = await runner.data(office, LEDGER, { filter, first: 1 });
    expect(titles(newest)).toEqual(['期限居中']);

    const withoutTotal = await runner.data(
      office,
      'query($filter: HazardLedgerFilter!) { hazards(filter: $filter, orderBy: DEADLINE_SOONEST_FIRST, first: 2) { pageInfo { hasNextPage } edges { node { title } } } }',
      { filter },
    );
    expect(withoutTotal.hazards).toEqual({ pageInfo: { hasNextPage: true }, edges: [{ node: { title: '期限最近' } }, { node: { title: '期限居中' } }] });

    const byResponsible = await runner.data(office, LEDGER, { filter: { includeSubtree: true, responsiblePersonId: 'p-resp' } });
    expect(byResponsible.hazards.totalCount).toBe(3);
  });
});
