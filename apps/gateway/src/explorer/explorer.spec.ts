import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { createLogger } from '@campus/logger';
import { createHttpApp, graphqlJsonBody, listen } from '@campus/server';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { explorerLandingPage, mountExplorer } from './explorer';

interface RunningApp {
  baseUrl: string;
  stop(): Promise<void>;
}

/** A gateway-shaped app: one Apollo server on /graphql with the explorer's landing page, and /explorer beside it. */
async function startApp(production: boolean): Promise<RunningApp> {
  const app = createHttpApp(createLogger('explorer-spec', 'fatal'), async () => undefined);
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer({
    typeDefs: 'type Query { "隐患台账" hazards: [String!]! }',
    resolvers: { Query: { hazards: () => [] } },
    plugins: [explorerLandingPage(production)],
  });
  await apollo.start();
  app.use('/graphql', graphqlJsonBody(100_000), expressMiddleware(apollo));
  mountExplorer(app, production);
  await listen(httpServer, 0, '127.0.0.1');
  const { port } = httpServer.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: async () => {
      await apollo.stop();
      await new Promise((resolve) => httpServer.close(resolve));
    },
  };
}

/** The URLs of the page's scripts and stylesheets. */
function assetUrlsOf(html: string): string[] {
  return [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
}

const BROWSER = { accept: 'text/html,application/xhtml+xml' };

describe('the API explorer in development', () => {
  let running: RunningApp;

  beforeAll(async () => {
    running = await startApp(false);
  });

  afterAll(async () => {
    await running?.stop();
  });

  it('serves GraphiQL at /explorer, every asset from the gateway itself', async () => {
    const response = await fetch(`${running.baseUrl}/explorer`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).not.toMatch(/https?:\/\//);
    expect(assetUrlsOf(html).map((url) => url.split('/').pop())).toEqual([
      'graphiql.min.css',
      'react.production.min.js',
      'react-dom.production.min.js',
      'graphiql.min.js',
      'explorer.js',
    ]);
    expect(html).toContain('mutation Login');
  });

  it('serves the assets with their content types, cacheable for a year', async () => {
    const html = await (await fetch(`${running.baseUrl}/explorer`)).text();
    for (const url of assetUrlsOf(html)) {
      const response = await fetch(`${running.baseUrl}${url}`);
      const body = await response.text();
      expect({ url, status: response.status }).toEqual({ url, status: 200 });
      expect(response.headers.get('content-type')).toBe(url.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(body.length).toBeGreaterThan(1000);
    }
  });

  it('sends the assets gzipped to a browser that takes gzip, and as they are otherwise', async () => {
    const html = await (await fetch(`${running.baseUrl}/explorer`)).text();
    const graphiql = assetUrlsOf(html).find((url) => url.endsWith('/graphiql.min.js'))!;
    const original = readFileSync(require.resolve('graphiql/graphiql.min.js'));
    const gzipped = await new Promise<{ encoding?: string; vary?: string; body: Buffer }>((resolve, reject) => {
      http.get(`${running.baseUrl}${graphiql}`, { headers: { 'accept-encoding': 'gzip, deflate, br' } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ encoding: response.headers['content-encoding'], vary: response.headers.vary, body: Buffer.concat(chunks) }));
      }).on('error', reject);
    });
    expect(gzipped).toMatchObject({ encoding: 'gzip', vary: 'accept-encoding' });
    expect(gzipped.body.length).toBeLessThan(original.length / 3);
    expect(gunzipSync(gzipped.body).equals(original)).toBe(true);
    const plain = await fetch(`${running.baseUrl}${graphiql}`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(Buffer.from(await plain.arrayBuffer()).equals(original)).toBe(true);
  });

  it('answers 404 for an asset under a stale hash or an unknown name', async () => {
    const html = await (await fetch(`${running.baseUrl}/explorer`)).text();
    const graphiql = assetUrlsOf(html).find((url) => url.endsWith('/graphiql.min.js'))!;
    expect((await fetch(`${running.baseUrl}${graphiql.replace(/assets\/[0-9a-f]+\//, 'assets/0000000000000000/')}`)).status).toBe(404);
    expect((await fetch(`${running.baseUrl}${graphiql.replace('graphiql.min.js', 'package.json')}`)).status).toBe(404);
  });

  it('shows the same page to a browser opening /graphql, and still answers queries there', async () => {
    const explorer = await (await fetch(`${running.baseUrl}/explorer`)).text();
    const landing = await fetch(`${running.baseUrl}/graphql`, { headers: BROWSER });
    expect(landing.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await landing.text()).toBe(explorer);
    const query = await fetch(`${running.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ hazards }"}' });
    expect(await query.json()).toEqual({ data: { hazards: [] } });
  });
});

describe('the API explorer in production', () => {
  let running: RunningApp;
  let development: RunningApp;

  beforeAll(async () => {
    [running, development] = await Promise.all([startApp(true), startApp(false)]);
  });

  afterAll(async () => {
    await Promise.all([running?.stop(), development?.stop()]);
  });

  it('is not served: /explorer and its assets are 404', async () => {
    expect((await fetch(`${running.baseUrl}/explorer`)).status).toBe(404);
    const assets = assetUrlsOf(await (await fetch(`${development.baseUrl}/explorer`)).text());
    for (const url of assets) expect({ url, status: (await fetch(`${running.baseUrl}${url}`)).status }).toEqual({ url, status: 404 });
  });

  it('gives a browser opening /graphql no landing page at all (neither the explorer nor Apollo’s)', async () => {
    const response = await fetch(`${running.baseUrl}/graphql`, { headers: BROWSER });
    const body = await response.text();
    expect(response.headers.get('content-type')).not.toMatch(/^text\/html/);
    expect(body).not.toContain('<html');
    expect(body).not.toContain('apollographql.com');
  });
});
