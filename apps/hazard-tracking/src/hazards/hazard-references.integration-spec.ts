import { Role } from '@campus/auth';
import { ConsumedEvent, EventHandler, NO_OUTBOX_SIGNAL, OrgUnitCreated, OrgUnitRenamed, PersonCreated } from '@campus/events';
import { orgProjectionHandlers } from '@campus/org-directory';
import { countStatements, createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { directoryProjectionHandlers } from '../directory/directory-handlers';
import { buildHazardSchema, HAZARD_MODULES } from '../service';

const PATHS = { school: '/bureau/school/', collegea: '/bureau/school/collegea/', collegeb: '/bureau/school/collegeb/' };
const office = viewerWith('office', [[Role.SAFETY_OFFICE, 'school', PATHS.school]], 'p-office');
const officerA = viewerWith('officer-a', [[Role.UNIT_SAFETY_OFFICER, 'collegea', PATHS.collegea]], 'p-officer-a');

const REGISTER = 'mutation($input: RegisterHazardInput!) { registerHazard(input: $input) { hazard { id version } } }';
const REPORT = 'mutation($input: ReportHazardInput!) { reportHazard(input: $input) { hazard { id version } } }';
const PLAN = 'mutation($input: SubmitRectificationPlanInput!) { submitRectificationPlan(input: $input) { hazard { id } } }';
const NAMED = '{ hazards(first: 20) { edges { node { id title orgUnit { id name } responsiblePerson { id name } } } } }';
const KEYS_ONLY = '{ hazards(first: 20) { edges { node { id title orgUnit { id } responsiblePerson { __typename id } } } } }';

function event<P>(handlers: EventHandler<unknown>[], contract: { type: string }, payload: P): [EventHandler<unknown>, ConsumedEvent<unknown>] {
  const handler = handlers.find((candidate) => candidate.contract.type === contract.type)!;
  return [handler, { id: `e-${Math.random()}`, type: contract.type, version: 1, traceId: null, key: null, payload }];
}

/** Hazard.orgUnit and responsiblePerson provide the names responsibility-network would answer, from this service's projections. */
describe('hazards provide their unit and responsible person names', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;
  const byTitle = async (viewer: typeof office, query: string) =>
    Object.fromEntries((await runner.data(viewer, query)).hazards.edges.map(({ node }: any) => [node.title, node]));

  async function registerPlanned(orgUnitId: string, title: string, responsiblePersonId: string) {
    const input = { orgUnitId, title, description: `${title}：巡查发现`, category: 'FIRE', placeText: '实训楼', discoveredAt: new Date(Date.now() - 3600_000).toISOString() };
    const registered = (await runner.data(office, REGISTER, { input })).registerHazard.hazard;
    const reported = (await runner.data(office, REPORT, { input: { id: registered.id, version: registered.version } })).reportHazard.hazard;
    const deadline = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    await runner.data(office, PLAN, { input: { id: reported.id, version: reported.version, responsiblePersonId, measures: '更换', deadline, contingencyPlan: '设专人看守' } });
  }

  beforeAll(async () => {
    db = await createServiceTestDatabase('hazard_references', HAZARD_MODULES);
    runner = new SchemaRunner(await buildHazardSchema(db.dataSource, fixedOrgDirectory(PATHS), NO_OUTBOX_SIGNAL));
    const handlers = [...orgProjectionHandlers([]), ...directoryProjectionHandlers()];
    const unit = (id: string, name: string, path: string) => ({ id, code: id, name, kind: 'DEPARTMENT', parentId: 'school', path });
    const person = (id: string, name: string, orgUnitId: string, orgPath: string) => ({ id, name, kind: 'STAFF', orgUnitId, orgPath, active: true });
    const events = [
      event(handlers, OrgUnitCreated, unit('collegea', '机电学院', PATHS.collegea)),
      event(handlers, OrgUnitCreated, unit('collegeb', '信息学院', PATHS.collegeb)),
      event(handlers, OrgUnitRenamed, { id: 'collegea', name: '机电工程学院', path: PATHS.collegea }),
      event(handlers, PersonCreated, person('p-near', '张老师', 'collegea', PATHS.collegea)),
      event(handlers, PersonCreated, person('p-far', '李老师', 'collegeb', PATHS.collegeb)),
    ];
    await db.dataSource.transaction(async (manager) => {
      for (const [handler, consumed] of events) await handler.handle(manager, consumed);
    });
    await registerPlanned('collegea', '本院责任人', 'p-near');
    await registerPlanned('collegea', '外院责任人', 'p-far');
    await registerPlanned('collegea', '未同步责任人', 'p-unheard');
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('answers names in the viewer scope, and null where responsibility-network would (out of scope or not yet heard of)', async () => {
    const seenByOfficer = await byTitle(officerA, NAMED);
    expect(seenByOfficer['本院责任人']).toMatchObject({
      orgUnit: { id: 'collegea', name: '机电工程学院' },
      responsiblePerson: { id: 'p-near', name: '张老师' },
    });
    expect(seenByOfficer['外院责任人'].responsiblePerson).toBeNull();
    expect(seenByOfficer['未同步责任人'].responsiblePerson).toBeNull();

    const seenByOffice = await byTitle(office, NAMED);
    expect(seenByOffice['外院责任人'].responsiblePerson).toEqual({ id: 'p-far', name: '李老师' });

    // A hazard read on its own has its names loaded, under the same rule.
    const one = (viewer: typeof office) =>
      runner.data(viewer, 'query($id: ID!) { hazard(id: $id) { orgUnit { name } responsiblePerson { id name } } }', { id: seenByOfficer['外院责任人'].id });
    expect((await one(officerA)).hazard).toEqual({ orgUnit: { name: '机电工程学院' }, responsiblePerson: null });
    expect((await one(office)).hazard).toEqual({ orgUnit: { name: '机电工程学院' }, responsiblePerson: { id: 'p-far', name: '李老师' } });
  });

  it('answers a bare reference when only the key is asked; a ledger page brings names in its own statement, a single hazard’s unit and person in one more', async () => {
    const keys = await byTitle(officerA, KEYS_ONLY);
    expect(keys['外院责任人'].responsiblePerson).toEqual({ __typename: 'Person', id: 'p-far' });
    expect(keys['未同步责任人'].responsiblePerson).toEqual({ __typename: 'Person', id: 'p-unheard' });

    const keyed = await countStatements(db.dataSource, () => runner.data(office, KEYS_ONLY));
    const named = await countStatements(db.dataSource, () => runner.data(office, NAMED));
    expect(named.count).toBe(keyed.count);

    const single = 'query($id: ID!) { hazard(id: $id) { orgUnit { name } responsiblePerson { name } } }';
    const loaded = await countStatements(db.dataSource, () => runner.data(office, single, { id: keys['本院责任人'].id }));
    expect(loaded.statements.filter((sql) => /org_unit_projection|person_projection/.test(sql))).toHaveLength(1);
  });
});
