import { calendarDateOf } from '@campus/graphql';
import { eventually, GraphQLClient } from '@campus/testing';
import { Workbook } from 'exceljs';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

const RECORD = `id status version reason measure targetKind proposedByPlatform description orgUnit { id name } person { id name } issuingUnit { name } evidence { kind refId label }`;
const RECORD_ONE = `mutation($input: RecordAccountabilityInput!) { recordAccountability(input: $input) { accountabilityRecord { ${RECORD} } } }`;
const CONFIRM = `mutation($input: ConfirmAccountabilityInput!) { confirmAccountability(input: $input) { accountabilityRecord { ${RECORD} } } }`;
const LIST = `query($filter: AccountabilityRecordFilter) { accountabilityRecords(filter: $filter, first: 50) { totalCount edges { node { ${RECORD} } } } }`;

/** 问责/通报 through the gateway: the demo's records (one proposed from a real tier-3 escalation), record → confirm → the list download; refusals. */
describe('supervision-appraisal: accountability', () => {
  let fixture: PlatformFixture;
  let office: GraphQLClient;
  let xxLeader: GraphQLClient;
  let staff: GraphQLClient;
  let jdOfficer: GraphQLClient;

  async function download(client: GraphQLClient, query: string): Promise<Response> {
    return fetch(`${fixture.platform.gatewayUrl.replace(/\/graphql$/, '')}/exports/accountability-list?${query}`, {
      headers: { authorization: `Bearer ${client.token}` },
    });
  }

  beforeAll(async () => {
    fixture = await startPlatformFixture(4520, { 'hazard-tracking': { SCHEDULER_INTERVAL_SECONDS: '1' } });
    [office, xxLeader, staff, jdOfficer] = await Promise.all([fixture.as('safety.office'), fixture.as('xx.leader'), fixture.as('staff'), fixture.as('jd.officer')]);
  }, 120_000);

  afterAll(async () => {
    await fixture?.stop();
  });

  it('holds the demo’s record on file and a proposal from 后勤管理处’s escalated major hazard, which the school confirms', async () => {
    const onFile = await office.data(LIST, { filter: { orgUnitId: fixture.unitIds['XDZY-JD'] } });
    expect(onFile.accountabilityRecords.edges.map((edge: any) => edge.node)).toEqual([
      expect.objectContaining({ status: 'CONFIRMED', reason: 'LATE_REPORT', measure: 'CRITICISM_NOTICE', orgUnit: { id: fixture.unitIds['XDZY-JD'], name: '机电工程学院' } }),
    ]);
    const proposed = await eventually(
      () => office.data(LIST, { filter: { orgUnitId: fixture.unitIds['XDZY-HQ'] } }),
      (data) => data.accountabilityRecords.totalCount > 0,
      30_000,
      500,
    );
    const proposal = proposed.accountabilityRecords.edges[0].node;
    expect(proposal).toMatchObject({ status: 'PROPOSED', proposedByPlatform: true, reason: 'OVERDUE_HAZARD', issuingUnit: { name: '现代职业学院' }, orgUnit: { name: '后勤管理处' } });
    expect(proposal.evidence.map((item: any) => item.kind)).toEqual(['HAZARD', 'ESCALATION']);
    const confirmed = (await office.data(CONFIRM, { input: { id: proposal.id, version: proposal.version, measure: 'INTERVIEW', note: '约谈后勤管理处负责人' } }))
      .confirmAccountability.accountabilityRecord;
    expect(confirmed).toMatchObject({ status: 'CONFIRMED', measure: 'INTERVIEW' });
  });

  it('records against a college and a person of it, confirms, and the list download opens as an .xlsx with the rows', async () => {
    const people = await office.data('query($id: ID!) { orgUnit(id: $id) { people(first: 20) { edges { node { id name } } } } }', { id: fixture.unitIds['XDZY-XX'] });
    const zhang = people.orgUnit.people.edges.map((edge: any) => edge.node).find((person: any) => person.name === '张伟');
    const unitRecord = (
      await office.data(RECORD_ONE, {
        input: { targetKind: 'UNIT', orgUnitId: fixture.unitIds['XDZY-XX'], reason: 'SHIRKING', measure: 'ORDER_TO_RECTIFY', description: '对督导检查发现的问题推诿扯皮，未按期反馈整改情况' },
      })
    ).recordAccountability.accountabilityRecord;
    expect(unitRecord).toMatchObject({ status: 'PROPOSED', issuingUnit: { name: '现代职业学院' }, orgUnit: { name: '信息工程学院' } });
    await office.data(CONFIRM, { input: { id: unitRecord.id, version: unitRecord.version } });
    const personRecord = await eventually(
      () => office.request(RECORD_ONE, { input: { targetKind: 'PERSON', personId: zhang.id, reason: 'CONCEALMENT', measure: 'ADMONITION_TALK', description: '未如实上报机房配电隐患' } }),
      (response) => !response.errors?.length,
      15_000,
      500,
    );
    expect(personRecord.data?.recordAccountability.accountabilityRecord).toMatchObject({ targetKind: 'PERSON', person: { name: '张伟' }, orgUnit: { name: '信息工程学院' } });

    const today = calendarDateOf(new Date());
    const response = await download(office, `orgUnitId=${fixture.unitIds['XDZY-XX']}&from=${today}&to=${today}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(decodeURIComponent(response.headers.get('content-disposition') ?? '')).toContain('问责通报清单-信息工程学院');
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const rows: unknown[][] = [];
    workbook.getWorksheet('问责通报清单')?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[2].slice(0, 10)).toEqual(['序号', '对象', '对象类别', '所属单位', '事由', '问责方式', '情况说明', '依据', '状态', '作出单位']);
    expect(rows.slice(3).map((row) => row.slice(0, 9))).toEqual([
      [1, '信息工程学院', '单位', '现代职业学院', '推诿扯皮、履职不到位', '责令整改', '对督导检查发现的问题推诿扯皮，未按期反馈整改情况', '—', '记录在案'],
      [2, '张伟', '个人', '信息工程学院', '瞒报', '诫勉谈话', '未如实上报机房配电隐患', '—', '待确认'],
    ]);

    const asLeader = await xxLeader.data(LIST, {});
    expect(asLeader.accountabilityRecords.edges.map((edge: any) => edge.node.orgUnit.name)).toEqual(['信息工程学院', '信息工程学院']);
  });

  it('refuses a college leader confirming, staff recording, another college reading, and a download without a leadership role', async () => {
    const record = (await office.data(LIST, { filter: { orgUnitId: fixture.unitIds['XDZY-XX'], status: ['PROPOSED'] } })).accountabilityRecords.edges[0].node;
    const confirm = await xxLeader.request(CONFIRM, { input: { id: record.id, version: record.version } });
    expect(confirm.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
    const byStaff = await staff.request(RECORD_ONE, {
      input: { targetKind: 'UNIT', orgUnitId: fixture.unitIds['XDZY-HQ'], reason: 'OTHER', measure: 'WARNING', description: '职工不能提出问责' },
    });
    expect(byStaff.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
    const bySelf = await office.request(RECORD_ONE, {
      input: { targetKind: 'UNIT', orgUnitId: fixture.unitIds.XDZY, issuingUnitId: fixture.unitIds.XDZY, reason: 'OTHER', measure: 'WARNING', description: '学校不能对本单位问责' },
    });
    expect(bySelf.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'OUTSIDE_RANGE' });
    const elsewhere = await jdOfficer.request(`query($id: ID!) { accountabilityRecord(id: $id) { id } }`, { id: record.id });
    expect(elsewhere.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });

    const refused = await download(staff, `orgUnitId=${fixture.unitIds['XDZY-HQ']}`);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
    const outside = await download(jdOfficer, `orgUnitId=${fixture.unitIds['XDZY-XX']}`);
    expect(outside.status).toBe(404);
  });
});
