import { createTokenVerifier, Role, signToken, Viewer } from '@campus/auth';
import { HazardRegistered, HazardStatusChanged, IncidentReported, NO_OUTBOX_SIGNAL } from '@campus/events';
import { createLogger } from '@campus/logger';
import { createHttpApp, FeatureModule, listen, serviceBase } from '@campus/server';
import { createServiceTestDatabase, fixedOrgDirectory, SchemaRunner, TestDatabase, viewerWith } from '@campus/testing';
import { Workbook } from 'exceljs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { at, consumerOf, loop, registered, UNITS } from '../hazard-facts/hazard-facts.testing';
import { automaticMetric } from '../metrics/metric-catalogue';
import { APPRAISAL_MODULES, AppraisalDeps, buildAppraisalSchema } from '../service';
import { APPRAISAL_EXPORTS_MODULE } from './appraisal-exports.module';

const SECRET = 'appraisal-results-secret-0123456789abcdef';
const PATHS = { county: '/county/', s1: '/county/s1/', k1: '/county/s1/k1/', s2: '/county/s2/', other: '/other/', o1: '/other/o1/' };
const countyAdmin = viewerWith('county-admin', [[Role.BUREAU_ADMIN, 'county', PATHS.county]]);
const s1Office = viewerWith('s1-office', [[Role.SAFETY_OFFICE, 's1', PATHS.s1]]);
const otherAdmin = viewerWith('other-admin', [[Role.BUREAU_ADMIN, 'other', PATHS.other]]);
const utc = (day: string, time = '02:00') => `${day}T${time}:00.000Z`;

const RECTIFICATION = { kind: 'AUTOMATIC', metric: 'RECTIFICATION_RATE', name: '隐患整改率', weight: 60, rule: { kind: 'LINEAR', zeroAt: 0.5, fullAt: 1 } };
const OVERDUE = { kind: 'AUTOMATIC', metric: 'OVERDUE_HAZARDS', name: '逾期隐患', weight: 20, rule: { kind: 'DEDUCTION', perOccurrence: 10, cap: 20 } };
const MANUAL = { kind: 'MANUAL', name: '制度建设（人工评分）', weight: 20 };
const SCHEME = 'mutation($input: CreateAppraisalSchemeInput!) { createAppraisalScheme(input: $input) { appraisalScheme { id version indicators { id } } } }';
const PUBLISH = 'mutation($input: AppraisalSchemeRunInput!) { publishAppraisalScheme(input: $input) { appraisedUnits } }';
const CLOSE = 'mutation($input: AppraisalSchemeRunInput!) { closeAppraisalScheme(input: $input) { appraisedUnits } }';
const RESULTS = `query($id: ID!) { appraisals(schemeId: $id, stage: YEAR_END, first: 10) { edges { node {
  orgUnit { id } total grade vetoed rank asOf values { indicatorId value score } } } } }`;
const Q1 = { from: '2026-01-01', to: '2026-03-31', asOf: '2026-03-31' };

type Rows = unknown[][];
type Sheets = Record<'汇总' | '指标明细' | '一票否决', Rows>;

/**
 * The 考核结果 download over real HTTP: a county's Q1 2026 scheme over s1 (with college k1) and s2, computed
 * from hazard and incident events delivered through the real consumer, published and closed; the three
 * sheets read back with exceljs, the scope of a school and another county, and the frozen year-end figures.
 */
