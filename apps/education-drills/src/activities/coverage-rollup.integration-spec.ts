import { Role } from '@campus/auth';
import { EventContract, EventConsumer, EventSubscriber, HEADERS, NO_OUTBOX_SIGNAL, OrgUnitMoved, PersonCreated, PersonDeactivated, PersonUpdated } from '@campus/events';
import { schoolDayEnd, schoolDayStart } from '@campus/graphql';
import { createLogger } from '@campus/logger';
import { ORG_PROJECTION_MODULE } from '@campus/org-directory';
import { serviceBase } from '@campus/server';
import { createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { fillCoverageRollup } from '../migrations/1764500000090-education-coverage-rollup';
import { PEOPLE_MODULE } from '../people/people.module';
import { buildEducationSchema, educationDeps } from '../service';
import { ACTIVITIES_MODULE } from './activities.module';
import { ALL_AUDIENCE_KINDS, coverageOfUnits, coveragePeriod } from './coverage';

const MODULES = [ACTIVITIES_MODULE, PEOPLE_MODULE, ORG_PROJECTION_MODULE];
const PATHS: Record<string, string> = {
  p: '/p/',
  c1: '/p/c1/',
  s1: '/p/c1/s1/',
  s2: '/p/c1/s2/',
  c2: '/p/c2/',
  s3: '/p/c2/s3/',
};
const TOPICS = ['FIRE', 'TRAFFIC', 'DROWNING', 'FOOD'];
const office = viewerWith('office', [[Role.SAFETY_OFFICE, 'p', PATHS.p]]);
const NO_SUBSCRIBER: EventSubscriber = { subscribe: async () => ({ stop: async () => undefined }) };

/** A small seeded generator: the same people, activities and periods every run. */
function random(seed: number) {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return {
    int: (below: number) => Math.floor(next() * below),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
    some: <T>(items: readonly T[], share: number) => items.filter(() => next() < share),
  };
}

const day = (n: number) => `2026-11-${String(n).padStart(2, '0')}`;

/**
 * The rollup against a count from the attendance rows themselves, for every unit and many periods, topics
 * and kinds, after each kind of change that moves it: attendance, rescheduled and re-topiced activities,
 * people created, moved and deactivated, and a unit moved in the tree.
 */
describe('education-drills: the coverage rollup agrees with the attendance rows (integration)', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;
  let consumer: EventConsumer;
  let events = 0;
  const rand = random(20261206);
  const people = new Map<string, { unit: string; kind: string; active: boolean }>();

  async function deliver<P>(contract: EventContract<P>, payload: P): Promise<void> {
    events += 1;
    await consumer.receive({
      topic: `campus.${contract.producer}.events`,
      partition: 0,
      offset: String(events),
      key: null,
      value: JSON.stringify(payload),
      headers: { [HEADERS.eventType]: contract.type, [HEADERS.schemaVersion]: String(contract.version), [HEADERS.eventId]: `event-${events}` },
    });
  }

  async function person(id: string, unit: string, kind: string, active = true, contract = PersonCreated): Promise<void> {
    people.set(id, { unit, kind, active });
    await deliver(contract, { id, name: `人员${id}`, kind, orgUnitId: unit, orgPath: PATHS[unit], active });
  }

  async function activity(dayOfMonth: number, topics: string[]): Promise<{ id: string; version: number }> {
    const input = {
      orgUnitId: 'p',
      title: `第${dayOfMonth}日安全教育`,
      kind: 'LECTURE',
      topics,
      audienceKinds: ALL_AUDIENCE_KINDS,
      startsAt: `${day(dayOfMonth)}T01:00:00Z`,
      endsAt: `${day(dayOfMonth)}T02:00:00Z`,
    };
    return (await runner.data(office, 'mutation($input: CreateEducationActivityInput!) { createEducationActivity(input: $input) { educationActivity { id version } } }', { input }))
      .createEducationActivity.educationActivity;
  }

  async function mark(activityId: string, share: number): Promise<void> {
    const active = [...people].filter(([, facts]) => facts.active).map(([id]) => id);
    const chosen = rand.some(active, share);
    if (!chosen.length) return;
    await runner.data(office, 'mutation($input: MarkEducationAttendanceInput!) { markEducationAttendance(input: $input) { recorded } }', {
      input: { activityId, personIds: chosen },
    });
  }

  /** The figures counted from person_projection and education_attendance directly. */
  async function counted(path: string, from: string, to: string, topic: string | null, kinds: string[]) {
    const kindList = kinds.map(() => '?').join(', ');
    const [population] = await db.dataSource.query(`SELECT COUNT(*) AS n FROM person_projection WHERE active = TRUE AND kind IN (${kindList}) AND org_path LIKE ?`, [...kinds, `${path}%`]);
    const [covered] = await db.dataSource.query(
      `SELECT COUNT(DISTINCT p.id) AS n FROM person_projection p JOIN education_attendance e ON e.person_id = p.id JOIN education_activity a ON a.id = e.activity_id
       WHERE p.active = TRUE AND p.kind IN (${kindList}) AND p.org_path LIKE ? AND e.held_at >= ? AND e.held_at < ? AND (? IS NULL OR FIND_IN_SET(?, a.topics) > 0)`,
      [...kinds, `${path}%`, schoolDayStart(from), schoolDayEnd(to), topic, topic],
    );
    return { population: Number(population.n), covered: Number(covered.n) };
  }

  async function expectAgreement(round: string): Promise<void> {
    const units = Object.keys(PATHS);
    for (let k = 0; k < 25; k++) {
      const first = 1 + rand.int(30);
      const last = Math.min(30, first + rand.int(20));
      const period = coveragePeriod({ from: day(first), to: day(last), topic: rand.int(3) ? null : (rand.pick(TOPICS) as never), kinds: rand.int(2) ? null : (rand.some(ALL_AUDIENCE_KINDS, 0.6) as never) });
      const figures = await coverageOfUnits(db.dataSource.manager, units, period);
      for (const unit of units) {
        const { path, population, covered } = figures.get(unit)!;
        expect({ round, unit, period, population, covered }).toEqual({ round, unit, period, ...(await counted(path, period.from, period.to, period.topic, period.kinds)) });
      }
    }
  }

  beforeAll(async () => {
    db = await createServiceTestDatabase('coverage_rollup', MODULES);
    for (const [id, path] of Object.entries(PATHS)) {
      await db.dataSource.query('INSERT INTO org_unit_projection (id, path, name, code) VALUES (?, ?, ?, ?)', [id, path, `单位${id}`, id.toUpperCase()]);
    }
    const deps = educationDeps(serviceBase(MODULES, db.dataSource, NO_OUTBOX_SIGNAL), fixedOrgDirectory(PATHS), { now: () => new Date('2026-12-01T02:00:00Z') });
    const handlers = MODULES.flatMap((module) => module.eventHandlers?.(deps as never) ?? []);
    consumer = new EventConsumer(db.dataSource, NO_SUBSCRIBER, handlers, { groupId: 'test', logger: createLogger('test', 'silent') });
    runner = new SchemaRunner(await buildEducationSchema(db.dataSource, fixedOrgDirectory(PATHS), undefined, deps.settings, MODULES));
    for (let n = 0; n < 40; n++) await person(`u${n}`, rand.pick(['p', 'c1', 's1', 's2', 's2', 'c2', 's3', 's3']), rand.pick(ALL_AUDIENCE_KINDS), rand.int(10) > 0);
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('after attendance on many days, and again after activities are moved to other days and given other topics', async () => {
    const activities = [];
    for (let n = 0; n < 12; n++) activities.push(await activity(1 + rand.int(30), rand.some(TOPICS, 0.4).concat(rand.pick(TOPICS)).filter((t, i, all) => all.indexOf(t) === i)));
    // Two activities on one day: a person at both counts once that day.
    activities.push(await activity(15, ['FIRE']), await activity(15, ['TRAFFIC']));
    for (const { id } of activities) await mark(id, 0.35);
    await expectAgreement('attendance');

    for (const { id } of activities.slice(0, 5)) {
      const { version } = (await runner.data(office, 'query($id: ID!) { educationActivity(id: $id) { version } }', { id })).educationActivity;
      const moved = 1 + rand.int(30);
      const input = { id, version, startsAt: `${day(moved)}T03:00:00Z`, endsAt: `${day(moved)}T04:00:00Z`, topics: [rand.pick(TOPICS)] };
      await runner.data(office, 'mutation($input: UpdateEducationActivityInput!) { updateEducationActivity(input: $input) { educationActivity { id } } }', { input });
    }
    await expectAgreement('rescheduled');
  });

  it('after people join, move between units, change kind, leave, and a unit moves to another parent', async () => {
    for (let n = 40; n < 46; n++) await person(`u${n}`, rand.pick(['s1', 's3']), 'STUDENT');
    for (const id of ['u1', 'u2', 'u3', 'u4']) await person(id, rand.pick(['s1', 'c2', 's3']), rand.pick(ALL_AUDIENCE_KINDS), true, PersonUpdated);
    for (const id of ['u5', 'u6']) {
      people.get(id)!.active = false;
      await deliver(PersonDeactivated, { id, orgUnitId: people.get(id)!.unit, orgPath: PATHS[people.get(id)!.unit] });
    }
    await expectAgreement('people changed');

    await deliver(OrgUnitMoved, { id: 's2', parentId: 'c2', oldPath: PATHS.s2, newPath: '/p/c2/s2/' });
    PATHS.s2 = '/p/c2/s2/';
    await expectAgreement('unit moved');

    const later = await activity(28, ['FOOD', 'FIRE']);
    await mark(later.id, 0.5);
    await expectAgreement('attendance after the move');
  });

  it('is what the migration fills from the attendance already recorded', async () => {
    const tables = { education_coverage_population: '1, 2', education_coverage_day: '1, 2, 3, 4', education_coverage_next: '1, 2, 3, 4, 5' };
    const contents = () => Promise.all(Object.entries(tables).map(([table, order]) => db.dataSource.query(`SELECT * FROM ${table} WHERE people <> 0 ORDER BY ${order}`)));
    const kept = await contents();
    expect(kept[2].length).toBeGreaterThan(10);
    await db.dataSource.transaction(async (manager) => {
      for (const table of Object.keys(tables)) await manager.query(`DELETE FROM ${table}`);
      await fillCoverageRollup((sql) => manager.query(sql));
    });
    expect(await contents()).toEqual(kept);
  });
});
