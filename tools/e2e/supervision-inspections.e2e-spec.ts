import { sampleJpeg } from '@campus/files';
import { calendarDateOf } from '@campus/graphql';
import { eventually, GraphQLClient } from '@campus/testing';
import { Workbook } from 'exceljs';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

const DAY_MS = 24 * 3600 * 1000;
const SUPERVISION = `id title status version orgUnit { name } supervisionGroup { id name kind } inspectedUnits { name }
  findings { id seq description rectification hazard { id code status } orgUnit { name } } findingStats { total raised rectified rectifying }`;
const PLAN = `mutation($input: PlanSupervisionInput!) { planSupervision(input: $input) { supervision { ${SUPERVISION} } } }`;
const START = `mutation($input: SupervisionStepInput!) { startSupervision(input: $input) { supervision { ${SUPERVISION} } } }`;
const RECORD = `mutation($input: RecordSupervisionFindingInput!) { recordSupervisionFinding(input: $input) { finding { id seq raisedAt } } }`;
const REPORT = `mutation($input: ReportSupervisionInput!) { reportSupervision(input: $input) { supervision { ${SUPERVISION} } } }`;
const UPDATE = `mutation($input: UpdateSupervisionInput!) { updateSupervision(input: $input) { supervision { id } } }`;
const READ = `query($id: ID!) { supervision(id: $id) { ${SUPERVISION} } }`;

