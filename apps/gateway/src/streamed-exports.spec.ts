import { createTokenVerifier, Role, signToken } from '@campus/auth';
import { createLogger } from '@campus/logger';
import { createHttpApp, listen } from '@campus/server';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { mountStreamedExports } from './streamed-exports';

const SECRET = 'gateway-streamed-exports-secret-0123456789';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function listening(server: http.Server): Promise<string> {
  await listen(server, 0, '127.0.0.1');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A stand-in for supervision-appraisal: records what reaches it and streams a "workbook" back in chunks. */
describe('gateway streamed exports', () => {
  const received: { url: string; authorization?: string }[] = [];
  const upstream = http.createServer((req, res) => {
    received.push({ url: req.url ?? '', authorization: req.headers.authorization });
    if (req.url?.includes('schemeId=elsewhere')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 'NOT_FOUND', reason: 'NOT_FOUND', message: '考核方案不存在或不在您的管辖范围内：elsewhere (NOT_FOUND)' }));
      return;
    }
    res.writeHead(200, { 'content-type': XLSX, 'content-disposition': "attachment; filename=\"_.xlsx\"; filename*=UTF-8''%E8%80%83%E6%A0%B8.xlsx" });
    res.write('PK-part-1;');
    setTimeout(() => res.end('part-2'), 20);
  });
  let gateway: http.Server;
  let gatewayUrl: string;
  let token: string;

  beforeAll(async () => {
    const upstreamUrl = await listening(upstream);
    const app = createHttpApp(createLogger('test', 'silent'), async () => undefined);
    mountStreamedExports(app, { supervisionAppraisalUrl: `${upstreamUrl}/appraisal/graphql`, verifyToken: createTokenVerifier({ jwtSecret: SECRET }) });
    gateway = http.createServer(app);
    gatewayUrl = await listening(gateway);
    token = await signToken({ accountId: 'a1', personId: 'p1', grants: [{ role: Role.BUREAU_ADMIN, unitId: 'u1', path: '/u1/' }] }, SECRET, 600);
  });

  beforeEach(() => {
    received.length = 0;
  });

  afterAll(async () => {
    for (const server of [gateway, upstream]) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('forwards the appraisal results download with its query string and the token, and streams the workbook back', async () => {
    const response = await fetch(`${gatewayUrl}/exports/appraisal-results?schemeId=s%201&stage=YEAR_END`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(XLSX);
    expect(response.headers.get('content-disposition')).toContain("filename*=UTF-8''%E8%80%83%E6%A0%B8.xlsx");
    expect(await response.text()).toBe('PK-part-1;part-2');
    expect(received).toEqual([{ url: '/appraisal/appraisal-results?schemeId=s%201&stage=YEAR_END', authorization: `Bearer ${token}` }]);
  });

  it("passes the subgraph's refusal back, and refuses a caller without a token before reaching it", async () => {
    const refused = await fetch(`${gatewayUrl}/exports/appraisal-results?schemeId=elsewhere`, { headers: { authorization: `Bearer ${token}` } });
    expect(refused.status).toBe(404);
    expect(await refused.json()).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    received.length = 0;
    const anonymous = await fetch(`${gatewayUrl}/exports/appraisal-results?schemeId=s1`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SIGN_IN_REQUIRED' });
    expect(received).toEqual([]);
  });

  it('forwards the accountability list the same way', async () => {
    const response = await fetch(`${gatewayUrl}/exports/accountability-list?orgUnitId=u1&status=CONFIRMED`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    expect(received.map((request) => request.url)).toEqual(['/appraisal/accountability-list?orgUnitId=u1&status=CONFIRMED']);
  });
});
