import { moduleScopedColumns } from '@campus/server';
import { Role } from '@campus/auth';
import { NO_OUTBOX_SIGNAL, OrgUnitMoved } from '@campus/events';
import { calendarDateOf } from '@campus/graphql';
import { orgProjectionHandlers } from '@campus/org-directory';
import { createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { HAZARD_MODULES, buildHazardSchema } from '../service';
import { HAZARD_MONTHLY, MONTHLY_COUNTERS, monthlyRecountSql } from './hazard-rollup';

const PATHS: Record<string, string> = {
  bureau: '/bureau/',
  school: '/bureau/school/',
  collegea: '/bureau/school/collegea/',
  collegeb: '/bureau/school/collegeb/',
  other: '/bureau/other/',
};
const officer = viewerWith('officer', [[Role.UNIT_SAFETY_OFFICER, 'collegea', PATHS.collegea]], 'p-officer');
const officerB = viewerWith('officer-b', [[Role.UNIT_SAFETY_OFFICER, 'collegeb', PATHS.collegeb]], 'p-officer-b');
const office = viewerWith('office', [[Role.SAFETY_OFFICE, 'school', PATHS.school]], 'p-office');
const admin = viewerWith('admin', [[Role.BUREAU_ADMIN, 'bureau', PATHS.bureau]], 'p-admin');
const DAY_MS = 24 * 3600 * 1000;
const day = (offset: number) => calendarDateOf(new Date(Date.now() + offset * DAY_MS));

const HAZARD = 'hazard { id version status }';
const STATS_FIELDS = 'total rectified rectificationRate onTimeRate overdue averageDaysToClose byStatus { status count } byCategory { category count } byGrade { grade count }';
const STATS = `query($r: [_Any!]!, $from: CalendarDate!, $to: CalendarDate!) { _entities(representations: $r) { ... on OrgUnit { hazardStats(from: $from, to: $to) { ${STATS_FIELDS} } } } }`;

type Hazard = { id: string; version: number; status: string };
type Viewer = typeof officer;

describe('hazard_monthly: kept with every change, agrees with a recount', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;
  const hazards: Record<string, Hazard> = {};

  async function mutate(viewer: Viewer, name: string, inputType: string, input: Record<string, unknown>): Promise<Hazard> {
    return (await runner.data(viewer, `mutation($input: ${inputType}!) { ${name}(input: $input) { ${HAZARD} } }`, { input }))[name].hazard;
  }

  async function step(viewer: Viewer, key: string, name: string, fields: Record<string, unknown> = {}): Promise<void> {
    const inputType = `${name[0].toUpperCase()}${name.slice(1)}Input`;
    hazards[key] = await mutate(viewer, name, inputType, { id: hazards[key].id, version: hazards[key].version, ...fields });
  }

  async function register(key: string, viewer: Viewer, unit: string, category: string, grade: string, daysAgo: number, discovery = false): Promise<void> {
    const input = {
      orgUnitId: unit,
      title: `${key} 隐患`,
      description: `${key}：检查发现`,
      category,
      grade,
      placeText: '教学楼',
      discoveredAt: new Date(Date.now() - daysAgo * DAY_MS).toISOString(),
    };
    hazards[key] = await mutate(viewer, discovery ? 'reportHazardDiscovery' : 'registerHazard', 'RegisterHazardInput', input);
  }

  async function planAndRectify(key: string, deadline: string, major = false): Promise<void> {
    await step(officer, key, 'reportHazard');
    await step(officer, key, 'submitRectificationPlan', {
      responsiblePersonId: 'p-leader',
      measures: '整改',
      deadline,
      contingencyPlan: '临时管控',
      interimMeasures: '设置警示',
      ...(major ? { funds: '5000.00', upwardReportNote: '已报告上级', reportedUpwardAt: new Date().toISOString() } : {}),
    });
    await step(officer, key, 'startRectification');
    await step(officer, key, 'submitForAcceptance', { rectificationNote: '已整改' });
  }

  const numbers = (rows: Record<string, unknown>[]) =>
    rows.map((row) => ({
      org_path: row.org_path,
      month: String(row.month).slice(0, 10),
      ...Object.fromEntries(MONTHLY_COUNTERS.map((name) => [name, Number(row[name])])),
    }));
  const rollup = async () => numbers(await db.dataSource.query(`SELECT * FROM ${HAZARD_MONTHLY} ORDER BY org_path, month`));
  const recount = async () => numbers(await db.dataSource.query(`SELECT * FROM (${monthlyRecountSql()}) r ORDER BY org_path, month`));

  async function stats(viewer: Viewer, units: string[], from: string, to: string) {
    const representations = units.map((id) => ({ __typename: 'OrgUnit', id }));
    return (await runner.data(viewer, STATS, { r: representations, from, to }))._entities.map((entity: any) => entity.hazardStats);
  }

  beforeAll(async () => {
    db = await createServiceTestDatabase('rollup', HAZARD_MODULES);
    for (const [id, path] of Object.entries(PATHS)) {
      await db.dataSource.query('INSERT INTO org_unit_projection (id, path, name) VALUES (?, ?, ?)', [id, path, id]);
    }
    runner = new SchemaRunner(await buildHazardSchema(db.dataSource, fixedOrgDirectory(PATHS), NO_OUTBOX_SIGNAL));

    await register('late', officer, 'collegea', 'FIRE', 'GENERAL', 75);
    await planAndRectify('late', day(-1));
    await step(office, 'late', 'acceptHazard', { passed: true });
    await step(office, 'late', 'closeHazard');
    await step(office, 'late', 'archiveHazard');

    await register('failedOnce', officer, 'collegea', 'GAS', 'MAJOR', 40);
    await planAndRectify('failedOnce', day(5), true);
    await step(office, 'failedOnce', 'acceptHazard', { passed: false, comment: '仍有漏水' });
    await step(officer, 'failedOnce', 'submitForAcceptance', { rectificationNote: '再次整改' });
    await step(office, 'failedOnce', 'acceptHazard', { passed: true });
    await step(office, 'failedOnce', 'closeHazard');

    await register('assessed', officerB, 'collegeb', 'OTHER', 'GENERAL', 10, true);
    await step(officerB, 'assessed', 'assessHazard', { category: 'ELECTRICAL', grade: 'MAJOR' });

    await register('voided', officerB, 'collegeb', 'BUILDING', 'GENERAL', 10);
    await step(officerB, 'voided', 'voidHazard', { reason: '重复登记' });

    await register('onTheSpot', officerB, 'collegeb', 'FOOD', 'GENERAL', 2);
    await step(officerB, 'onTheSpot', 'fixOnTheSpot', { measures: '当场清理' });

    await register('edited', officer, 'collegea', 'SECURITY', 'GENERAL', 20);
    await step(officer, 'edited', 'updateHazard', { category: 'TRAFFIC' });
    await step(officer, 'edited', 'reportHazard');

    await register('open', office, 'school', 'ELECTRICAL', 'GENERAL', 1);
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('counts every hazard under its unit and month of discovery as a recount would', async () => {
    expect((await rollup()).length).toBeGreaterThanOrEqual(4);
    expect(await rollup()).toEqual(await recount());
  });

  it('records the first acceptance and closing on the hazard, as the history has them', async () => {
    const rows: { id: string; accepted_at: Date | null; closed_at: Date | null; accepted_on_time: number | null; accepted: Date | null; closed: Date | null }[] =
      await db.dataSource.query(`
        SELECT h.id, h.accepted_at, h.closed_at, h.accepted_on_time,
               (SELECT MIN(s.at) FROM hazard_step s WHERE s.hazard_id = h.id AND s.to_status = 'ACCEPTED') AS accepted,
               (SELECT MIN(s.at) FROM hazard_step s WHERE s.hazard_id = h.id AND s.to_status = 'CLOSED') AS closed
          FROM hazard h`);
    for (const row of rows) {
      expect(row.accepted_at?.getTime() ?? null).toBe(row.accepted?.getTime() ?? null);
      expect(row.closed_at?.getTime() ?? null).toBe(row.closed?.getTime() ?? null);
    }
    const onTime = Object.fromEntries(rows.map((row) => [row.id, row.accepted_on_time === null ? null : Number(row.accepted_on_time)]));
    expect(onTime[hazards.late.id]).toBe(0);
    expect(onTime[hazards.failedOnce.id]).toBe(1);
    expect(onTime[hazards.onTheSpot.id]).toBeNull();
  });

  it('answers several units of one request as separate requests would, and matches the hazards for any period', async () => {
    const units = ['school', 'collegea', 'collegeb'];
    for (const [from, to] of [
      [day(-100), day(0)],
      [day(-50), day(-5)],
      [day(-15), day(0)],
    ]) {
      const together = await stats(office, units, from, to);
      for (const [index, unit] of units.entries()) {
        expect(together[index]).toEqual((await stats(office, [unit], from, to))[0]);
        const [{ total }] = await db.dataSource.query(
          `SELECT COUNT(*) AS total FROM hazard WHERE org_path LIKE ? AND status <> 'VOIDED' AND discovered_at >= ? AND discovered_at < ?`,
          [`${PATHS[unit]}%`, new Date(`${from}T00:00:00+08:00`), new Date(Date.parse(`${to}T00:00:00+08:00`) + DAY_MS)],
        );
        expect(together[index].total).toBe(Number(total));
      }
    }
    const [school] = await stats(office, ['school'], day(-100), day(0));
    expect(school).toMatchObject({ total: 6, rectified: 3, onTimeRate: 0.5 });
    expect(school.byGrade).toEqual(expect.arrayContaining([{ grade: 'MAJOR', count: 2 }]));
    expect(school.byCategory).toEqual(expect.arrayContaining([{ category: 'ELECTRICAL', count: 2 }, { category: 'TRAFFIC', count: 1 }]));
    expect(school.byCategory.map((entry: { category: string }) => entry.category)).not.toContain('OTHER');
  });

  it('follows a unit moved to another parent, counts and all', async () => {
    const [moved] = orgProjectionHandlers(moduleScopedColumns(HAZARD_MODULES)).filter((handler) => handler.contract === OrgUnitMoved);
    await db.dataSource.transaction((manager) =>
      moved.handle(manager, {
        id: 'event-1',
        type: OrgUnitMoved.type,
        version: 1,
        traceId: null,
        key: 'collegeb',
        payload: { id: 'collegeb', parentId: 'other', oldPath: PATHS.collegeb, newPath: '/bureau/other/collegeb/' },
      }),
    );
    expect(await rollup()).toEqual(await recount());
    const [school, other] = await stats(admin, ['school', 'other'], day(-100), day(0));
    expect(school.total).toBe(4);
    expect(other.total).toBe(2);
  });
});
