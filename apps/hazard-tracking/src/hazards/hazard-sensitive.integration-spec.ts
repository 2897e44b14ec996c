import { Role } from '@campus/auth';
import { NO_OUTBOX_SIGNAL } from '@campus/events';
import { calendarDateOf } from '@campus/graphql';
import { createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { Workbook } from 'exceljs';
import { HAZARD_MODULES, buildHazardSchema } from '../service';

const PATHS = { school: '/bureau/school/', collegea: '/bureau/school/collegea/' };
const office = viewerWith('office', [[Role.SAFETY_OFFICE, 'school', PATHS.school]], 'p-office');
const counselor = viewerWith('counselor', [[Role.COUNSELOR, 'school', PATHS.school]], 'p-counselor');
const leader = viewerWith('leader', [[Role.UNIT_LEADER, 'collegea', PATHS.collegea]], 'p-leader');
const gridOfficer = viewerWith('grid', [[Role.GRID_OFFICER, 'collegea', PATHS.collegea]], 'p-grid');
const staff = viewerWith('staff', [[Role.STAFF, 'collegea', PATHS.collegea]], 'p-staff');
const safetyOfficer = viewerWith('officer', [[Role.UNIT_SAFETY_OFFICER, 'collegea', PATHS.collegea]], 'p-officer');
const today = calendarDateOf(new Date());
// The hazards are discovered an hour ago, which is the school's yesterday from 00:00 to 01:00 (16:00–17:00 UTC).
const yesterday = calendarDateOf(new Date(Date.now() - 24 * 3600_000));

const REGISTER = 'mutation($input: RegisterHazardInput!) { registerHazard(input: $input) { hazard { id version } } }';
const HAZARD = 'query($id: ID!) { hazard(id: $id) { id title category } }';
const FILE = 'query($id: ID!) { hazardFile(id: $id) { hazard { title } steps { action } } }';
const FILE_WORKBOOK = 'query($id: ID!) { hazardFileWorkbook(hazardId: $id) { filename } }';
const LEDGER = `query($filter: HazardLedgerFilter!) { hazards(filter: $filter) {
  totalCount restrictedCount edges { node { title category } } } }`;
const LEDGER_WORKBOOK = 'query($filter: HazardLedgerFilter!) { hazardLedgerWorkbook(filter: $filter) { base64 } }';
const UNIT = `query($r: [_Any!]!, $from: CalendarDate!, $to: CalendarDate!) { _entities(representations: $r) { ... on OrgUnit {
  hazards { totalCount restrictedCount edges { node { title } } }
  hazardStats(from: $from, to: $to) { total byCategory { category count } } } } }`;
const FIX = 'mutation($input: FixOnTheSpotInput!) { fixOnTheSpot(input: $input) { hazard { id } } }';

const PSYCH_TITLE = '学生情绪异常需关注';
const FIRE_TITLE = '灭火器过期';

describe('sensitive hazard categories (psychological cases): only their handlers read them', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;
  let psych: { id: string; version: number };

  const register = async (title: string, category: string) => {
    const input = { orgUnitId: 'collegea', title, description: `${title}：详情`, category, placeText: '学生宿舍', discoveredAt: new Date(Date.now() - 3600_000).toISOString() };
    return (await runner.data(office, REGISTER, { input })).registerHazard.hazard;
  };
  const ledgerTitles = async (viewer: typeof office) => {
    const data = await runner.data(viewer, LEDGER, { filter: { includeSubtree: true } });
    return { titles: data.hazards.edges.map((edge: any) => edge.node.title).sort(), totalCount: data.hazards.totalCount, restrictedCount: data.hazards.restrictedCount };
  };
  const workbookText = async (base64: string) => {
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(base64, 'base64') as never);
    const cells: string[] = [];
    workbook.worksheets[0].eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    return cells.join('\n');
  };

  beforeAll(async () => {
    db = await createServiceTestDatabase('sensitive', HAZARD_MODULES);
    runner = new SchemaRunner(await buildHazardSchema(db.dataSource, fixedOrgDirectory(PATHS), NO_OUTBOX_SIGNAL));
    psych = await register(PSYCH_TITLE, 'PSYCHOLOGICAL');
    await register(FIRE_TITLE, 'FIRE');
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('answers NOT_FOUND by id, for the file and its workbook, to a grid officer, staff and the unit safety officer', async () => {
    for (const viewer of [gridOfficer, staff, safetyOfficer]) {
      for (const query of [HAZARD, FILE, FILE_WORKBOOK]) {
        const result = await runner.run(viewer, query, { id: psych.id });
        expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
      }
    }
  });

  it('lets the counsellor, the safety office and the unit leader read it by id and in its file', async () => {
    for (const viewer of [counselor, office, leader]) {
      expect((await runner.data(viewer, HAZARD, { id: psych.id })).hazard).toMatchObject({ title: PSYCH_TITLE, category: 'PSYCHOLOGICAL' });
      expect((await runner.data(viewer, FILE, { id: psych.id })).hazardFile.hazard.title).toBe(PSYCH_TITLE);
    }
  });

  it('leaves it out of the ledger for others, counting it only in restrictedCount', async () => {
    for (const viewer of [gridOfficer, staff]) {
      expect(await ledgerTitles(viewer)).toEqual({ titles: [FIRE_TITLE], totalCount: 1, restrictedCount: 1 });
    }
    for (const viewer of [counselor, office]) {
      expect(await ledgerTitles(viewer)).toEqual({ titles: [FIRE_TITLE, PSYCH_TITLE].sort(), totalCount: 2, restrictedCount: 0 });
    }
    const filtered = await runner.data(gridOfficer, LEDGER, { filter: { includeSubtree: true, category: ['FIRE'] } });
    expect(filtered.hazards).toMatchObject({ totalCount: 1, restrictedCount: 0 });
  });

  it('leaves it out of the ledger workbook for others and keeps it in the handlers’ one', async () => {
    const forGrid = await workbookText((await runner.data(gridOfficer, LEDGER_WORKBOOK, { filter: { includeSubtree: true } })).hazardLedgerWorkbook.base64);
    expect(forGrid).toContain(FIRE_TITLE);
    expect(forGrid).not.toContain(PSYCH_TITLE);
    const forCounselor = await workbookText((await runner.data(counselor, LEDGER_WORKBOOK, { filter: { includeSubtree: true } })).hazardLedgerWorkbook.base64);
    expect(forCounselor).toContain(PSYCH_TITLE);
  });

  it('hides it from a unit’s hazards through the reference path, while the unit statistics count it without details', async () => {
    const variables = { r: [{ __typename: 'OrgUnit', id: 'collegea' }], from: yesterday, to: today };
    const [unitForGrid] = (await runner.data(gridOfficer, UNIT, variables))._entities;
    expect(unitForGrid.hazards).toEqual({ totalCount: 1, restrictedCount: 1, edges: [{ node: { title: FIRE_TITLE } }] });
    expect(unitForGrid.hazardStats.total).toBe(2);
    expect(unitForGrid.hazardStats.byCategory).toContainEqual({ category: 'PSYCHOLOGICAL', count: 1 });
    expect(JSON.stringify(unitForGrid)).not.toContain(PSYCH_TITLE);
    const [unitForCounselor] = (await runner.data(counselor, UNIT, variables))._entities;
    expect(unitForCounselor.hazards).toMatchObject({ totalCount: 2, restrictedCount: 0 });
  });

  it('publishes its registration for other services without its title', async () => {
    const events = await db.dataSource.query("SELECT aggregate_id, payload FROM event_outbox WHERE event_type = 'hazard.registered'");
    const payloads = new Map(events.map((row: any) => [row.aggregate_id, typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload]));
    expect(payloads.get(psych.id)).toMatchObject({ category: 'PSYCHOLOGICAL' });
    expect(payloads.get(psych.id)).not.toHaveProperty('title');
    expect([...payloads.values()].map((payload: any) => payload.title)).toContain(FIRE_TITLE);
  });

  it('refuses a grid officer any step on it as NOT_FOUND, not revealing it', async () => {
    const result = await runner.run(gridOfficer, FIX, { input: { id: psych.id, version: psych.version, measures: '已处理' } });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });
});
