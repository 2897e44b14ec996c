import { Role } from '@campus/auth';
import { ConsumedEvent, DrillProblemFound, EventHandler, NO_OUTBOX_SIGNAL, SupervisionFindingRaised } from '@campus/events';
import { createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { HAZARD_MODULES, buildHazardSchema } from '../service';
import { raisedHazardHandlers } from './raised-hazards';

const PATHS = { school: '/bureau/school/', collegea: '/bureau/school/collegea/' };
const office = viewerWith('office', [[Role.SAFETY_OFFICE, 'school', PATHS.school]]);
const LEDGER = `query($filter: HazardLedgerFilter!) { hazards(filter: $filter) { totalCount edges { node {
  code title category grade source status placeText sourceRef { type id } orgUnit { id } } } } }`;

const raised = {
  orgUnitId: 'collegea',
  orgPath: PATHS.collegea,
  description: '疏散时二楼楼梯口拥堵，应急照明不亮',
  grade: 'GENERAL' as const,
  placeText: '实训楼二楼楼梯口',
  placeId: null,
  raisedByPersonId: 'p-evaluator',
};

describe('hazards raised by other services’ events', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;
  const handlers = raisedHazardHandlers();
  const handlerFor = (type: string) => handlers.find((handler) => handler.contract.type === type) as EventHandler<unknown>;

  async function deliver(type: string, payload: unknown, eventId = `event-${Math.random()}`) {
    const handler = handlerFor(type);
    const event: ConsumedEvent<unknown> = { id: eventId, type, version: 1, traceId: null, key: null, payload: handler.contract.schema.parse(payload) };
    await db.dataSource.transaction((manager) => handler.handle(manager, event));
  }

  beforeAll(async () => {
    db = await createServiceTestDatabase('intake', HAZARD_MODULES);
    runner = new SchemaRunner(await buildHazardSchema(db.dataSource, fixedOrgDirectory(PATHS), NO_OUTBOX_SIGNAL));
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('registers a drill problem and a supervision finding as hazards linked to their source, once each', async () => {
    const drillProblem = { ...raised, id: 'problem-1', drillId: 'drill-1', drillTitle: '消防疏散演练', title: '应急照明失效', category: 'FIRE', foundAt: '2026-11-20T02:00:00.000Z' };
    await deliver(DrillProblemFound.type, drillProblem);
    await deliver(DrillProblemFound.type, drillProblem); // replayed under another event id
    const finding = {
      ...raised,
      id: 'finding-1',
      supervisionId: 'sup-1',
      supervisionTitle: '秋季开学安全督导',
      title: '宿舍私拉电线',
      category: 'WIRING',
      grade: 'MAJOR' as const,
      raisedAt: '2026-11-21T03:00:00.000Z',
    };
    await deliver(SupervisionFindingRaised.type, finding);

    const ledger = await runner.data(office, LEDGER, { filter: { includeSubtree: true } });
    expect(ledger.hazards.totalCount).toBe(2);
    const nodes = ledger.hazards.edges.map((edge: any) => edge.node);
    expect(nodes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          title: '应急照明失效',
          category: 'FIRE',
          source: 'DRILL',
          status: 'REGISTERED',
          sourceRef: { type: 'DRILL_PROBLEM', id: 'problem-1' },
          orgUnit: { id: 'collegea' },
        }),
        expect.objectContaining({ title: '宿舍私拉电线', category: 'OTHER', grade: 'MAJOR', source: 'SUPERVISION', sourceRef: { type: 'SUPERVISION_FINDING', id: 'finding-1' } }),
      ]),
    );
    const steps = await db.dataSource.query('SELECT actor_account_id AS actor, to_status AS toStatus FROM hazard_step ORDER BY at');
    expect(steps).toEqual([
      { actor: 'system', toStatus: 'REGISTERED' },
      { actor: 'system', toStatus: 'REGISTERED' },
    ]);
    const [discovered] = await db.dataSource.query("SELECT discovered_at AS at FROM hazard WHERE source_ref_id = 'problem-1'");
    expect(new Date(discovered.at).toISOString()).toBe('2026-11-20T02:00:00.000Z');
  });

  it('refuses an event that breaks its contract before anything is written', () => {
    expect(() => DrillProblemFound.schema.parse({ ...raised, id: 'problem-2', title: 'x', category: 'FIRE' })).toThrow();
  });
});
