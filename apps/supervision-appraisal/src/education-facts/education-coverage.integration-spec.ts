import { AttendanceRecorded, OrgUnitMoved, PersonCreated, PersonDeactivated, PersonUpdated } from '@campus/events';
import { createServiceTestDatabase, TestDatabase } from '@campus/testing';
import { MetricUnit } from '../metrics/metric';
import { APPRAISAL_MODULES } from '../service';
import { EDUCATION_COVERAGE_METRIC } from './education-coverage.metric';
import { factEvents } from './fact-events.testing';

const UNITS: Record<string, MetricUnit> = {
  county: { id: 'county', path: '/county/' },
  s1: { id: 's1', path: '/county/s1/' },
  k1: { id: 'k1', path: '/county/s1/k1/' },
  k2: { id: 'k2', path: '/county/s1/k2/' },
  s2: { id: 's2', path: '/county/s2/' },
  s3: { id: 's3', path: '/county/s3/' },
};
const H1 = { from: '2026-01-01', to: '2026-06-30' };
const H2 = { from: '2026-07-01', to: '2026-12-31' };

const person = (id: string, unit: string, kind = 'STUDENT', active = true) => ({ id, name: `姓名${id}`, kind, orgUnitId: unit, orgPath: UNITS[unit].path, active });
const attendance = (heldAt: string, attendees: [string, string][]) => ({
  activityId: `act-${heldAt}`,
  orgUnitId: 's1',
  orgPath: UNITS.s1.path,
  topics: ['FIRE'],
  heldAt,
  method: 'IMPORT' as const,
  attendees: attendees.map(([personId, unit]) => ({ personId, orgUnitId: unit, orgPath: UNITS[unit].path })),
});

