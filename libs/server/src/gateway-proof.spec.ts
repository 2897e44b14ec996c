import { createLogger } from '@campus/logger';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { GATEWAY_PROOF_HEADER, gatewayProofHeaders, requireGatewayProof } from './gateway-proof';
import { createHttpApp } from './http';

const SECRET = 's'.repeat(64);

/** A service's HTTP app as startSubgraphServer mounts it: health endpoints, then the proof, then the routes. */
async function serve(secret: string | undefined): Promise<{ url: string; close: () => Promise<void> }> {
  const app = createHttpApp(createLogger('proof-spec', 'fatal'), async () => undefined);
  app.use(requireGatewayProof(secret));
  app.get('/files/:id', (req, res) => {
    res.json({ id: req.params.id });
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('requireGatewayProof', () => {
  let service: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    service = await serve(SECRET);
  });

  afterAll(async () => {
    await service.close();
  });

  it('refuses a request without the proof with 403 JSON', async () => {
    const response = await fetch(`${service.url}/files/1`);
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toEqual({ code: 'FORBIDDEN', reason: 'GATEWAY_ONLY', message: '本服务只接受经网关转发的请求 (FORBIDDEN)' });
  });

  it('refuses a wrong proof, of the same length or not', async () => {
    for (const wrong of ['t'.repeat(64), SECRET.slice(1), `${SECRET}s`, '']) {
      const response = await fetch(`${service.url}/files/1`, { headers: { [GATEWAY_PROOF_HEADER]: wrong } });
      expect({ wrong, status: response.status }).toEqual({ wrong, status: 403 });
    }
  });

  it('lets the request with the proof through', async () => {
    const response = await fetch(`${service.url}/files/1`, { headers: gatewayProofHeaders(SECRET) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: '1' });
  });

  it('leaves /healthz and /readyz open', async () => {
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${service.url}/readyz`)).status).toBe(200);
  });

  it('checks nothing when no secret is configured (development), and adds no header', async () => {
    const open = await serve(undefined);
    try {
      expect((await fetch(`${open.url}/files/2`)).status).toBe(200);
    } finally {
      await open.close();
    }
    expect(gatewayProofHeaders(undefined)).toEqual({});
    expect(gatewayProofHeaders(SECRET)).toEqual({ [GATEWAY_PROOF_HEADER]: SECRET });
  });
});
