import { Role } from '@campus/auth';
import { OutboxSignal } from '@campus/events';
import { ORG_PROJECTION_MODULE } from '@campus/org-directory';
import { createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { buildHazardSchema } from '../service';
import { INCIDENTS_MODULE } from './incidents.module';

const PATHS = { school: '/bureau/school/', collegea: '/bureau/school/collegea/', collegeb: '/bureau/school/collegeb/' };
const FIELDS = `id type severity status occurredAt reportedAt reportDelayMinutes reportDeadlineMinutes lateReport deaths injuries
  conclusion closedAt version orgUnit { id } followUps { seq content at }`;
const REPORT = `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { incident { ${FIELDS} } } }`;
const FOLLOW_UP = `mutation($input: AddIncidentFollowUpInput!) { addIncidentFollowUp(input: $input) { incident { ${FIELDS} } } }`;
const CLOSE = `mutation($input: CloseIncidentInput!) { closeIncident(input: $input) { incident { ${FIELDS} } } }`;
const GET = `query($id: ID!) { incident(id: $id) { ${FIELDS} } }`;
const LIST = 'query($filter: IncidentFilter, $first: Int, $after: String) { incidents(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id placeText severity type } } } }';

const officerA = viewerWith('officer-a', [[Role.UNIT_SAFETY_OFFICER, 'collegea', PATHS.collegea]], 'person-officer-a');
const staffA = viewerWith('staff-a', [[Role.STAFF, 'collegea', PATHS.collegea]], 'person-staff-a');
const counselorA = viewerWith('counselor-a', [[Role.COUNSELOR, 'collegea', PATHS.collegea]]);
const school = viewerWith('school', [[Role.SAFETY_OFFICE, 'school', PATHS.school]]);
const outsider = viewerWith('officer-b', [[Role.UNIT_SAFETY_OFFICER, 'collegeb', PATHS.collegeb]]);

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

function incidentInput(overrides: Record<string, unknown> = {}) {
  return {
    orgUnitId: 'collegea',
    type: 'LAB_ACCIDENT',
    severity: 'GENERAL',
    occurredAt: minutesAgo(30),
    placeText: '化学楼 302 实验室',
    deaths: 0,
    injuries: 1,
    description: '学生实验时试剂溅出，手部灼伤',
    immediateMeasures: '冲洗处置，送校医院',
    ...overrides,
  };
}

describe('incidents (安全事件/事故)', () => {
  let db: TestDatabase;
  let runner: SchemaRunner;
  let signals = 0;

  beforeAll(async () => {
    db = await createServiceTestDatabase('incidents', [INCIDENTS_MODULE]);
    const outbox: OutboxSignal = { eventsRecorded: () => (signals += 1) };
    runner = new SchemaRunner(await buildHazardSchema(db.dataSource, fixedOrgDirectory(PATHS), outbox, {}, [INCIDENTS_MODULE, ORG_PROJECTION_MODULE]));
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('reports an incident: delay computed, IncidentReported in the outbox', async () => {
    const occurredAt = '2026-11-20T08:00:00.000Z';
    const reportedAt = '2026-11-20T09:35:30.000Z';
    const result = await runner.data(staffA, REPORT, {
      input: incidentInput({ severity: 'MAJOR', type: 'FIRE', occurredAt, reportedAt, deaths: 1, injuries: 3, placeText: '学生宿舍 5 号楼' }),
    });
    const incident = result.reportIncident.incident;
    expect(incident).toMatchObject({
      type: 'FIRE',
      severity: 'MAJOR',
      status: 'REPORTED',
      occurredAt,
      reportedAt,
      reportDelayMinutes: 95,
      reportDeadlineMinutes: 60,
      lateReport: true,
      deaths: 1,
      injuries: 3,
      version: 1,
      orgUnit: { id: 'collegea' },
      followUps: [],
    });
    expect(signals).toBe(1);
    const rows = await db.dataSource.query(
      "SELECT event_type, schema_version, topic, aggregate_id, payload FROM event_outbox WHERE event_type = 'incident.reported'",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ schema_version: 1, topic: 'campus.hazard-tracking.events', aggregate_id: incident.id });
    expect(JSON.parse(rows[0].payload)).toEqual({
      id: incident.id,
      orgUnitId: 'collegea',
      orgPath: PATHS.collegea,
      type: 'FIRE',
      severity: 'MAJOR',
      occurredAt,
      reportedAt,
      reportDelayMinutes: 95,
      deaths: 1,
      injuries: 3,
    });
  });

  it('defaults the report time to now; a general incident has 120 minutes', async () => {
    const result = await runner.data(officerA, REPORT, { input: incidentInput({ occurredAt: minutesAgo(100) }) });
    const incident = result.reportIncident.incident;
    expect(incident.reportDelayMinutes).toBeGreaterThanOrEqual(99);
    expect(incident.reportDelayMinutes).toBeLessThanOrEqual(101);
    expect(incident.lateReport).toBe(false);
    expect(Math.abs(Date.parse(incident.reportedAt) - Date.now())).toBeLessThan(60_000);
  });

  it('lists newest first by occurrence, filtered and within scope, page by page', async () => {
    await runner.data(officerA, REPORT, { input: incidentInput({ type: 'DROWNING', severity: 'GRAVE', occurredAt: minutesAgo(5), placeText: '游泳馆' }) });
    const all = await runner.data(school, LIST, {});
    expect(all.incidents.edges.map((edge: any) => edge.node.placeText)).toEqual(['游泳馆', '化学楼 302 实验室', '学生宿舍 5 号楼']);
    const major = await runner.data(school, LIST, { filter: { severities: ['MAJOR', 'GRAVE'], types: ['FIRE'] } });
    expect(major.incidents.edges.map((edge: any) => edge.node.placeText)).toEqual(['学生宿舍 5 号楼']);
    const recent = await runner.data(school, LIST, { filter: { occurredFrom: minutesAgo(200), occurredTo: minutesAgo(1) } });
    expect(recent.incidents.totalCount).toBe(2);
    const page1 = await runner.data(school, LIST, { first: 2 });
    expect(page1.incidents.pageInfo.hasNextPage).toBe(true);
    const page2 = await runner.data(school, LIST, { first: 2, after: page1.incidents.pageInfo.endCursor });
    expect(page2.incidents.edges.map((edge: any) => edge.node.placeText)).toEqual(['学生宿舍 5 号楼']);
    expect((await runner.data(outsider, LIST, {})).incidents.totalCount).toBe(0);
  });

  it('appends follow-ups in order, then closes once', async () => {
    const { reportIncident } = await runner.data(staffA, REPORT, { input: incidentInput({ type: 'FOOD_POISONING', placeText: '第二食堂' }) });
    const id = reportIncident.incident.id;
    const first = await runner.data(officerA, FOLLOW_UP, { input: { id, version: 1, content: '12 名学生送医观察', at: minutesAgo(20) } });
    expect(first.addIncidentFollowUp.incident.version).toBe(2);
    const second = await runner.data(school, FOLLOW_UP, { input: { id, version: 2, content: '疾控中心已采样，食堂停业整顿' } });
    expect(second.addIncidentFollowUp.incident.followUps.map((followUp: any) => [followUp.seq, followUp.content])).toEqual([
      [1, '12 名学生送医观察'],
      [2, '疾控中心已采样，食堂停业整顿'],
    ]);
    const stale = await runner.run(officerA, FOLLOW_UP, { input: { id, version: 2, content: '过期版本的续报' } });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');

    const closed = await runner.data(officerA, CLOSE, { input: { id, version: 3, conclusion: '供应商食材不合格，已追责并更换' } });
    expect(closed.closeIncident.incident).toMatchObject({ status: 'CLOSED', conclusion: '供应商食材不合格，已追责并更换', version: 4 });
    expect(closed.closeIncident.incident.closedAt).not.toBeNull();
    const again = await runner.run(officerA, CLOSE, { input: { id, version: 4, conclusion: '再次结案' } });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    const afterClose = await runner.run(officerA, FOLLOW_UP, { input: { id, version: 4, content: '结案后续报' } });
    expect(afterClose.errors?.[0].extensions?.code).toBe('CONFLICT');
    const fetched = await runner.data(school, GET, { id });
    expect(fetched.incident.followUps).toHaveLength(2);
  });

  it('refuses bad input, counsellors, staff managing, and outsiders', async () => {
    const future = await runner.run(officerA, REPORT, {
      input: incidentInput({ occurredAt: new Date(Date.now() + 86_400_000).toISOString(), deaths: -1 }),
    });
    expect(future.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(future.errors?.[0].extensions?.fields.map((field: any) => field.field).sort()).toEqual(['deaths', 'occurredAt']);
    const early = await runner.run(officerA, REPORT, { input: incidentInput({ occurredAt: minutesAgo(30), reportedAt: minutesAgo(40) }) });
    expect(early.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(early.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'reportedAt' })]);

    const byCounselor = await runner.run(counselorA, REPORT, { input: incidentInput() });
    expect(byCounselor.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const elsewhere = await runner.run(officerA, REPORT, { input: incidentInput({ orgUnitId: 'collegeb' }) });
    expect(elsewhere.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const { reportIncident } = await runner.data(staffA, REPORT, { input: incidentInput({ type: 'INJURY', placeText: '操场' }) });
    const id = reportIncident.incident.id;
    const byStaff = await runner.run(staffA, CLOSE, { input: { id, version: 1, conclusion: '员工结案' } });
    expect(byStaff.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const byOutsider = await runner.run(outsider, FOLLOW_UP, { input: { id, version: 1, content: '越界续报' } });
    expect(byOutsider.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const seen = await runner.run(outsider, GET, { id });
    expect(seen.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const beforeOccurrence = await runner.run(officerA, FOLLOW_UP, { input: { id, version: 1, content: '早于发生', at: minutesAgo(60) } });
    expect(beforeOccurrence.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'at' })]);
  });
});