describe('supervision-appraisal: education coverage from people and attendance events (integration)', () => {
  let db: TestDatabase;
  let events: ReturnType<typeof factEvents>;
  const coverage = async (period: { from: string; to: string }, ids = Object.keys(UNITS)) => {
    const values = await EDUCATION_COVERAGE_METRIC.values(db.dataSource.manager, ids.map((id) => UNITS[id]), period);
    return Object.fromEntries([...values].map(([id, value]) => [id, [value.numerator, value.denominator, value.value]]));
  };

  beforeAll(async () => {
    db = await createServiceTestDatabase('edufacts', APPRAISAL_MODULES);
    events = factEvents(db);
    // s1/k1: p1 p2; p3 created in k1 but its later update (moved to k2) arrives first; s1/k2: p4, staff p5.
    await events.deliver(PersonCreated, person('p1', 'k1'));
    await events.deliver(PersonCreated, person('p2', 'k1'));
    await events.deliver(PersonCreated, person('p2', 'k1')); // replayed under another event id
    await events.deliver(PersonUpdated, person('p3', 'k2'));
    await events.deliver(PersonCreated, person('p3', 'k1'));
    await events.deliver(PersonCreated, person('p4', 'k2'));
    await events.deliver(PersonCreated, person('p5', 'k2', 'STAFF'));
    // s2: staff p6; p7's deactivation arrives before its creation; p8 created then deactivated.
    await events.deliver(PersonCreated, person('p6', 's2', 'STAFF'));
    await events.deliver(PersonDeactivated, { id: 'p7', orgUnitId: 's2', orgPath: UNITS.s2.path });
    await events.deliver(PersonCreated, person('p7', 's2'));
    await events.deliver(PersonCreated, person('p8', 's2'));
    await events.deliver(PersonDeactivated, { id: 'p8', orgUnitId: 's2', orgPath: UNITS.s2.path });

    const march = await events.deliver(AttendanceRecorded, attendance('2026-03-10T02:00:00Z', [['p1', 'k1'], ['p4', 'k2'], ['p9', 'k1']]));
    await events.deliver(AttendanceRecorded, attendance('2026-03-10T02:00:00Z', [['p1', 'k1'], ['p4', 'k2'], ['p9', 'k1']]), march); // redelivered
    await events.deliver(AttendanceRecorded, attendance('2026-03-20T02:00:00Z', [['p1', 'k1'], ['p3', 'k2'], ['p3', 'k2']]));
    await events.deliver(AttendanceRecorded, attendance('2026-07-05T02:00:00Z', [['p2', 'k1']]));
    // 2026-02-01 01:00 and 2026-01-01 00:30 in Shanghai: months of the school's time zone.
    await events.deliver(AttendanceRecorded, attendance('2026-01-31T17:00:00Z', [['p6', 's2']]));
    await events.deliver(AttendanceRecorded, attendance('2025-12-31T16:30:00Z', [['p7', 's2']]));
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('applies every event once, in any order, with nothing parked', async () => {
    expect(await events.parked()).toEqual([]);
    const people = await db.dataSource.query('SELECT id, org_unit_id AS unit, kind, active FROM education_person_fact ORDER BY id');
    expect(people.map((row: any) => [row.id, row.unit, row.kind, Boolean(row.active)])).toEqual([
      ['p1', 'k1', 'STUDENT', true],
      ['p2', 'k1', 'STUDENT', true],
      ['p3', 'k2', 'STUDENT', true],
      ['p4', 'k2', 'STUDENT', true],
      ['p5', 'k2', 'STAFF', true],
      ['p6', 's2', 'STAFF', true],
      ['p7', 's2', 'STUDENT', false],
      ['p8', 's2', 'STUDENT', false],
    ]);
    const months = await db.dataSource.query('SELECT person_id, month FROM education_attendance_fact ORDER BY person_id, month');
    expect(months.map((row: any) => `${row.person_id}@${row.month}`)).toEqual(['p1@2026-03', 'p2@2026-07', 'p3@2026-03', 'p4@2026-03', 'p6@2026-02', 'p7@2026-01', 'p9@2026-03']);
    const [p1] = await db.dataSource.query("SELECT first_attended_at AS at FROM education_attendance_fact WHERE person_id = 'p1'");
    expect(new Date(p1.at).toISOString()).toBe('2026-03-10T02:00:00.000Z');
  });

  it('counts the active people of each subtree who attended in the period, all units in one call', async () => {
    // s1: p1..p5 active, p1 p3 p4 attended in H1; k1: p1 p2 (p3 moved away); k2: p3 p4 p5; s2: p6 (p7, p8 inactive).
    expect(await coverage(H1)).toEqual({
      county: [4, 6, 4 / 6],
      s1: [3, 5, 0.6],
      k1: [1, 2, 0.5],
      k2: [2, 3, 2 / 3],
      s2: [1, 1, 1],
      s3: [0, 0, null],
    });
    expect(await coverage(H2, ['s1', 'k1', 's2'])).toEqual({ s1: [1, 5, 0.2], k1: [1, 2, 0.5], s2: [0, 1, 0] });
    expect(await coverage({ from: '2026-01-01', to: '2026-01-31' }, ['s2'])).toEqual({ s2: [0, 1, 0] });
    expect(await coverage({ from: '2026-02-01', to: '2026-02-28' }, ['s2'])).toEqual({ s2: [1, 1, 1] });
    expect((await EDUCATION_COVERAGE_METRIC.values(db.dataSource.manager, [], H1)).size).toBe(0);
    // Many units (a year-end run) are read as one range from the first path to the last: the same figures.
    const many = [UNITS.s1, UNITS.k2, UNITS.s2, ...Array.from({ length: 70 }, (_, index) => ({ id: `none${index}`, path: `/county/none${index}/` }))];
    const manyValues = await EDUCATION_COVERAGE_METRIC.values(db.dataSource.manager, many, H1);
    expect(manyValues.size).toBe(many.length);
    expect([manyValues.get('s1'), manyValues.get('k2'), manyValues.get('s2'), manyValues.get('none3')]).toEqual([
      { numerator: 3, denominator: 5, value: 0.6 },
      { numerator: 2, denominator: 3, value: 2 / 3 },
      { numerator: 1, denominator: 1, value: 1 },
      { numerator: 0, denominator: 0, value: null },
    ]);
  });

  it('pages the people not covered, by id and unit, without names', async () => {
    const first = await EDUCATION_COVERAGE_METRIC.sources(db.dataSource.manager, UNITS.s1, H1, 1, null);
    expect(first.rows).toEqual([{ kind: 'PERSON', id: 'p2', label: '学生 p2', orgUnitId: 'k1', at: null, counted: '未覆盖' }]);
    expect(first.hasMore).toBe(true);
    const second = await EDUCATION_COVERAGE_METRIC.sources(db.dataSource.manager, UNITS.s1, H1, 1, first.endCursor);
    expect(second.rows).toEqual([{ kind: 'PERSON', id: 'p5', label: '教职工 p5', orgUnitId: 'k2', at: null, counted: '未覆盖' }]);
    expect(second.hasMore).toBe(false);
    const all = await EDUCATION_COVERAGE_METRIC.sources(db.dataSource.manager, UNITS.county, H1, 50, null);
    expect(all.rows.map((row) => row.id)).toEqual(['p2', 'p5']);
    expect(JSON.stringify(all)).not.toContain('姓名');
  });

  it('follows a class moved to another school (org-unit.moved rewrites the facts’ paths)', async () => {
    await events.deliver(OrgUnitMoved, { id: 'k2', parentId: 's2', oldPath: UNITS.k2.path, newPath: '/county/s2/k2/' });
    expect(await events.parked()).toEqual([]);
    // s1 keeps k1 (p1 covered, p2 not); s2 gains p3 p4 (covered) and p5.
    expect(await coverage(H1, ['s1', 's2', 'county'])).toEqual({ s1: [1, 2, 0.5], s2: [3, 4, 0.75], county: [4, 6, 4 / 6] });
  });

  it('counts a person who changed class where they are now, their attendance with them', async () => {
    await events.deliver(PersonUpdated, { ...person('p1', 'k2'), orgPath: '/county/s2/k2/' });
    expect(await events.parked()).toEqual([]);
    const [row] = await db.dataSource.query("SELECT org_path FROM education_attendance_fact WHERE person_id = 'p1'");
    expect(row.org_path).toBe('/county/s2/k2/');
    // s1 keeps only p2 (not covered in H1); s2 has p6 p3 p4 p1 covered and p5 not.
    expect(await coverage(H1, ['s1', 's2', 'county'])).toEqual({ s1: [0, 1, 0], s2: [4, 5, 0.8], county: [4, 6, 4 / 6] });
  });
});
