import { Role, Viewer } from '@campus/auth';
import { NO_OUTBOX_SIGNAL } from '@campus/events';
import { calendarDateOf, TodoItem } from '@campus/graphql';
import { countStatements, createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { buildHazardSchema, HAZARD_MODULES } from '../service';

const DAY_MS = 24 * 3600 * 1000;
const day = (offset: number) => calendarDateOf(new Date(Date.now() + offset * DAY_MS));
const PATHS: Record<string, string> = { bureau: '/bureau/', s01: '/bureau/s01/', ca: '/bureau/s01/ca/', s02: '/bureau/s02/' };
const office = viewerWith('office', [[Role.SAFETY_OFFICE, 's01', PATHS.s01]], 'p-office');
const officer = viewerWith('officer', [[Role.UNIT_SAFETY_OFFICER, 'ca', PATHS.ca]], 'p-officer');
const inspector = viewerWith('inspector', [[Role.INSPECTOR, 'bureau', PATHS.bureau]], 'p-inspector');
const grid = viewerWith('grid', [[Role.GRID_OFFICER, 'ca', PATHS.ca]], 'p-grid');
const otherOffice = viewerWith('office-s02', [[Role.SAFETY_OFFICE, 's02', PATHS.s02]], 'p-office-2');

const SECTION = `query($r: [_Any!]!) { _entities(representations: $r) { ... on TodoList { personId hazardItems {
  kind title detail objectType objectId orgUnitId deadline urgency } } } }`;

describe('TodoList.hazardItems (integration)', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;
  const hazards: Record<string, { id: string; version: number }> = {};

  async function step(viewer: Viewer, name: string, key: string, input: Record<string, unknown> = {}) {
    const type = `${name[0].toUpperCase()}${name.slice(1)}Input`;
    const data = await runner.data(viewer, `mutation($input: ${type}!) { ${name}(input: $input) { hazard { id version } } }`, {
      input: { id: hazards[key].id, version: hazards[key].version, ...input },
    });
    hazards[key] = data[name].hazard;
  }

  async function register(key: string, unit: string, viewer: Viewer = office, mutation = 'registerHazard') {
    const input = { orgUnitId: unit, title: `隐患${key}`, description: '巡查发现', category: 'FIRE', grade: 'GENERAL', placeText: '教学楼', discoveredAt: new Date().toISOString() };
    hazards[key] = (await runner.data(viewer, `mutation($input: RegisterHazardInput!) { ${mutation}(input: $input) { hazard { id version } } }`, { input }))[mutation].hazard;
  }

  async function rectifying(key: string, responsiblePersonId: string, deadline: string) {
    await step(office, 'reportHazard', key);
    await step(office, 'submitRectificationPlan', key, { responsiblePersonId, measures: '整改', deadline, contingencyPlan: '临时管控' });
    await step(office, 'startRectification', key);
  }

  async function itemsOf(viewer: Viewer, personId = viewer.personId as string): Promise<TodoItem[]> {
    const data = await runner.data(viewer, SECTION, { r: [{ __typename: 'TodoList', personId }] });
    return data._entities[0].hazardItems;
  }

  const summary = (items: TodoItem[]) => items.map((item) => `${item.kind} ${hazardKeyOf(item.objectId)}`);
  const hazardKeyOf = (id: string) => Object.entries(hazards).find(([, hazard]) => hazard.id === id)?.[0] ?? id;

  beforeAll(async () => {
    db = await createServiceTestDatabase('hazard_todo', HAZARD_MODULES);
    runner = new SchemaRunner(await buildHazardSchema(db.dataSource, fixedOrgDirectory(PATHS), NO_OUTBOX_SIGNAL));
    await register('registered', 'ca');
    await register('elsewhere', 's02', otherOffice);
    await register('discovered', 'ca', grid, 'reportHazardDiscovery');
    await register('late', 'ca');
    await rectifying('late', 'p-grid', day(-2));
    await register('pending', 'ca');
    await rectifying('pending', 'p-officer', day(5));
    await step(officer, 'submitForAcceptance', 'pending', { rectificationNote: '已整改' });
    await register('reported', 'ca');
    await step(office, 'reportHazard', 'reported');
  }, 60_000);

  afterAll(async () => {
    await db?.drop();
  });

  it('gives each manager the step the transition table gives their role, in their scope, most urgent first', async () => {
    expect(summary(await itemsOf(office))).toEqual(['HAZARD_ACCEPT pending', 'HAZARD_ASSESS discovered', 'HAZARD_REPORT registered', 'HAZARD_START reported']);
    // The college's officer rectified "pending": they do not accept their own work.
    expect(summary(await itemsOf(officer))).toEqual(['HAZARD_ASSESS discovered', 'HAZARD_REPORT registered', 'HAZARD_START reported']);
    expect(summary(await itemsOf(otherOffice))).toEqual(['HAZARD_REPORT elsewhere']);
  });

  it('gives the inspector only acceptance, and the responsible person their rectification, overdue', async () => {
    expect(summary(await itemsOf(inspector))).toEqual(['HAZARD_ACCEPT pending']);
    const gridItems = await itemsOf(grid);
    expect(summary(gridItems)).toEqual(['HAZARD_RECTIFY late']);
    expect(gridItems[0]).toMatchObject({ title: '隐患待整改：隐患late', objectType: 'Hazard', orgUnitId: 'ca', deadline: day(-2), urgency: 'OVERDUE' });
  });

  it('answers nothing for another person’s key, and nothing without a person', async () => {
    expect(await itemsOf(inspector, 'p-office')).toEqual([]);
    expect(await itemsOf(viewerWith('nobody', [[Role.SAFETY_OFFICE, 's01', PATHS.s01]], null), 'p-office')).toEqual([]);
  });

  it('costs four statements whatever the number of items', async () => {
    const { result, count, statements } = await countStatements(db.dataSource, () => itemsOf(office));
    expect(result.length).toBe(4);
    expect({ count, statements }).toEqual({ count: 4, statements: expect.any(Array) });
  });
});