describe('supervision-appraisal: the 考核结果 download over HTTP (integration)', () => {
  let db: TestDatabase;
  let events: ReturnType<typeof consumerOf>;
  let server: http.Server;
  let baseUrl: string;
  let countySchemeId: string;
  let otherSchemeId: string;
  let indicatorIds: string[];

  const token = (viewer: Viewer) => signToken({ accountId: viewer.accountId, personId: viewer.personId, grants: [...viewer.grants] }, SECRET, 600);
  const download = async (viewer: Viewer, query: string) => fetch(`${baseUrl}/appraisal-results?${query}`, { headers: { authorization: `Bearer ${await token(viewer)}` } });
  const hazard = async (id: string, unit: string, dates: Parameters<typeof loop>[2]) => {
    await events.deliver(HazardRegistered, registered(id, unit, dates.reported));
    for (const change of loop(id, unit, dates)) await events.deliver(HazardStatusChanged, change);
  };

  async function sheetsOf(response: Response): Promise<Sheets> {
    expect(response.status).toBe(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['汇总', '指标明细', '一票否决']);
    const rowsOf = (name: string) => {
      const rows: Rows = [];
      workbook.getWorksheet(name)?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return rows;
    };
    return { 汇总: rowsOf('汇总'), 指标明细: rowsOf('指标明细'), 一票否决: rowsOf('一票否决') };
  }

  async function runScheme(runner: SchemaRunner, viewer: Viewer, input: Record<string, unknown>): Promise<{ id: string; indicators: { id: string }[] }> {
    const scheme = (await runner.data(viewer, SCHEME, { input })).createAppraisalScheme.appraisalScheme;
    await runner.data(viewer, PUBLISH, { input: { id: scheme.id, version: scheme.version } });
    await runner.data(viewer, CLOSE, { input: { id: scheme.id, version: scheme.version + 1 } });
    return scheme;
  }

  beforeAll(async () => {
    db = await createServiceTestDatabase('appraisal_results', APPRAISAL_MODULES);
    for (const [id, path] of Object.entries(PATHS)) {
      await db.dataSource.query('INSERT INTO org_unit_projection (id, path, name, code, kind) VALUES (?, ?, ?, ?, ?)', [id, path, `单位${id}`, id.toUpperCase(), /^(s|o)\d/.test(id) ? 'SCHOOL' : 'BUREAU']);
    }
    events = consumerOf(db, APPRAISAL_MODULES as readonly FeatureModule[]);
    await hazard('h1', 's1', { reported: utc('2026-01-05'), rectifying: utc('2026-01-06'), deadline: '2026-01-20', submitted: utc('2026-01-17'), accepted: utc('2026-01-18') });
    await hazard('h2', 'k1', { reported: utc('2026-02-01'), rectifying: utc('2026-02-02'), deadline: '2026-02-10' });
    await hazard('h3', 's2', { reported: utc('2026-02-01'), rectifying: utc('2026-02-02'), deadline: '2026-02-20', submitted: utc('2026-02-18'), accepted: utc('2026-02-19') });
    const incident = { type: '校舍坍塌', severity: 'MAJOR' as const, reportDelayMinutes: 30, deaths: 0, injuries: 3, occurredAt: utc('2026-03-02'), reportedAt: utc('2026-03-02', '02:30') };
    await events.deliver(IncidentReported, { id: 'i9', ...at('s2'), ...incident });
    expect(await events.parked()).toEqual([]);

    const directory = fixedOrgDirectory(PATHS);
    const runner = new SchemaRunner(await buildAppraisalSchema(db.dataSource, directory));
    const county = await runScheme(runner, countyAdmin, { orgUnitId: 'county', name: '2026年第一季度考核', year: 2026, period: 'Q1', indicators: [RECTIFICATION, OVERDUE, MANUAL], vetoRules: ['MAJOR_INCIDENT'] });
    countySchemeId = county.id;
    indicatorIds = county.indicators.map((indicator) => indicator.id);
    otherSchemeId = (await runScheme(runner, otherAdmin, { orgUnitId: 'other', name: '邻县考核', year: 2026, period: 'Q1', indicators: [{ ...RECTIFICATION, weight: 100 }] })).id;

    const app = createHttpApp(createLogger('test', 'silent'), async () => undefined);
    const deps: AppraisalDeps = { ...serviceBase(APPRAISAL_MODULES, db.dataSource, NO_OUTBOX_SIGNAL), directory };
    APPRAISAL_EXPORTS_MODULE.routes?.(app, { ...deps, verifyToken: createTokenVerifier({ jwtSecret: SECRET }) });
    server = http.createServer(app);
    await listen(server, 0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    if (server) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    await db?.drop();
  });

  it('streams the three sheets with Chinese headers: ranks and grades, each indicator’s value and points, the veto and its evidence', async () => {
    const response = await download(countyAdmin, `schemeId=${countySchemeId}&stage=YEAR_END`);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(decodeURIComponent(response.headers.get('content-disposition') ?? '')).toContain('考核结果-2026年第一季度考核-年终.xlsx');
    const sheets = await sheetsOf(response);
    const stored = (await new SchemaRunner(await buildAppraisalSchema(db.dataSource, fixedOrgDirectory(PATHS))).data(countyAdmin, RESULTS, { id: countySchemeId })).appraisals.edges.map(
      (edge: any) => edge.node,
    );
    const [s1, s2] = stored;
    expect([s1.orgUnit.id, s2.orgUnit.id]).toEqual(['s1', 's2']);

    expect(sheets.汇总[0][0]).toBe('2026年第一季度考核 年终考核结果汇总');
    expect(sheets.汇总[2]).toEqual(['序号', '排名', '单位', '单位代码', '总分', '等次', '是否一票否决', '数据截止日期']);
    expect(sheets.汇总.slice(3)).toEqual([
      [1, 1, '单位s1', 'S1', s1.total, s1.grade, '否', '2026-03-31'],
      [2, 2, '单位s2', 'S2', s2.total, '不合格', '是', '2026-03-31'],
    ]);
    // s2 scored more points yet ranks after s1: the veto.
    expect(s2.total).toBeGreaterThan(s1.total);

    const detail = sheets.指标明细;
    expect(detail[1].slice(0, 6)).toEqual(['指标（权重）', '隐患整改率（权重 60）', '隐患整改率（权重 60）', '逾期隐患（权重 20）', '逾期隐患（权重 20）', '制度建设（人工评分）（权重 20）']);
    expect(detail[2]).toEqual(['单位', '指标值', '得分', '指标值', '得分', '指标值', '得分']);
    const valueOf = (node: any, index: number) => node.values.find((value: any) => value.indicatorId === indicatorIds[index]);
    expect(detail.slice(3)).toEqual(
      [s1, s2].map((node, row) => [`单位s${row + 1}`, valueOf(node, 0).value, valueOf(node, 0).score, valueOf(node, 1).value, valueOf(node, 1).score, '人工评分', '未评分']),
    );
    // k1's hazard is s1's and overdue: s1 rectified one of two, s2 all.
    expect(detail[3].slice(1, 5)).toEqual([0.5, 0, 1, 10]);
    expect(detail[4].slice(1, 5)).toEqual([1, 60, 0, 20]);

    expect(sheets.一票否决[2]).toEqual(['单位', '情形', '依据类型', '依据编号', '说明']);
    expect(sheets.一票否决.slice(3)).toEqual([['单位s2', '发生重大及以上安全事件', '安全事件', 'i9', expect.stringContaining('校舍坍塌')]]);
  });

  it('gives a school its own result only, though the county’s scheme is above it; the process results when asked', async () => {
    const own = await sheetsOf(await download(s1Office, `schemeId=${countySchemeId}&stage=YEAR_END`));
    expect(own.汇总.slice(3).map((row) => row.slice(0, 3))).toEqual([[1, 1, '单位s1']]);
    expect(own.指标明细.slice(3).map((row) => row[0])).toEqual(['单位s1']);
    expect(own.一票否决.slice(3)).toEqual([]);
    const process = await download(countyAdmin, `schemeId=${countySchemeId}&stage=PROCESS`);
    expect(decodeURIComponent(process.headers.get('content-disposition') ?? '')).toContain('考核结果-2026年第一季度考核-过程.xlsx');
    expect((await sheetsOf(process)).汇总.slice(3).map((row) => row[2])).toEqual(['单位s1', '单位s2']);
  });

  it('refuses another county’s scheme (404), a scheme that does not exist (404), a bad stage (400) and no token (401)', async () => {
    const refusal = async (viewer: Viewer, query: string) => {
      const response = await download(viewer, query);
      return { status: response.status, body: await response.json() };
    };
    expect(await refusal(countyAdmin, `schemeId=${otherSchemeId}`)).toMatchObject({ status: 404, body: { code: 'NOT_FOUND', reason: 'NOT_FOUND' } });
    expect(await refusal(otherAdmin, `schemeId=${countySchemeId}&stage=YEAR_END`)).toMatchObject({ status: 404, body: { code: 'NOT_FOUND', reason: 'NOT_FOUND' } });
    expect(await refusal(s1Office, 'schemeId=00000000000000000000000000000000')).toMatchObject({ status: 404, body: { reason: 'NOT_FOUND' } });
    expect(await refusal(countyAdmin, `schemeId=${countySchemeId}&stage=FINAL`)).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' } });
    expect(await refusal(countyAdmin, '')).toMatchObject({ status: 400, body: { reason: 'INVALID_INPUT' } });
    const anonymous = await fetch(`${baseUrl}/appraisal-results?schemeId=${countySchemeId}`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('downloads the year-end figures unchanged while new fact events arrive in between (stored rows only, never recomputed)', async () => {
    const before = await sheetsOf(await download(countyAdmin, `schemeId=${countySchemeId}&stage=YEAR_END`));
    const overdueBefore = (await automaticMetric('OVERDUE_HAZARDS')!.values(db.dataSource.manager, [UNITS.s1], Q1)).get('s1')!.numerator;

    // Within the period: another overdue hazard and a major incident in s1, and s2's hazard h5 left unrectified.
    await hazard('h4', 's1', { reported: utc('2026-02-03'), rectifying: utc('2026-02-04'), deadline: '2026-02-15' });
    await hazard('h5', 's2', { reported: utc('2026-03-01'), rectifying: utc('2026-03-02'), deadline: '2026-03-10' });
    const incident = { type: '实验室火灾', severity: 'MAJOR' as const, reportDelayMinutes: 20, deaths: 0, injuries: 1, occurredAt: utc('2026-03-05'), reportedAt: utc('2026-03-05', '02:20') };
    await events.deliver(IncidentReported, { id: 'i10', ...at('s1'), ...incident });
    expect(await events.parked()).toEqual([]);
    // The facts moved on …
    expect((await automaticMetric('OVERDUE_HAZARDS')!.values(db.dataSource.manager, [UNITS.s1], Q1)).get('s1')!.numerator).toBe(overdueBefore + 1);

    // … the download did not.
    const after = await sheetsOf(await download(countyAdmin, `schemeId=${countySchemeId}&stage=YEAR_END`));
    expect(after).toEqual(before);
    expect(after.一票否决.slice(3).map((row) => row[0])).toEqual(['单位s2']);
  });
});
