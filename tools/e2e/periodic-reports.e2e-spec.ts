import { samplePdf } from '@campus/files';
import { calendarDateOf } from '@campus/graphql';
import { GraphQLClient } from '@campus/testing';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

const DAY_MS = 24 * 3600 * 1000;
const CREATE = 'mutation($input: CreateReportTemplateInput!) { createPeriodicReportTemplate(input: $input) { template { id targetUnits { id } periods(last: 3) { key dueAt } } } }';
const SUBMIT = 'mutation($input: SubmitPeriodicReportInput!) { submitPeriodicReport(input: $input) { submission { id version late status revision } } }';
const RESUBMIT = 'mutation($input: ResubmitPeriodicReportInput!) { resubmitPeriodicReport(input: $input) { submission { id version revision status revisions { revision content reviewComment } } } }';
const RETURN = 'mutation($input: ReviewPeriodicReportInput!) { returnPeriodicReport(input: $input) { submission { id version status reviewComment } } }';
const ACKNOWLEDGE = 'mutation($input: ReviewPeriodicReportInput!) { acknowledgePeriodicReport(input: $input) { submission { id version status reviewedBy { id } } } }';
const SUBMISSION = 'query($id: ID!) { periodicReportSubmission(id: $id) { id content } }';
const STATUS = `query($id: ID!, $period: String!) { periodicReportTemplate(id: $id) {
  reportStatus(periodKey: $period) { unitName state submission { late } }
  reportCounts(periodKey: $period) { expected submitted late missing pending returned } } }`;
const DUTIES = 'query($unit: ID!) { periodicReportDuties(orgUnitId: $unit) { overdueCount pendingCount items { state template { id } period { key } } } }';

/**
 * 周安排、月调度、季报告 through the gateway on the demo campus (issue 17, part 10). The clock is real, so the
 * template's due rule is chosen to make the periods relative to today certain: due by the Sunday (24:00) of the
 * week after, the week before last is overdue and last week is not yet due.
 */
