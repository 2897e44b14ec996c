import { Role, Viewer } from '@campus/auth';
import { NO_OUTBOX_SIGNAL } from '@campus/events';
import { calendarDateOf, TodoItem } from '@campus/graphql';
import { countStatements, createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { OPS as ACCOUNTABILITY, unitRecordInput } from '../accountability/accountability-testing';
import { OPS as REPORTS } from '../periodic-reports/periodic-report-testing';
import { APPRAISAL_MODULES, buildAppraisalSchema } from '../service';

const DAY_MS = 24 * 3600 * 1000;
const PATHS: Record<string, string> = { bureau: '/bureau/', school: '/bureau/school/', collegea: '/bureau/school/collegea/', collegeb: '/bureau/school/collegeb/' };
const KINDS: Record<string, string> = { bureau: 'BUREAU', school: 'SCHOOL', collegea: 'COLLEGE', collegeb: 'COLLEGE' };
const office = viewerWith('office', [[Role.SAFETY_OFFICE, 'school', PATHS.school]], 'p-office');
const officerA = viewerWith('officer-a', [[Role.UNIT_SAFETY_OFFICER, 'collegea', PATHS.collegea]], 'p-officer-a');
const teacherA = viewerWith('teacher-a', [[Role.STAFF, 'collegea', PATHS.collegea]], 'p-teacher-a');

const SECTION = `query($r: [_Any!]!) { _entities(representations: $r) { ... on TodoList { personId appraisalItems {
  kind title detail objectType objectId orgUnitId deadline urgency } } } }`;

/** The Monday of the week `weeksBack` weeks before this one (school days). */
function mondayWeeksAgo(weeksBack: number): string {
  const today = new Date(`${calendarDateOf(new Date())}T00:00:00Z`);
  const monday = new Date(today.getTime() - ((today.getUTCDay() + 6) % 7) * DAY_MS - weeksBack * 7 * DAY_MS);
  return monday.toISOString().slice(0, 10);
}

describe('TodoList.appraisalItems (integration)', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;
  let templateId: string;
  let proposalId: string;

  async function itemsOf(viewer: Viewer, personId = viewer.personId as string): Promise<TodoItem[]> {
    return (await runner.data(viewer, SECTION, { r: [{ __typename: 'TodoList', personId }] }))._entities[0].appraisalItems;
  }

  beforeAll(async () => {
    db = await createServiceTestDatabase('appraisal_todo', APPRAISAL_MODULES);
    for (const [id, path] of Object.entries(PATHS)) await db.dataSource.query('INSERT INTO org_unit_projection (id, path, name, kind) VALUES (?, ?, ?, ?)', [id, path, `单位${id}`, KINDS[id]]);
    runner = new SchemaRunner(await buildAppraisalSchema(db.dataSource, fixedOrgDirectory(PATHS), NO_OUTBOX_SIGNAL));
    const template = await runner.data(office, REPORTS.create, {
      input: { orgUnitId: 'school', title: '二级学院安全工作周安排', cadence: 'WEEKLY', guidance: '本周安全工作安排', targetKinds: ['COLLEGE'], startsOn: mondayWeeksAgo(3) },
    });
    templateId = template.createPeriodicReportTemplate.template.id;
    proposalId = (await runner.data(office, ACCOUNTABILITY.record, { input: unitRecordInput() })).recordAccountability.accountabilityRecord.id;
  }, 60_000);

  afterAll(async () => {
    await db?.drop();
  });

  it('gives a college’s officer the weekly reports it owes, overdue first, and drops a period once submitted', async () => {
    const items = await itemsOf(officerA);
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.every((item) => item.kind === 'PERIODIC_REPORT' && item.objectId === templateId && item.orgUnitId === 'collegea')).toBe(true);
    expect(items[0]).toMatchObject({ urgency: 'OVERDUE', objectType: 'PeriodicReportTemplate' });
    expect(items[0].title).toMatch(/^定期报告待报送：二级学院安全工作周安排（\d{4}年第\d+周）$/);

    const periods = (await runner.data(officerA, REPORTS.template, { id: templateId })).periodicReportTemplate.periods as { key: string; label: string }[];
    const oldest = periods[periods.length - 1];
    await runner.data(officerA, REPORTS.submit, { input: { templateId, orgUnitId: 'collegea', periodKey: oldest.key, content: '已落实' } });
    const after = await itemsOf(officerA);
    expect(after).toHaveLength(items.length - 1);
    expect(after.some((item) => item.title.includes(oldest.label))).toBe(false);
  });

  it('gives the issuing office the proposal to confirm, and staff nothing', async () => {
    const items = await itemsOf(office);
    expect(items.filter((item) => item.kind === 'ACCOUNTABILITY_CONFIRM')).toEqual([
      { kind: 'ACCOUNTABILITY_CONFIRM', title: '问责建议待确认：迟报', detail: '通报批评', objectType: 'AccountabilityRecord', objectId: proposalId, orgUnitId: 'collegea', deadline: null, urgency: 'LATER' },
    ]);
    expect(await itemsOf(officerA)).not.toContainEqual(expect.objectContaining({ kind: 'ACCOUNTABILITY_CONFIRM' }));
    expect(await itemsOf(teacherA)).toEqual([]);
  });

  it('answers nothing for another person’s key', async () => {
    expect(await itemsOf(teacherA, 'p-office')).toEqual([]);
  });

  it('costs five statements whatever the number of items', async () => {
    const { count, statements } = await countStatements(db.dataSource, () => itemsOf(office));
    expect({ count, statements }).toEqual({ count: 5, statements: expect.any(Array) });
  });
});
