import { createLogger } from '@campus/logger';
import { createHttpApp, listen } from '@campus/server';
import http from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { API_REFERENCE_PATH, mountApiReference } from './api-reference';

async function gatewayServing(production: boolean): Promise<{ get: () => Promise<Response>; close: () => Promise<void> }> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'api-reference-')), 'api-reference.html');
  writeFileSync(file, '<!doctype html><title>校园安全管理平台 API 参考</title>');
  const app = createHttpApp(createLogger('api-reference-spec', 'fatal'), async () => undefined);
  mountApiReference(app, production, file);
  const server = http.createServer(app);
  await listen(server, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${API_REFERENCE_PATH}`;
  return { get: () => fetch(url), close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('the API reference at /docs', () => {
  it('is served as HTML in development', async () => {
    const gateway = await gatewayServing(false);
    try {
      const response = await gateway.get();
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(await response.text()).toContain('API 参考');
    } finally {
      await gateway.close();
    }
  });

  it('is not served in production', async () => {
    const gateway = await gatewayServing(true);
    try {
      expect((await gateway.get()).status).toBe(404);
    } finally {
      await gateway.close();
    }
  });
});
