import { calendarDateOf } from '@campus/graphql';
import { GraphQLClient } from '@campus/testing';
import { Workbook } from 'exceljs';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

const SCHEME_NAME = '学校安全工作年度考核（结果导出）';
const INDICATORS = [
  { kind: 'AUTOMATIC', metric: 'RECTIFICATION_RATE', name: '隐患整改率', weight: 60, rule: { kind: 'LINEAR', zeroAt: 0.5, fullAt: 1 } },
  { kind: 'AUTOMATIC', metric: 'OVERDUE_HAZARDS', name: '逾期隐患', weight: 20, rule: { kind: 'DEDUCTION', perOccurrence: 10, cap: 20 } },
  { kind: 'MANUAL', name: '安全台账规范性', weight: 20 },
];
const CREATE = 'mutation($input: CreateAppraisalSchemeInput!) { createAppraisalScheme(input: $input) { appraisalScheme { id version } } }';
const PUBLISH = 'mutation($input: AppraisalSchemeRunInput!) { publishAppraisalScheme(input: $input) { appraisedUnits } }';
const CLOSE = 'mutation($input: AppraisalSchemeRunInput!) { closeAppraisalScheme(input: $input) { appraisedUnits } }';
const RESULTS = `query($id: ID!) { appraisals(schemeId: $id, stage: YEAR_END, first: 50) { totalCount edges { node {
  orgUnit { id name code } total grade vetoed rank asOf vetoes { rule evidenceId } } } } }`;

type Rows = unknown[][];

/** The 考核结果 download through the gateway: a bureau's scheme over the demo schools published and closed, downloaded and opened; a school's own row; refusals. */
describe('supervision-appraisal: appraisal results download', () => {
  let fixture: PlatformFixture;
  let admin: GraphQLClient;
  let office: GraphQLClient;
  let jdOfficer: GraphQLClient;
  let schemeId: string;

  const download = (client: GraphQLClient | null, query: string) =>
    fetch(`${fixture.platform.gatewayUrl.replace(/\/graphql$/, '')}/exports/appraisal-results?${query}`, { headers: client ? { authorization: `Bearer ${client.token}` } : {} });

  async function sheetsOf(response: Response): Promise<Record<string, Rows>> {
    expect(response.status).toBe(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const sheets: Record<string, Rows> = {};
    for (const sheet of workbook.worksheets) {
      sheets[sheet.name] = [];
      sheet.eachRow((row) => sheets[sheet.name].push((row.values as unknown[]).slice(1)));
    }
    return sheets;
  }

  beforeAll(async () => {
    fixture = await startPlatformFixture(4540);
    [admin, office, jdOfficer] = await Promise.all(['bureau.admin', 'safety.office', 'jd.officer'].map((name) => fixture.as(name)));
    const input = {
      orgUnitId: fixture.unitIds.BUREAU,
      name: SCHEME_NAME,
      year: Number(calendarDateOf(new Date()).slice(0, 4)),
      period: 'ANNUAL',
      appraisedUnitKind: 'SCHOOL',
      indicators: INDICATORS,
      vetoRules: ['MAJOR_INCIDENT', 'MAJOR_HAZARD_REPORTED_LATE'],
    };
    const scheme = (await admin.data(CREATE, { input })).createAppraisalScheme.appraisalScheme;
    schemeId = scheme.id;
    expect((await admin.data(PUBLISH, { input: { id: scheme.id, version: scheme.version } })).publishAppraisalScheme.appraisedUnits).toBe(2);
    expect((await admin.data(CLOSE, { input: { id: scheme.id, version: scheme.version + 1 } })).closeAppraisalScheme.appraisedUnits).toBe(2);
  }, 180_000);

  afterAll(async () => {
    await fixture?.stop();
  });

  it('downloads the closed scheme’s year-end results as three sheets matching the stored appraisals', async () => {
    const response = await download(admin, `schemeId=${schemeId}&stage=YEAR_END`);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(decodeURIComponent(response.headers.get('content-disposition') ?? '')).toContain(`考核结果-${SCHEME_NAME}-年终.xlsx`);
    const sheets = await sheetsOf(response);
    expect(Object.keys(sheets)).toEqual(['汇总', '指标明细', '一票否决']);

    const results = (await admin.data(RESULTS, { id: schemeId })).appraisals;
    const nodes = results.edges.map((edge: any) => edge.node);
    expect(nodes.map((node: any) => node.orgUnit.code).sort()).toEqual(['XDZY', 'YZ']);
    expect(sheets.汇总[2]).toEqual(['序号', '排名', '单位', '单位代码', '总分', '等次', '是否一票否决', '数据截止日期']);
    expect(sheets.汇总.slice(3)).toEqual(
      nodes.map((node: any, index: number) => [index + 1, node.rank, node.orgUnit.name, node.orgUnit.code, node.total, node.grade, node.vetoed ? '是' : '否', node.asOf]),
    );

    expect(sheets.指标明细[1].filter((cell, index) => index % 2 === 1)).toEqual(['隐患整改率（权重 60）', '逾期隐患（权重 20）', '安全台账规范性（权重 20）']);
    expect(sheets.指标明细[2]).toEqual(['单位', '指标值', '得分', '指标值', '得分', '指标值', '得分']);
    expect(sheets.指标明细.slice(3).map((row) => [row[0], row[5], row[6]])).toEqual(nodes.map((node: any) => [node.orgUnit.name, '人工评分', '未评分']));

    expect(sheets.一票否决[2]).toEqual(['单位', '情形', '依据类型', '依据编号', '说明']);
    const vetoes = nodes.flatMap((node: any) => node.vetoes.map((veto: any) => [node.orgUnit.name, veto.evidenceId]));
    expect(sheets.一票否决.slice(3).map((row) => [row[0], row[3]])).toEqual(vetoes);
  });

  it('gives the school its own row only, though the scheme is the bureau’s', async () => {
    const own = await sheetsOf(await download(office, `schemeId=${schemeId}&stage=YEAR_END`));
    expect(own.汇总.slice(3).map((row) => [row[2], row[3]])).toEqual([['现代职业学院', 'XDZY']]);
    expect(own.指标明细.slice(3).map((row) => row[0])).toEqual(['现代职业学院']);
  });

  it('refuses a college outside the appraised units (404) and a caller without a token (401)', async () => {
    const outside = await download(jdOfficer, `schemeId=${schemeId}`);
    expect(outside.status).toBe(404);
    expect(await outside.json()).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    const anonymous = await download(null, `schemeId=${schemeId}`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SIGN_IN_REQUIRED' });
  });
});
