import { databaseUrl } from '@campus/database';
import { calendarDateOf } from '@campus/graphql';
import { eventually, GraphQLClient } from '@campus/testing';
import { Workbook } from 'exceljs';
import { Connection, createConnection } from 'mysql2/promise';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The calendar day (Asia/Shanghai, as the scheduler counts) `days` from today. */
function dayFromToday(days: number): string {
  const [year, month, day] = calendarDateOf(new Date()).split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

const FIGURES = 'found general major rectified rectifying overdue rectificationRate';
const HAZARD = 'id version status';
const CAMPAIGN = `query($id: ID!, $date: CalendarDate!) { campaign(id: $id) {
  id status reportDates reportingUnits { name }
  reportStatus(reportDate: $date) { unit { name } state report { late } }
  snapshots { id reportDate rows { unit { name } category ${FIGURES} } totals { ${FIGURES} } }
  statistics { totals { ${FIGURES} } }
} }`;

/**
 * A campaign through a report date, through the gateway: the safety office plans and issues it, officers
 * register hazards in it and walk them along, one college reports; then time passes (the report date moves
 * to yesterday in the service's database) and the scheduler of the running service freezes the statistics
 * table, which shows the figures, the missing reports, and downloads as Excel.
 */
describe('a campaign (专项整治) through a report date', () => {
  let fixture: PlatformFixture;
  let database: Connection;
  let office: GraphQLClient;
  let xxOfficer: GraphQLClient;
  let jdOfficer: GraphQLClient;

  async function register(client: GraphQLClient, unit: string, campaignId: string, fields: Record<string, unknown>) {
    const data = await client.data(`mutation($input: RegisterHazardInput!) { registerHazard(input: $input) { hazard { ${HAZARD} } } }`, {
      input: {
        orgUnitId: fixture.unitIds[unit],
        description: '专项整治自查发现',
        placeText: '实训楼',
        source: 'CAMPAIGN',
        discoveredAt: new Date(Date.parse(`${dayFromToday(-2)}T12:00:00+08:00`)).toISOString(),
        campaignId,
        ...fields,
      },
    });
    return data.registerHazard.hazard as { id: string; version: number; status: string };
  }

  async function step(client: GraphQLClient, hazard: { id: string; version: number }, name: string, input: string, fields: Record<string, unknown> = {}) {
    const data = await client.data(`mutation($input: ${input}!) { ${name}(input: $input) { hazard { ${HAZARD} } } }`, {
      input: { id: hazard.id, version: hazard.version, ...fields },
    });
    return data[name].hazard as { id: string; version: number; status: string };
  }

  beforeAll(async () => {
    fixture = await startPlatformFixture(4170, { 'hazard-tracking': { SCHEDULER_INTERVAL_SECONDS: '1' } });
    const mysqlUrl = process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
    database = await createConnection({ uri: databaseUrl(mysqlUrl, fixture.platform.databaseName('hazard-tracking')) });
    office = await fixture.as('safety.office');
    xxOfficer = await fixture.as('xx.officer');
    jdOfficer = await fixture.as('jd.officer');
  });

  afterAll(async () => {
    await database?.end();
    await fixture?.stop();
  });

  it('shows the demo campaign of seed 001: twelve focus areas, its first report date frozen', async () => {
    const demoCampaign = async () => {
      const data = await office.data(`{ campaigns(filter: { statuses: [ACTIVE] }) { edges { node {
        title status phases { kind } reportDates focusAreas { name leadUnits { name } responsibleUnits { name } }
        snapshots { reportDate totals { found } }
      } } } }`);
      return data.campaigns.edges.map((edge: any) => edge.node).find((node: any) => node.title === '校园安全专项整治');
    };
    const demo = await eventually(demoCampaign, (campaign) => campaign.snapshots.length > 0, 20_000, 250);
    expect(demo).toMatchObject({ status: 'ACTIVE', phases: [{ kind: 'SELF_CHECK' }, { kind: 'RECTIFY' }, { kind: 'SUPERVISE' }] });
    expect(demo.reportDates).toHaveLength(4);
    expect(demo.focusAreas).toHaveLength(12);
    expect(demo.focusAreas[6]).toMatchObject({ name: '消防安全整治', leadUnits: [{ name: '安全保卫处' }] });
    expect(demo.focusAreas[8]).toEqual({ name: '食品安全整治', leadUnits: [], responsibleUnits: [{ name: '后勤管理处' }] });
    expect(demo.snapshots[0].reportDate).toBe(demo.reportDates[0]);
    // Eight demo hazards; the one found yesterday counts only when the first report date is today.
    expect(demo.snapshots[0].totals.found).toBeGreaterThanOrEqual(7);
  });

  it('plans, links hazards, takes reports, freezes the statistics table on the report date and downloads it', async () => {
    const reportDate = dayFromToday(7);
    const created = await office.data('mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { id version status } } }', {
      input: {
        orgUnitId: fixture.unitIds.XDZY,
        title: '实训楼消防与危化品专项整治',
        startsOn: dayFromToday(-3),
        endsOn: dayFromToday(30),
        phases: [
          { kind: 'SELF_CHECK', deadline: dayFromToday(2) },
          { kind: 'RECTIFY', deadline: dayFromToday(14) },
          { kind: 'SUPERVISE', deadline: dayFromToday(28) },
        ],
        focusAreas: [
          { name: '消防安全整治', category: 'FIRE', leadUnitIds: [fixture.unitIds['XDZY-BWC']], responsibleUnitIds: [fixture.unitIds['XDZY-XX'], fixture.unitIds['XDZY-JD']] },
          { name: '实验实训室危化品安全整治', category: 'LAB_CHEMICAL', leadUnitIds: [fixture.unitIds['XDZY-JWC']], responsibleUnitIds: [fixture.unitIds['XDZY-JD']] },
        ],
        reportDates: [reportDate],
      },
    });
    const draft = created.createCampaign.campaign;
    expect(draft.status).toBe('DRAFT');
    const byOfficer = await xxOfficer.request('mutation($input: PublishCampaignInput!) { publishCampaign(input: $input) { campaign { id } } }', {
      input: { id: draft.id, version: draft.version },
    });
    expect(byOfficer.errors?.[0].extensions?.code).toBe('NOT_FOUND'); // a draft is the organisers' own
    await office.data('mutation($input: PublishCampaignInput!) { publishCampaign(input: $input) { campaign { id } } }', {
      input: { id: draft.id, version: draft.version },
    });
    const campaignId = draft.id as string;

    // Hazards found in the campaign: fixed on the spot, left open, rectifying (overdue by the report date), voided.
    const fixed = await register(xxOfficer, 'XDZY-XX', campaignId, { title: '实训楼疏散指示灯不亮', category: 'FIRE' });
    await step(xxOfficer, fixed, 'fixOnTheSpot', 'FixOnTheSpotInput', { measures: '更换指示灯' });
    await register(xxOfficer, 'XDZY-XX', campaignId, { title: '实训楼消防控制室无人值守', category: 'FIRE', grade: 'MAJOR' });
    let rectifying = await register(jdOfficer, 'XDZY-JD', campaignId, { title: '危化品柜未双人双锁', category: 'LAB_CHEMICAL' });
    rectifying = await step(jdOfficer, rectifying, 'reportHazard', 'ReportHazardInput');
    const responsible = (await jdOfficer.data('{ me { person { id } } }')).me.person.id;
    rectifying = await step(jdOfficer, rectifying, 'submitRectificationPlan', 'SubmitRectificationPlanInput', {
      responsiblePersonId: responsible,
      measures: '加装第二把锁，建立领用双人登记',
      deadline: dayFromToday(3),
      contingencyPlan: '整改前危化品柜钥匙由安全员统一保管',
    });
    rectifying = await step(jdOfficer, rectifying, 'startRectification', 'StartRectificationInput');
    expect(rectifying.status).toBe('RECTIFYING');
    const duplicate = await register(jdOfficer, 'XDZY-JD', campaignId, { title: '危化品柜未双人双锁（重复登记）', category: 'LAB_CHEMICAL' });
    await step(jdOfficer, duplicate, 'voidHazard', 'VoidHazardInput', { reason: '重复登记' });

    const submitted = await xxOfficer.data('mutation($input: SubmitCampaignReportInput!) { submitCampaignReport(input: $input) { report { late } } }', {
      input: { campaignId, reportDate, orgUnitId: fixture.unitIds['XDZY-XX'], note: '本期自查发现隐患 2 处' },
    });
    expect(submitted.submitCampaignReport.report.late).toBe(false);
    const before = (await office.data(CAMPAIGN, { id: campaignId, date: reportDate })).campaign;
    expect(before.reportStatus.map((entry: any) => [entry.unit.name, entry.state])).toEqual([
      ['安全保卫处', 'PENDING'],
      ['信息工程学院', 'SUBMITTED'],
      ['机电工程学院', 'PENDING'],
      ['教务处', 'PENDING'],
    ]);
    expect(before.snapshots).toEqual([]);

    // Time passes: the report date was yesterday, and the rectification deadline before it.
    const yesterday = dayFromToday(-1);
    await database.query('UPDATE campaign_report_date SET report_date = ? WHERE campaign_id = ?', [yesterday, campaignId]);
    await database.query('UPDATE campaign_report SET report_date = ? WHERE campaign_id = ?', [yesterday, campaignId]);
    await database.query('UPDATE hazard_plan SET deadline = ? WHERE hazard_id = ?', [dayFromToday(-3), rectifying.id]);
    await database.query('UPDATE hazard SET deadline = ? WHERE id = ?', [dayFromToday(-3), rectifying.id]);

    const frozen = await eventually(
      async () => (await office.data(CAMPAIGN, { id: campaignId, date: yesterday })).campaign,
      (campaign) => campaign.snapshots.length > 0,
      20_000,
      250,
    );
    expect(frozen.snapshots).toHaveLength(1);
    const [snapshot] = frozen.snapshots;
    expect(snapshot.reportDate).toBe(yesterday);
    expect(snapshot.rows).toEqual([
      { unit: { name: '机电工程学院' }, category: 'LAB_CHEMICAL', found: 1, general: 1, major: 0, rectified: 0, rectifying: 1, overdue: 1, rectificationRate: 0 },
      { unit: { name: '信息工程学院' }, category: 'FIRE', found: 2, general: 1, major: 1, rectified: 1, rectifying: 1, overdue: 0, rectificationRate: 0.5 },
    ]);
    expect(snapshot.totals).toEqual({ found: 3, general: 2, major: 1, rectified: 1, rectifying: 2, overdue: 1, rectificationRate: 1 / 3 });
    expect(frozen.reportStatus.map((entry: any) => [entry.unit.name, entry.state])).toEqual([
      ['安全保卫处', 'MISSING'],
      ['信息工程学院', 'SUBMITTED'],
      ['机电工程学院', 'MISSING'],
      ['教务处', 'MISSING'],
    ]);

    // A late report is recorded as late; later hazards change the live figures, not the frozen table.
    const late = await jdOfficer.data('mutation($input: SubmitCampaignReportInput!) { submitCampaignReport(input: $input) { report { late } } }', {
      input: { campaignId, reportDate: yesterday, orgUnitId: fixture.unitIds['XDZY-JD'] },
    });
    expect(late.submitCampaignReport.report.late).toBe(true);
    await register(xxOfficer, 'XDZY-XX', campaignId, { title: '实训楼二层灭火器缺失', category: 'FIRE', discoveredAt: new Date().toISOString() });
    await sleep(2500); // a few scheduler runs, so a second freeze would show
    const after = (await office.data(CAMPAIGN, { id: campaignId, date: yesterday })).campaign;
    expect(after.snapshots).toEqual(frozen.snapshots);
    expect(after.statistics.totals.found).toBe(4);
    expect(after.reportStatus.find((entry: any) => entry.unit.name === '机电工程学院')).toMatchObject({ state: 'LATE', report: { late: true } });

    // The jd officer sees the whole plan (units named) but its own college's lines and report only.
    const own = (await jdOfficer.data(CAMPAIGN, { id: campaignId, date: yesterday })).campaign;
    expect(own.reportingUnits.map((unit: any) => unit.name)).toEqual(['安全保卫处', '信息工程学院', '机电工程学院', '教务处']);
    expect(own.snapshots[0].rows.map((row: any) => row.unit.name)).toEqual(['机电工程学院']);
    expect(own.reportStatus.map((entry: any) => entry.unit.name)).toEqual(['机电工程学院']);

    // The statistics table as Excel, through the gateway.
    const exportsUrl = fixture.platform.gatewayUrl.replace(/\/graphql$/, '/exports/campaign-statistics');
    const response = await fetch(`${exportsUrl}?snapshotId=${snapshot.id}`, { headers: { authorization: `Bearer ${office.token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(decodeURIComponent(response.headers.get('content-disposition') ?? '')).toContain(`实训楼消防与危化品专项整治工作隐患问题统计表-${yesterday}.xlsx`);
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0];
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(sheet.getRow(1).getCell(1).value).toBe('实训楼消防与危化品专项整治工作隐患问题统计表');
    expect(values(3)).toEqual(['单位', '隐患类别', '发现隐患数', '一般隐患', '重大隐患', '已整改', '整改中', '逾期未整改', '整改率']);
    expect(values(5)).toEqual(['信息工程学院', '消防安全', 2, 1, 1, 1, 1, 0, 0.5]);
    expect(values(6)).toEqual(['合计', '', 3, 2, 1, 1, 2, 1, 1 / 3]);

    const bureau = await fetch(`${exportsUrl}?snapshotId=${snapshot.id}`, { headers: { authorization: `Bearer ${(await fixture.as('bureau.admin')).token}` } });
    expect(bureau.status).toBe(200); // the bureau is above the school: it sees the campaign
    const missing = await fetch(exportsUrl, { headers: { authorization: `Bearer ${office.token}` } });
    expect(missing.status).toBe(400);
  });
});