describe('periodic reports', () => {
  let fixture: PlatformFixture;
  let office: GraphQLClient;
  let xxOfficer: GraphQLClient;
  let jdOfficer: GraphQLClient;
  let units: Record<string, string>;
  let templateId: string;
  let periods: { key: string }[];

  const codeOf = async (client: GraphQLClient, query: string, variables: Record<string, unknown>) => {
    const result = await client.request(query, variables);
    return result.errors?.[0]?.extensions && { code: result.errors[0].extensions.code, reason: result.errors[0].extensions.reason };
  };

  beforeAll(async () => {
    fixture = await startPlatformFixture(4930);
    [office, xxOfficer, jdOfficer] = await Promise.all(['safety.office', 'xx.officer', 'jd.officer'].map((name) => fixture.as(name)));
    units = fixture.unitIds;
    const created = await office.data(CREATE, {
      input: {
        orgUnitId: units.XDZY,
        title: 'e2e 周安排',
        cadence: 'WEEKLY',
        guidance: '本周安排',
        targetKinds: ['COLLEGE'],
        due: { offsetPeriods: 1, day: 7, time: '24:00' },
        startsOn: calendarDateOf(new Date(Date.now() - 14 * DAY_MS)),
      },
    });
    templateId = created.createPeriodicReportTemplate.template.id;
    periods = created.createPeriodicReportTemplate.template.periods;
    expect(created.createPeriodicReportTemplate.template.targetUnits).toHaveLength(4);
  }, 240_000);

  afterAll(async () => {
    await fixture?.stop();
  });

  it('lists late, missing, submitted and pending colleges per week', async () => {
    const [, lastWeek, weekBefore] = periods;
    const late = await jdOfficer.data(SUBMIT, { input: { templateId, orgUnitId: units['XDZY-JD'], periodKey: weekBefore.key, content: '补报前周安排' } });
    expect(late.submitPeriodicReport.submission).toMatchObject({ late: true, status: 'SUBMITTED', revision: 1 });
    const onTime = await xxOfficer.data(SUBMIT, { input: { templateId, orgUnitId: units['XDZY-XX'], periodKey: lastWeek.key, content: '上周安排' } });
    expect(onTime.submitPeriodicReport.submission.late).toBe(false);

    const before = (await office.data(STATUS, { id: templateId, period: weekBefore.key })).periodicReportTemplate;
    expect(before.reportCounts).toEqual({ expected: 4, submitted: 0, late: 1, missing: 3, pending: 0, returned: 0 });
    expect(before.reportStatus.find((unit: { unitName: string }) => unit.unitName === '机电工程学院')).toEqual({ unitName: '机电工程学院', state: 'LATE', submission: { late: true } });
    const last = (await office.data(STATUS, { id: templateId, period: lastWeek.key })).periodicReportTemplate;
    expect(last.reportCounts).toEqual({ expected: 4, submitted: 1, late: 0, missing: 0, pending: 3, returned: 0 });
    // A college sees its own line only.
    expect((await jdOfficer.data(STATUS, { id: templateId, period: weekBefore.key })).periodicReportTemplate.reportStatus).toEqual([
      { unitName: '机电工程学院', state: 'LATE', submission: { late: true } },
    ]);
    const duties = (await xxOfficer.data(DUTIES, { unit: units['XDZY-XX'] })).periodicReportDuties;
    const mine = duties.items.filter((item: { template: { id: string } }) => item.template.id === templateId);
    expect(mine[0]).toEqual({ state: 'MISSING', template: { id: templateId }, period: { key: weekBefore.key } });
    expect(duties.overdueCount).toBeGreaterThanOrEqual(1);
  });

  it('refuses a non-target unit, a unit out of scope, a target unit reviewing, and a stale resubmission; attaches a file through the gateway', async () => {
    const [current] = periods;
    const chosen = await office.data(CREATE, { input: { orgUnitId: units.XDZY, title: 'e2e 信息学院周安排', cadence: 'WEEKLY', targetUnitIds: [units['XDZY-XX']] } });
    const onlyInfo = chosen.createPeriodicReportTemplate.template.id;
    expect(await codeOf(jdOfficer, SUBMIT, { input: { templateId: onlyInfo, orgUnitId: units['XDZY-JD'], periodKey: current.key, content: '非报送单位' } })).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });
    expect(await codeOf(jdOfficer, SUBMIT, { input: { templateId: onlyInfo, orgUnitId: units['XDZY-XX'], periodKey: current.key, content: '代报' } })).toEqual({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    expect(await codeOf(await fixture.as('staff'), SUBMIT, { input: { templateId, orgUnitId: units['XDZY-XX'], periodKey: current.key, content: '职工' } })).toEqual({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });

    const first = (await xxOfficer.data(SUBMIT, { input: { templateId: onlyInfo, orgUnitId: units['XDZY-XX'], periodKey: current.key, content: '初稿' } })).submitPeriodicReport.submission;
    expect(await codeOf(jdOfficer, SUBMISSION, { id: first.id })).toEqual({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    expect(await codeOf(await fixture.as('xx.leader'), ACKNOWLEDGE, { input: { id: first.id, version: first.version } })).toEqual({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });

    const returned = (await office.data(RETURN, { input: { id: first.id, version: first.version, comment: '请补充值班安排' } })).returnPeriodicReport.submission;
    expect(returned).toMatchObject({ status: 'RETURNED', reviewComment: '请补充值班安排' });
    expect(await codeOf(xxOfficer, RESUBMIT, { input: { id: first.id, version: first.version, content: '旧版本' } })).toEqual({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    const second = (await xxOfficer.data(RESUBMIT, { input: { id: first.id, version: returned.version, content: '修改稿' } })).resubmitPeriodicReport.submission;
    expect(second).toMatchObject({ status: 'SUBMITTED', revision: 2, revisions: [{ revision: 1, content: '初稿', reviewComment: '请补充值班安排' }] });

    const gatewayBase = new URL('/', fixture.platform.gatewayUrl).href;
    const upload = async (client: GraphQLClient) => {
      const form = new FormData();
      form.append('submissionId', first.id);
      form.append('file', new Blob([samplePdf()], { type: 'application/pdf' }), '周安排.pdf');
      const response = await fetch(new URL('/uploads/periodic-report-attachment', gatewayBase), { method: 'POST', body: form, headers: { authorization: `Bearer ${client.token}` } });
      return { status: response.status, body: (await response.json()) as { downloadUrl?: string; reason?: string } };
    };
    expect(await upload(jdOfficer)).toMatchObject({ status: 404, body: { reason: 'NOT_FOUND' } });
    const attached = await upload(xxOfficer);
    expect(attached).toMatchObject({ status: 201, body: { downloadUrl: expect.stringMatching(/^\/periodic-report-attachments\//) } });
    const download = (client: GraphQLClient) => fetch(new URL(String(attached.body.downloadUrl), gatewayBase), { headers: { authorization: `Bearer ${client.token}` } });
    expect((await download(office)).status).toBe(200);
    expect((await download(jdOfficer)).status).toBe(404);

    const acknowledged = (await (await fixture.as('school.head')).data(ACKNOWLEDGE, { input: { id: first.id, version: second.version } })).acknowledgePeriodicReport.submission;
    expect(acknowledged.status).toBe('ACKNOWLEDGED');
    expect(await upload(xxOfficer)).toMatchObject({ status: 409, body: { reason: 'ILLEGAL_TRANSITION' } });
  });

  it('holds the demo’s 月调度 (one school late, one missing) and 周安排 (one college late last week)', async () => {
    const LIST = 'query($filter: ReportTemplateFilter) { periodicReportTemplates(filter: $filter) { edges { node { id title periods(last: 3) { key } } } } }';
    const templates = (await office.data(LIST, { filter: { cadence: ['MONTHLY', 'WEEKLY'] } })).periodicReportTemplates.edges.map((edge: { node: unknown }) => edge.node);
    const monthly = templates.find((template: { title: string }) => template.title === '学校安全工作月调度');
    const weekly = templates.find((template: { title: string }) => template.title === '二级学院安全工作周安排');
    const admin = await fixture.as('bureau.admin');
    expect((await admin.data(STATUS, { id: monthly.id, period: monthly.periods[2].key })).periodicReportTemplate.reportCounts).toMatchObject({ expected: 2, late: 1, missing: 1 });
    const lastWeek = (await office.data(STATUS, { id: weekly.id, period: weekly.periods[1].key })).periodicReportTemplate.reportStatus;
    expect(lastWeek).toEqual(expect.arrayContaining([{ unitName: '机电工程学院', state: 'LATE', submission: { late: true } }, { unitName: '护理学院', state: 'MISSING', submission: null }]));
  });
});
