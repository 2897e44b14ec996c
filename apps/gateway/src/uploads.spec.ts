import { createTokenVerifier, Role, signToken } from '@campus/auth';
import { createLogger } from '@campus/logger';
import { createHttpApp, listen } from '@campus/server';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { mountEducationDocuments, mountUploads, TransferLimits } from './uploads';

const SECRET = 'gateway-uploads-secret-0123456789abcdef';

interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A stand-in for hazard-tracking: records what reaches it and answers as told. */
class FakeHazardTracking {
  received: Received[] = [];
  answer: (req: http.IncomingMessage, res: http.ServerResponse, body: Buffer) => void = (_req, res) => res.end();
  /** Answers as soon as the request starts, before reading its body (then drains it). */
  early: ((res: http.ServerResponse) => void) | null = null;
  readonly server = http.createServer((req, res) => {
    if (this.early) {
      this.early(res);
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      this.received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      this.answer(req, res, body);
    });
  });
}

async function listening(server: http.Server): Promise<string> {
  await listen(server, 0, '127.0.0.1');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('gateway evidence uploads and downloads', () => {
  const upstream = new FakeHazardTracking();
  let gateway: http.Server;
  let gatewayUrl: string;
  let token: string;

  beforeAll(async () => {
    const upstreamUrl = await listening(upstream.server);
    const app = createHttpApp(createLogger('test', 'silent'), async () => undefined);
    // A prefix in the subgraph URL is kept: …/hazard/graphql → …/hazard/evidence.
    mountUploads(app, { hazardTrackingUrl: `${upstreamUrl}/hazard/graphql`, verifyToken: createTokenVerifier({ jwtSecret: SECRET }) });
    mountEducationDocuments(app, { educationDrillsUrl: `${upstreamUrl}/education/graphql`, verifyToken: createTokenVerifier({ jwtSecret: SECRET }) });
    gateway = http.createServer(app);
    gatewayUrl = await listening(gateway);
    token = await signToken({ accountId: 'a1', personId: 'p1', grants: [{ role: Role.UNIT_SAFETY_OFFICER, unitId: 'u1', path: '/u1/' }] }, SECRET, 600);
  });

  beforeEach(() => {
    upstream.received = [];
    upstream.early = null;
  });

  afterAll(async () => {
    for (const server of [gateway, upstream.server]) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('refuses uploads and downloads without a valid token before reaching hazard-tracking', async () => {
    const anonymous = await fetch(`${gatewayUrl}/uploads/hazard-evidence`, { method: 'POST', body: randomBytes(1000) });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ code: 'UNAUTHENTICATED', reason: 'SIGN_IN_REQUIRED', message: '请先登录 (UNAUTHENTICATED)' });
    const forged = await fetch(`${gatewayUrl}/evidence/e1`, { headers: { authorization: 'Bearer forged.token.here' } });
    expect(forged.status).toBe(401);
    expect(((await forged.json()) as any).message).toContain('登录已失效');
    expect(upstream.received).toEqual([]);
  });

  it('streams an upload to hazard-tracking with the token and request id, and passes its answer back', async () => {
    upstream.answer = (_req, res) => {
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 'e1', sha256: 'abc' }));
    };
    const form = new FormData();
    form.append('hazardId', 'h1');
    form.append('kind', 'BEFORE_PHOTO');
    const photo = randomBytes(300_000);
    form.append('file', new Blob([photo], { type: 'image/jpeg' }), '现场.jpg');
    const response = await fetch(`${gatewayUrl}/uploads/hazard-evidence`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${token}`, 'x-request-id': 'req-42' },
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ id: 'e1', sha256: 'abc' });
    expect(response.headers.get('x-request-id')).toBe('req-42');
    const [received] = upstream.received;
    expect(received).toMatchObject({ method: 'POST', url: '/hazard/evidence' });
    expect(received.headers).toMatchObject({ authorization: `Bearer ${token}`, 'x-request-id': 'req-42' });
    expect(received.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(received.body.includes(photo)).toBe(true);
    expect(received.body.includes(Buffer.from('filename="现场.jpg"'))).toBe(true);
  });

  it("forwards education-drills' document upload and download paths the same way, each to its subgraph", async () => {
    upstream.answer = (_req, res) => {
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 'd1' }));
    };
    const form = new FormData();
    form.append('ownerKind', 'DRILL');
    form.append('file', new Blob([randomBytes(1000)], { type: 'image/jpeg' }), 'photo.jpg');
    const headers = { authorization: `Bearer ${token}` };
    const uploaded = await fetch(`${gatewayUrl}/uploads/education-document`, { method: 'POST', body: form, headers });
    expect(uploaded.status).toBe(201);
    expect(await uploaded.json()).toEqual({ id: 'd1' });
    upstream.answer = (_req, res) => res.writeHead(200, { 'content-type': 'image/jpeg', etag: '"abc"' }).end('bytes');
    const downloaded = await fetch(`${gatewayUrl}/education-documents/d%201`, { headers });
    expect(downloaded.headers.get('etag')).toBe('"abc"');
    expect(await downloaded.text()).toBe('bytes');
    expect(upstream.received.map(({ method, url }) => ({ method, url }))).toEqual([
      { method: 'POST', url: '/education/documents' },
      { method: 'GET', url: '/education/documents/d%201' },
    ]);
  });

  it("passes back hazard-tracking's early refusal of a large upload", async () => {
    upstream.early = (res) => {
      res.writeHead(413, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 'PAYLOAD_TOO_LARGE', message: '文件超过大小上限 20 MiB (PAYLOAD_TOO_LARGE)' }));
    };
    const response = await fetch(`${gatewayUrl}/uploads/hazard-evidence`, {
      method: 'POST',
      body: randomBytes(8 * 1024 * 1024),
      headers: { authorization: `Bearer ${token}`, 'content-type': 'multipart/form-data; boundary=x' },
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('streams a download back with its headers, and passes conditional requests through', async () => {
    const content = randomBytes(50_000);
    upstream.answer = (req, res) => {
      if (req.headers['if-none-match'] === '"abc"') {
        res.writeHead(304, { etag: '"abc"' });
        res.end();
        return;
      }
      res.writeHead(200, {
        'content-type': 'image/png',
        'content-length': String(content.length),
        'content-disposition': "attachment; filename=\"_.png\"; filename*=UTF-8''%E7%85%A7.png",
        etag: '"abc"',
        'x-checksum-sha256': 'abc',
        'x-internal': 'not for callers',
      });
      res.end(content);
    };
    const response = await fetch(`${gatewayUrl}/evidence/e%201`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(content)).toBe(true);
    expect(upstream.received[0]).toMatchObject({ method: 'GET', url: '/hazard/evidence/e%201' });
    expect(response.headers.get('content-length')).toBe(String(content.length));
    expect(response.headers.get('content-disposition')).toContain("filename*=UTF-8''%E7%85%A7.png");
    expect(response.headers.get('x-checksum-sha256')).toBe('abc');
    expect(response.headers.get('x-internal')).toBeNull();
    const cached = await fetch(`${gatewayUrl}/evidence/e1`, { headers: { authorization: `Bearer ${token}`, 'if-none-match': '"abc"' } });
    expect(cached.status).toBe(304);
  });

  /** A gateway of its own forwarding to `hazardTrackingUrl`, with the given transfer limits. */
  async function proxyTo(hazardTrackingUrl: string, limits?: TransferLimits) {
    const app = createHttpApp(createLogger('test', 'silent'), async () => undefined);
    mountUploads(app, { hazardTrackingUrl, verifyToken: createTokenVerifier({ jwtSecret: SECRET }), limits });
    const server = http.createServer(app);
    const url = await listening(server);
    return {
      url,
      close: async () => {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      },
    };
  }

  it('answers 503 with Retry-After when hazard-tracking cannot be reached: nothing was sent, the caller may retry', async () => {
    const closed = http.createServer();
    const deadUrl = await listening(closed);
    await new Promise((resolve) => closed.close(resolve));
    const orphan = await proxyTo(`${deadUrl}/graphql`, { retryAfterSeconds: 2 });
    try {
      const response = await fetch(`${orphan.url}/evidence/e1`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('2');
      expect(await response.json()).toEqual({
        code: 'SERVICE_UNAVAILABLE',
        reason: 'SUBGRAPH_UNAVAILABLE',
        message: '隐患服务暂时不可用（可能正在重启），请稍后重试 (SERVICE_UNAVAILABLE)',
      });
    } finally {
      await orphan.close();
    }
  });

  // The cause of the download test's time-out on a loaded machine: the proxy waited on hazard-tracking for as long as
  // it took, with no deadline of its own; a subgraph that takes the connection and says nothing held the caller for ever.
  it('ends a transfer the subgraph leaves silent past the deadline: a download may be retried, an upload is of unknown outcome', async () => {
    const silent = new FakeHazardTracking();
    silent.answer = () => undefined;
    const silentUrl = await listening(silent.server);
    const proxy = await proxyTo(`${silentUrl}/graphql`, { idleTimeoutMs: 200 });
    try {
      const download = await fetch(`${proxy.url}/evidence/e1`, { headers: { authorization: `Bearer ${token}`, 'if-none-match': '"abc"' } });
      expect(download.status).toBe(503);
      expect(((await download.json()) as any).reason).toBe('SUBGRAPH_UNAVAILABLE');
      const upload = await fetch(`${proxy.url}/uploads/hazard-evidence`, { method: 'POST', body: randomBytes(1000), headers: { authorization: `Bearer ${token}` } });
      expect(upload.status).toBe(502);
      expect(await upload.json()).toMatchObject({ code: 'OUTCOME_UNKNOWN', reason: 'OUTCOME_UNKNOWN' });
      expect(silent.received).toHaveLength(2);
    } finally {
      await proxy.close();
      silent.server.closeAllConnections();
      await new Promise((resolve) => silent.server.close(resolve));
    }
  });

  it('cuts a download short, rather than hang, when the subgraph stalls in the middle of it', async () => {
    const stalling = new FakeHazardTracking();
    stalling.answer = (_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': '100000' });
      res.write(randomBytes(1000));
    };
    const stallingUrl = await listening(stalling.server);
    const proxy = await proxyTo(`${stallingUrl}/graphql`, { idleTimeoutMs: 200 });
    try {
      const download = await fetch(`${proxy.url}/evidence/e1`, { headers: { authorization: `Bearer ${token}` } });
      expect(download.status).toBe(200);
      await expect(download.arrayBuffer()).rejects.toThrow();
    } finally {
      await proxy.close();
      stalling.server.closeAllConnections();
      await new Promise((resolve) => stalling.server.close(resolve));
    }
  });

  it('passes a 304 that states the full content-length (as RFC 9110 allows) without waiting for a body', async () => {
    upstream.answer = (_req, res) => res.writeHead(304, { etag: '"abc"', 'content-length': '50000' }).end();
    const cached = await fetch(`${gatewayUrl}/evidence/e1`, { headers: { authorization: `Bearer ${token}`, 'if-none-match': '"abc"' } });
    expect(cached.status).toBe(304);
    expect(cached.headers.get('etag')).toBe('"abc"');
    expect(await cached.text()).toBe('');
  });
});
