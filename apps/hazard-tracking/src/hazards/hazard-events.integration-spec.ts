import { Role } from '@campus/auth';
import { NO_OUTBOX_SIGNAL } from '@campus/events';
import { calendarDateOf } from '@campus/graphql';
import { createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { buildHazardSchema, HAZARD_MODULES } from '../service';

const PATHS = { school: '/bureau/school/', collegea: '/bureau/school/collegea/' };
const officerA = viewerWith('officer-a', [[Role.UNIT_SAFETY_OFFICER, 'collegea', PATHS.collegea]], 'p-officer');
const FIELDS = 'id status version';
const REGISTER = `mutation($input: RegisterHazardInput!) { registerHazard(input: $input) { hazard { ${FIELDS} } } }`;
const PLAN = `mutation($input: SubmitRectificationPlanInput!) { submitRectificationPlan(input: $input) { hazard { ${FIELDS} } } }`;
const REPORT = `mutation($input: ReportHazardInput!) { reportHazard(input: $input) { hazard { ${FIELDS} } } }`;
const START = `mutation($input: StartRectificationInput!) { startRectification(input: $input) { hazard { ${FIELDS} } } }`;

/** What the appraisal reads from a hazard's events: its title at registration, its deadline at each change. */
describe('hazard events for the appraisal (integration)', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;

  const outbox = async (type: string) =>
    (await db.dataSource.query('SELECT payload FROM event_outbox WHERE event_type = ? ORDER BY id', [type])).map((row: { payload: string }) => JSON.parse(row.payload));

  beforeAll(async () => {
    db = await createServiceTestDatabase('hazard_events', HAZARD_MODULES);
    runner = new SchemaRunner(await buildHazardSchema(db.dataSource, fixedOrgDirectory(PATHS), NO_OUTBOX_SIGNAL));
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('carries the title when registered and the plan deadline with every status change', async () => {
    const input = { orgUnitId: 'collegea', title: '配电箱未上锁', description: '实训楼二层配电箱未上锁', category: 'ELECTRICAL', grade: 'GENERAL', placeText: '实训楼二层', discoveredAt: new Date(Date.now() - 3_600_000).toISOString() };
    let hazard = (await runner.data(officerA, REGISTER, { input })).registerHazard.hazard;
    hazard = (await runner.data(officerA, REPORT, { input: { id: hazard.id, version: hazard.version } })).reportHazard.hazard;
    const deadline = calendarDateOf(new Date(Date.now() + 3 * 86_400_000));
    const plan = { responsiblePersonId: 'p-leader', measures: '加装挂锁', deadline, contingencyPlan: '断电挂牌' };
    hazard = (await runner.data(officerA, PLAN, { input: { id: hazard.id, version: hazard.version, ...plan } })).submitRectificationPlan.hazard;
    await runner.data(officerA, START, { input: { id: hazard.id, version: hazard.version } });

    expect(await outbox('hazard.registered')).toEqual([expect.objectContaining({ id: hazard.id, title: '配电箱未上锁', version: 1 })]);
    expect(await outbox('hazard.status-changed')).toEqual([
      expect.objectContaining({ from: 'REGISTERED', to: 'REPORTED', version: 2, deadline: null }),
      expect.objectContaining({ from: 'REPORTED', to: 'RECTIFYING', version: 4, deadline }),
    ]);
  });
});
