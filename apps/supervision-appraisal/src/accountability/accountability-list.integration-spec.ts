import { createTokenVerifier, signToken, Viewer } from '@campus/auth';
import { createLogger } from '@campus/logger';
import { createHttpApp, listen } from '@campus/server';
import { Workbook } from 'exceljs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { ACCOUNTABILITY_MODULE } from './accountability.module';
import { AccountabilityTestBed, OPS, startAccountabilityTestBed, unitRecordInput, VIEWERS } from './accountability-testing';

const SECRET = 'accountability-list-secret-0123456789abcdef';
const { schoolOffice, leaderA, leaderB, teacherA, schoolStaff, otherCounty } = VIEWERS;

describe('supervision-appraisal: the 问责通报清单 download over HTTP (integration)', () => {
  let bed: AccountabilityTestBed;
  let server: http.Server;
  let baseUrl: string;

  const token = (viewer: Viewer) => signToken({ accountId: viewer.accountId, personId: viewer.personId, grants: [...viewer.grants] }, SECRET, 600);
  const download = async (viewer: Viewer, query: string) => fetch(`${baseUrl}/accountability-list?${query}`, { headers: { authorization: `Bearer ${await token(viewer)}` } });
  async function sheetRows(response: Response): Promise<unknown[][]> {
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const rows: unknown[][] = [];
    workbook.getWorksheet('问责通报清单')?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  }

  beforeAll(async () => {
    bed = await startAccountabilityTestBed('accountability_list');
    const app = createHttpApp(createLogger('test', 'silent'), async () => undefined);
    ACCOUNTABILITY_MODULE.routes?.(app, { ...bed.deps, verifyToken: createTokenVerifier({ jwtSecret: SECRET }) });
    server = http.createServer(app);
    await listen(server, 0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const record = async (input: Record<string, unknown>) => (await bed.runner.data(schoolOffice, OPS.record, { input })).recordAccountability.accountabilityRecord;
    const unitA = await record(unitRecordInput({ evidence: [{ kind: 'HAZARD', refId: 'hz-9', label: 'XDZY-YH-2026-0009' }] }));
    await bed.runner.data(schoolOffice, OPS.confirm, { input: { id: unitA.id, version: unitA.version, note: '全校通报' } });
    await record(unitRecordInput({ targetKind: 'PERSON', orgUnitId: undefined, personId: 'p-teacher-a', reason: 'SHIRKING', measure: 'INTERVIEW', description: '推诿隐患整改任务' }));
    await record(unitRecordInput({ orgUnitId: 'collegeb', reason: 'INCIDENT', measure: 'ORDER_TO_RECTIFY', description: '实训车间发生一般安全事件' }));
  });

  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await bed?.db.drop();
  });

  it('streams the school’s list as an .xlsx with Chinese headers, one row per record in issue order', async () => {
    const response = await download(schoolOffice, 'orgUnitId=school');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(decodeURIComponent(response.headers.get('content-disposition') ?? '')).toContain('问责通报清单-现代职业学院');
    const rows = await sheetRows(response);
    expect(rows[0][0]).toContain('现代职业学院 问责通报清单');
    expect(rows[2]).toEqual(['序号', '对象', '对象类别', '所属单位', '事由', '问责方式', '情况说明', '依据', '状态', '作出单位', '提出日期', '确认日期', '备注']);
    const body = rows.slice(3);
    expect(body).toHaveLength(3);
    expect(body[0].slice(0, 10)).toEqual([1, '信息工程学院', '单位', '现代职业学院', '迟报', '通报批评', '隐患问题统计表未按时报送，经催报仍迟报两天', '隐患 XDZY-YH-2026-0009', '记录在案', '现代职业学院']);
    expect(body[0][12]).toBe('全校通报');
    expect(body[1].slice(0, 6)).toEqual([2, '人员 p-teacher-a', '个人', '信息工程学院', '推诿扯皮、履职不到位', '约谈']);
    expect(body[2].slice(0, 6)).toEqual([3, '机电工程学院', '单位', '现代职业学院', '发生安全责任事故', '责令整改']);
  });

  it('narrows by status and dates, and gives a college leader their own college only', async () => {
    const confirmed = await sheetRows(await download(schoolOffice, 'orgUnitId=school&status=CONFIRMED'));
    expect(confirmed.slice(3).map((row) => row[1])).toEqual(['信息工程学院']);
    expect(await sheetRows(await download(schoolOffice, 'orgUnitId=school&from=2020-01-01&to=2020-12-31'))).toHaveLength(3);
    const asLeader = await sheetRows(await download(leaderA, 'orgUnitId=collegea'));
    expect(asLeader.slice(3).map((row) => row[1])).toEqual(['信息工程学院', '人员 p-teacher-a']);
  });

  it('refuses with { code, reason, message }: outside the scope, without a leadership role, a bad date', async () => {
    const refusal = async (viewer: Viewer, query: string) => {
      const response = await download(viewer, query);
      return { status: response.status, body: (await response.json()) as { reason: string } };
    };
    expect(await refusal(leaderB, 'orgUnitId=collegea')).toMatchObject({ status: 404, body: { reason: 'NOT_FOUND' } });
    expect(await refusal(otherCounty, 'orgUnitId=school')).toMatchObject({ status: 404, body: { reason: 'NOT_FOUND' } });
    expect(await refusal(leaderA, 'orgUnitId=school')).toMatchObject({ status: 404, body: { reason: 'NOT_FOUND' } });
    expect(await refusal(schoolStaff, 'orgUnitId=school')).toMatchObject({ status: 403, body: { reason: 'ROLE_REQUIRED' } });
    expect(await refusal(teacherA, 'orgUnitId=collegea')).toMatchObject({ status: 403, body: { reason: 'ROLE_REQUIRED' } });
    expect(await refusal(schoolOffice, 'orgUnitId=school&from=2026-13-01')).toMatchObject({ status: 400, body: { reason: 'INVALID_INPUT' } });
    const anonymous = await fetch(`${baseUrl}/accountability-list?orgUnitId=school`);
    expect(anonymous.status).toBe(401);
  });
});
