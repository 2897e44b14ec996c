import { OPS, PeriodicReportTestBed, startPeriodicReportTestBed, VIEWERS } from './periodic-report-testing';

const { bureauAdmin, schoolOffice, schoolHead, schoolStaff, leaderA, officerA, teacherA, officerB, school2Office, otherCounty } = VIEWERS;
type AnyViewer = typeof schoolOffice;

/** Monday 2026-12-07 10:00 in Shanghai (week 2026-W50, 周安排 due 12:00 today). */
const MONDAY_TEN = new Date('2026-12-07T02:00:00Z');

const weekly = (overrides: Record<string, unknown> = {}) => ({
  orgUnitId: 'school',
  title: '二级学院安全工作周安排',
  cadence: 'WEEKLY',
  guidance: '本周安全工作安排、上周落实情况',
  targetKinds: ['COLLEGE'],
  startsOn: '2026-11-30',
  ...overrides,
});

describe('supervision-appraisal: periodic reports (integration)', () => {
  let bed: PeriodicReportTestBed;
  const refusal = async (viewer: AnyViewer, query: string, variables: Record<string, unknown>) => {
    const result = await bed.runner.run(viewer, query, variables);
    expect(result.data?.[Object.keys(result.data ?? {})[0]] ?? null).toBeNull();
    return { code: result.errors?.[0]?.extensions?.code, reason: result.errors?.[0]?.extensions?.reason };
  };
  const create = async (viewer: AnyViewer, input: Record<string, unknown>) => (await bed.runner.data(viewer, OPS.create, { input })).createPeriodicReportTemplate.template;
  const submit = async (viewer: AnyViewer, input: Record<string, unknown>) => (await bed.runner.data(viewer, OPS.submit, { input })).submitPeriodicReport.submission;
  const status = async (viewer: AnyViewer, id: string, period: string) => (await bed.runner.data(viewer, OPS.status, { id, period })).periodicReportTemplate;

  beforeAll(async () => {
    bed = await startPeriodicReportTestBed('periodic_reports', MONDAY_TEN);
  });

  afterAll(async () => {
    await bed?.db.drop();
  });

  beforeEach(() => {
    bed.clock.now = MONDAY_TEN;
  });

  it('issues a 周安排 to every college of the school with the default due rule, and a 月调度 to chosen schools with its own', async () => {
    const template = await create(schoolOffice, weekly());
    expect(template).toMatchObject({
      status: 'ACTIVE',
      version: 1,
      cadence: 'WEEKLY',
      startsOn: '2026-11-30',
      issuingUnit: { id: 'school' },
      due: { offsetPeriods: 0, day: 1, time: '12:00' },
      targetUnits: [{ id: 'collegeb' }, { id: 'collegea' }],
    });
    const monthly = await create(bureauAdmin, { orgUnitId: 'bureau', title: '学校安全工作月调度', cadence: 'MONTHLY', targetUnitIds: ['school2', 'school'], due: { offsetPeriods: 1, day: 3, time: '18:00' } });
    expect(monthly).toMatchObject({ due: { offsetPeriods: 1, day: 3, time: '18:00' }, targetUnits: [{ id: 'school2' }, { id: 'school' }], startsOn: '2026-12-07' });
    const read = (await bed.runner.data(teacherA, OPS.template, { id: template.id })).periodicReportTemplate;
    expect(read.periods).toEqual([
      { key: '2026-W50', label: '2026年第50周', startsOn: '2026-12-07', endsOn: '2026-12-13', dueAt: '2026-12-07T04:00:00.000Z' },
      { key: '2026-W49', label: '2026年第49周', startsOn: '2026-11-30', endsOn: '2026-12-06', dueAt: '2026-11-30T04:00:00.000Z' },
    ]);
  });

  it('refuses templates from those who may not issue them, to units not below, and with both or neither target rule', async () => {
    expect(await refusal(schoolStaff, OPS.create, { input: weekly() })).toEqual({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
    expect(await refusal(officerA, OPS.create, { input: weekly() })).toEqual({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    expect(await refusal(schoolOffice, OPS.create, { input: weekly({ targetKinds: null, targetUnitIds: ['county2school'] }) })).toEqual({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    expect(await refusal(schoolOffice, OPS.create, { input: weekly({ targetKinds: null, targetUnitIds: ['school'] }) })).toEqual({ code: 'CONFLICT', reason: 'OUTSIDE_RANGE' });
    expect(await refusal(schoolOffice, OPS.create, { input: weekly({ targetUnitIds: ['collegea'] }) })).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });
    expect(await refusal(schoolOffice, OPS.create, { input: weekly({ targetKinds: ['SCHOOL'] }) })).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });
    expect(await refusal(schoolOffice, OPS.create, { input: weekly({ due: { offsetPeriods: 0, day: 9, time: '12:00' } }) })).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });
  });

  it('records on-time and late submissions and lists submitted, late, missing and pending per period', async () => {
    const template = await create(schoolOffice, weekly());
    const onTime = await submit(officerA, { templateId: template.id, orgUnitId: 'collegea', periodKey: '2026-W50', content: '周三开展宿舍用电检查' });
    expect(onTime).toMatchObject({ status: 'SUBMITTED', revision: 1, late: false, orgUnit: { id: 'collegea' }, submittedBy: { id: 'p-officer-a' }, canReview: false });
    bed.clock.now = new Date('2026-12-07T05:00:00Z');
    const late = await submit(officerB, { templateId: template.id, orgUnitId: 'collegeb', periodKey: '2026-W50', content: '实训室安全检查' });
    expect(late.late).toBe(true);
    const [event] = await bed.db.dataSource.query("SELECT payload FROM event_outbox WHERE event_type = 'periodic-report.submitted' AND aggregate_id = ?", [late.id]);
    expect(JSON.parse(event.payload)).toEqual({
      id: late.id,
      templateId: template.id,
      cadence: 'WEEKLY',
      periodKey: '2026-W50',
      orgUnitId: 'collegeb',
      orgPath: '/bureau/school/collegeb/',
      issuingUnitId: 'school',
      late: true,
      dueAt: '2026-12-07T04:00:00.000Z',
      submittedAt: '2026-12-07T05:00:00.000Z',
    });

    const thisWeek = await status(schoolOffice, template.id, '2026-W50');
    expect(thisWeek.reportStatus.map((unit: { unitId: string; state: string }) => [unit.unitId, unit.state])).toEqual([['collegeb', 'LATE'], ['collegea', 'SUBMITTED']]);
    expect(thisWeek.reportCounts).toEqual({ expected: 2, submitted: 1, late: 1, missing: 0, pending: 0, returned: 0 });
    expect((await status(schoolOffice, template.id, '2026-W49')).reportCounts).toMatchObject({ expected: 2, missing: 2 });
    expect((await status(schoolOffice, template.id, '2026-W51')).reportCounts).toMatchObject({ expected: 2, pending: 2 });
    // A college sees its own line only.
    expect((await status(leaderA, template.id, '2026-W50')).reportStatus).toEqual([
      { unitId: 'collegea', unitName: '信息工程学院', state: 'SUBMITTED', submission: { id: onTime.id, late: false, status: 'SUBMITTED' } },
    ]);
    expect(await refusal(schoolOffice, OPS.status, { id: template.id, period: '2026-12' })).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });

    const duties = (await bed.runner.data(officerB, OPS.duties, { unit: 'collegeb' })).periodicReportDuties;
    const mine = duties.items.filter((item: { template: { id: string } }) => item.template.id === template.id);
    expect(mine.map((item: { period: { key: string }; state: string }) => [item.period.key, item.state])).toEqual([['2026-W49', 'MISSING'], ['2026-W51', 'PENDING']]);
    expect(duties.overdueCount).toBeGreaterThanOrEqual(1);
  });

  it('refuses submissions by non-target units, out-of-scope units, staff, twice for a period, and outside the periods', async () => {
    const template = await create(schoolOffice, weekly({ targetKinds: null, targetUnitIds: ['collegea'] }));
    const input = { templateId: template.id, orgUnitId: 'collegea', periodKey: '2026-W50', content: '安排' };
    expect(await refusal(officerB, OPS.submit, { input: { ...input, orgUnitId: 'collegeb' } })).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });
    expect(await refusal(officerB, OPS.submit, { input })).toEqual({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    expect(await refusal(school2Office, OPS.submit, { input: { ...input, orgUnitId: 'school2' } })).toEqual({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    expect(await refusal(teacherA, OPS.submit, { input })).toEqual({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
    expect(await refusal(officerA, OPS.submit, { input: { ...input, periodKey: '2026-W48' } })).toEqual({ code: 'CONFLICT', reason: 'OUTSIDE_RANGE' });
    expect(await refusal(officerA, OPS.submit, { input: { ...input, periodKey: '2026-W53' } })).toEqual({ code: 'CONFLICT', reason: 'OUTSIDE_RANGE' });
    expect(await refusal(officerA, OPS.submit, { input: { ...input, periodKey: '2026-12' } })).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });
    await submit(officerA, input);
    expect(await refusal(officerA, OPS.submit, { input })).toEqual({ code: 'CONFLICT', reason: 'DUPLICATE' });
    expect(await refusal(otherCounty, OPS.template, { id: template.id })).toEqual({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
  });

  it('resubmits with versions and revisions, is reviewed by the issuing unit only, returned with a comment and then acknowledged', async () => {
    const template = await create(schoolOffice, weekly({ targetKinds: null, targetUnitIds: ['collegea'] }));
    const first = await submit(officerA, { templateId: template.id, orgUnitId: 'collegea', periodKey: '2026-W50', content: '初稿' });
    const second = (await bed.runner.data(officerA, OPS.resubmit, { input: { id: first.id, version: first.version, content: '修改稿' } })).resubmitPeriodicReport.submission;
    expect(second).toMatchObject({ revision: 2, version: first.version + 1, content: '修改稿', late: false, revisions: [{ revision: 1, content: '初稿', reviewComment: null }] });
    expect(await refusal(officerA, OPS.resubmit, { input: { id: first.id, version: first.version, content: '过期版本' } })).toEqual({ code: 'CONFLICT', reason: 'STALE_VERSION' });

    expect(await refusal(leaderA, OPS.acknowledge, { input: { id: first.id, version: second.version } })).toEqual({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
    expect(await refusal(otherCounty, OPS.acknowledge, { input: { id: first.id, version: second.version } })).toEqual({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    expect(await refusal(schoolOffice, OPS.return, { input: { id: first.id, version: second.version } })).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });
    const returned = (await bed.runner.data(schoolOffice, OPS.return, { input: { id: first.id, version: second.version, comment: '请补充落实情况' } })).returnPeriodicReport.submission;
    expect(returned).toMatchObject({ status: 'RETURNED', reviewComment: '请补充落实情况', reviewedBy: { id: 'p-office' }, canReview: true });
    expect((await status(schoolOffice, template.id, '2026-W50')).reportCounts.returned).toBe(1);

    const third = (await bed.runner.data(officerA, OPS.resubmit, { input: { id: first.id, version: returned.version, content: '第三稿' } })).resubmitPeriodicReport.submission;
    expect(third).toMatchObject({ status: 'SUBMITTED', revision: 3, reviewComment: null });
    expect(third.revisions[1]).toMatchObject({ revision: 2, content: '修改稿', reviewComment: '请补充落实情况' });
    const acknowledged = (await bed.runner.data(schoolHead, OPS.acknowledge, { input: { id: first.id, version: third.version, comment: '已阅' } })).acknowledgePeriodicReport.submission;
    expect(acknowledged).toMatchObject({ status: 'ACKNOWLEDGED', reviewedBy: { id: 'p-head' } });
    expect(await refusal(officerA, OPS.resubmit, { input: { id: first.id, version: acknowledged.version, content: '再改' } })).toEqual({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
    expect(await refusal(otherCounty, OPS.submission, { id: first.id })).toEqual({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    expect((await bed.runner.data(teacherA, OPS.submission, { id: first.id })).periodicReportSubmission.revisions).toHaveLength(2);
  });

  it('lists templates by issuing and target unit in scope, and closes a template against new submissions', async () => {
    const template = await create(schoolOffice, weekly({ title: '待停止的周安排' }));
    const listed = (await bed.runner.data(officerA, OPS.list, { filter: { targetUnitId: 'collegea' } })).periodicReportTemplates;
    expect(listed.edges.map((edge: { node: { id: string } }) => edge.node.id)).toContain(template.id);
    expect((await bed.runner.data(otherCounty, OPS.list, {})).periodicReportTemplates.totalCount).toBe(0);
    expect(await refusal(officerA, OPS.close, { input: { id: template.id, version: 1 } })).toEqual({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
    expect(await refusal(schoolOffice, OPS.close, { input: { id: template.id, version: 9 } })).toEqual({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    const closed = (await bed.runner.data(schoolOffice, OPS.close, { input: { id: template.id, version: 1 } })).closePeriodicReportTemplate.template;
    expect(closed.status).toBe('CLOSED');
    expect(await refusal(officerA, OPS.submit, { input: { templateId: template.id, orgUnitId: 'collegea', periodKey: '2026-W50', content: '安排' } })).toEqual({ code: 'CONFLICT', reason: 'INACTIVE' });
    expect(await refusal(schoolOffice, OPS.close, { input: { id: template.id, version: closed.version } })).toEqual({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
  });
});