/** Supervision inspections through the gateway: plan → finding → hazard in hazard-tracking → rectified there → shown here; the 督查报告 download; refusals. */
describe('supervision-appraisal: supervision inspections', () => {
  let fixture: PlatformFixture;
  let office: GraphQLClient;
  let inspector: GraphQLClient;
  let xxOfficer: GraphQLClient;
  let groupId: string;

  beforeAll(async () => {
    fixture = await startPlatformFixture(4460);
    [office, inspector, xxOfficer] = await Promise.all([fixture.as('safety.office'), fixture.as('inspector'), fixture.as('xx.officer')]);
    const groups = await office.data('query($id: ID!) { workGroups(filter: { orgUnitId: $id, kind: SUPERVISION_GROUP }) { edges { node { id name } } } }', { id: fixture.unitIds.XDZY });
    groupId = groups.workGroups.edges[0].node.id;
  }, 120_000);

  afterAll(async () => {
    await fixture?.stop();
  });

  it('holds the demo inspection: two colleges, three findings, one raised and registered as a hazard', async () => {
    const demo = await eventually(
      () => office.data('{ supervisions(first: 10) { totalCount edges { node { title findingStats { total raised } findings { rectification hazard { code } } } } } }'),
      (data) => data.supervisions.edges[0]?.node.findings.some((finding: any) => finding.hazard?.code),
      20_000,
    );
    expect(demo.supervisions.totalCount).toBe(1);
    expect(demo.supervisions.edges[0].node).toMatchObject({ title: '秋冬季校园安全专项督导检查', findingStats: { total: 3, raised: 1 } });
  });

  it('plans an inspection, raises a finding that hazard-tracking registers, and shows it rectified once the unit has fixed it', async () => {
    const planned = (
      await office.data(PLAN, {
        input: {
          orgUnitId: fixture.unitIds.XDZY,
          title: '信息与机电学院用电安全督导',
          supervisionGroupId: groupId,
          inspectedUnitIds: [fixture.unitIds['XDZY-XX'], fixture.unitIds['XDZY-JD']],
          startsOn: calendarDateOf(new Date()),
          endsOn: calendarDateOf(new Date(Date.now() + 3 * DAY_MS)),
          focusAreas: ['机房用电'],
          checklist: ['配电箱是否上锁并有警示标识'],
        },
      })
    ).planSupervision.supervision;
    expect(planned).toMatchObject({
      status: 'PLANNED',
      orgUnit: { name: '现代职业学院' },
      supervisionGroup: { id: groupId, name: '现代职业学院校园安全督导组', kind: 'SUPERVISION_GROUP' },
      inspectedUnits: expect.arrayContaining([{ name: '信息工程学院' }, { name: '机电工程学院' }]),
    });
    const started = (await office.data(START, { input: { id: planned.id, version: planned.version } })).startSupervision.supervision;
    const finding = (
      await inspector.data(RECORD, {
        input: {
          supervisionId: planned.id,
          orgUnitId: fixture.unitIds['XDZY-XX'],
          placeText: '信息楼301机房',
          category: 'ELECTRICAL',
          severity: 'GENERAL',
          description: '机房插线板串接使用，线缆老化',
          deadline: calendarDateOf(new Date(Date.now() + 7 * DAY_MS)),
          raiseAsHazard: true,
        },
      })
    ).recordSupervisionFinding.finding;

    // A photo of the finding, uploaded and downloaded through the gateway.
    const gatewayBase = fixture.platform.gatewayUrl.replace(/\/graphql$/, '');
    const form = new FormData();
    form.append('findingId', finding.id);
    form.append('file', new Blob([sampleJpeg(4096)], { type: 'image/jpeg' }), '机房插线板.jpg');
    const uploaded = await fetch(`${gatewayBase}/uploads/supervision-photo`, { method: 'POST', body: form, headers: { authorization: `Bearer ${inspector.token}` } });
    expect(uploaded.status).toBe(201);
    const photo = (await uploaded.json()) as { id: string; downloadUrl: string; contentType: string };
    expect(photo.contentType).toBe('image/jpeg');
    const photoByUnit = await fetch(`${gatewayBase}${photo.downloadUrl}`, { headers: { authorization: `Bearer ${xxOfficer.token}` } });
    expect(photoByUnit.status).toBe(200);
    expect(Buffer.from(await photoByUnit.arrayBuffer()).length).toBe(4096);
    const jdOfficer = await fixture.as('jd.officer');
    expect((await fetch(`${gatewayBase}${photo.downloadUrl}`, { headers: { authorization: `Bearer ${jdOfficer.token}` } })).status).toBe(404);

    const ledger = () => xxOfficer.data('{ hazards(first: 50, filter: { source: [SUPERVISION] }) { edges { node { id code status version title sourceRef { type id } } } } }');
    const registered = await eventually(ledger, (data) => data.hazards.edges.some((edge: any) => edge.node.sourceRef?.id === finding.id), 20_000);
    const hazard = registered.hazards.edges.map((edge: any) => edge.node).find((node: any) => node.sourceRef?.id === finding.id);
    expect(hazard).toMatchObject({ status: 'REGISTERED', sourceRef: { type: 'SUPERVISION_FINDING', id: finding.id }, title: '督导检查发现用电安全问题：机房插线板串接使用，线缆老化' });
    const following = await eventually(() => office.data(READ, { id: planned.id }), (data) => data.supervision.findings[0].hazard !== null, 20_000);
    expect(following.supervision.findings[0]).toMatchObject({ rectification: 'RECTIFYING', hazard: { id: hazard.id, code: hazard.code, status: 'REGISTERED' } });

    await xxOfficer.data('mutation($input: FixOnTheSpotInput!) { fixOnTheSpot(input: $input) { hazard { status } } }', {
      input: { id: hazard.id, version: hazard.version, measures: '拆除串接插线板，更换机房线缆' },
    });
    const rectified = await eventually(() => xxOfficer.data(READ, { id: planned.id }), (data) => data.supervision.findings[0]?.rectification === 'RECTIFIED', 20_000);
    expect(rectified.supervision.findings).toEqual([expect.objectContaining({ description: '机房插线板串接使用，线缆老化', rectification: 'RECTIFIED' })]);
    expect(rectified.supervision.findingStats).toMatchObject({ total: 1, raised: 1, rectified: 1 });

    const reported = (await office.data(REPORT, { input: { id: planned.id, version: started.version, summary: '机房用电问题已整改，其他方面总体良好' } })).reportSupervision.supervision;
    expect(reported.status).toBe('REPORTED');
    const url = `${fixture.platform.gatewayUrl.replace(/\/graphql$/, '/exports/supervision-report')}?id=${planned.id}`;
    const response = await fetch(url, { headers: { authorization: `Bearer ${office.token}` } });
    expect(response.status).toBe(200);
    expect(decodeURIComponent(response.headers.get('content-disposition') ?? '')).toContain('督查报告-信息与机电学院用电安全督导-');
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const row = workbook.getWorksheet('问题清单')?.getRow(3).values as unknown[];
    expect(row.slice(1)).toEqual([1, '信息工程学院', '信息楼301机房', '用电安全', '机房插线板串接使用，线缆老化', '一般', expect.any(String), hazard.code, '已整改']);

    const edit = await office.request(UPDATE, { input: { id: planned.id, version: reported.version, title: '改名' } });
    expect(edit.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
    expect(edit.errors?.[0].message).toContain('督导检查已出报告，不能再修改');
  });

  it('refuses a unit planning an inspection, and hides inspections and reports from units outside them', async () => {
    const byCollege = await xxOfficer.request(PLAN, {
      input: {
        orgUnitId: fixture.unitIds['XDZY-XX'],
        title: '学院自查',
        supervisionGroupId: groupId,
        inspectedUnitIds: [fixture.unitIds['XDZY-XX']],
        startsOn: calendarDateOf(new Date()),
        endsOn: calendarDateOf(new Date()),
      },
    });
    expect(byCollege.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });

    const staff = await fixture.as('staff');
    const demoId = (await office.data('{ supervisions(first: 10, filter: { status: [IN_PROGRESS] }) { edges { node { id } } } }')).supervisions.edges[0].node.id;
    const hidden = await staff.request(READ, { id: demoId });
    expect(hidden.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    expect((await staff.data('{ supervisions(first: 10) { totalCount } }')).supervisions.totalCount).toBe(0);
    const url = `${fixture.platform.gatewayUrl.replace(/\/graphql$/, '/exports/supervision-report')}?id=${demoId}`;
    const refused = await fetch(url, { headers: { authorization: `Bearer ${staff.token}` } });
    expect(refused.status).toBe(404);
  });
});
