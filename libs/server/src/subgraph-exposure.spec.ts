import { buildSubgraphSchema } from '@apollo/subgraph';
import { createTokenVerifier } from '@campus/auth';
import { createLogger } from '@campus/logger';
import { parse } from 'graphql';
import { createServer } from 'node:net';
import { gatewayProofHeaders } from './gateway-proof';
import { RunningServer, startSubgraphServer } from './subgraph';

const SECRET = 'g'.repeat(64);
const SCHEMA = buildSubgraphSchema([
  {
  typeDefs: parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
    type Query { hazards: [Hazard!]! }
    type Hazard @key(fields: "id") { id: ID! title: String! }
  `),
  resolvers: { Query: { hazards: () => [] } },
  },
]);

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function start(production: boolean): Promise<{ server: RunningServer; url: string }> {
  const port = await freePort();
  const server = await startSubgraphServer({
    name: 'exposure-spec',
    port,
    production,
    gatewaySecret: SECRET,
    schema: SCHEMA,
    verifyToken: createTokenVerifier({ jwtSecret: 'j'.repeat(40) }),
    logger: createLogger('exposure-spec', 'fatal'),
    readiness: async () => undefined,
  });
  return { server, url: `http://127.0.0.1:${port}/graphql` };
}

async function ask(url: string, query: string, headers: Record<string, string> = gatewayProofHeaders(SECRET)) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: { message: string }[]; reason?: string } };
}

/** One subgraph server in-process, as every service starts it, in each mode. */
describe.each([
  { mode: 'production', production: true },
  { mode: 'development', production: false },
])('a subgraph server in $mode mode', ({ production }) => {
  let running: { server: RunningServer; url: string };

  beforeAll(async () => {
    running = await start(production);
  });

  afterAll(async () => {
    await running?.server.stop();
  });

  it(production ? 'refuses introspection' : 'answers introspection', async () => {
    const answer = await ask(running.url, '{ __schema { queryType { name } } }');
    if (production) {
      expect(answer.body.data ?? null).toBeNull();
      expect(answer.body.errors?.[0].message).toMatch(/introspection/i);
    } else {
      expect(answer.body.data.__schema.queryType.name).toBe('Query');
    }
  });

  it(production ? 'suggests no field name' : 'suggests field names', async () => {
    const answer = await ask(running.url, '{ hazardz { id } }');
    expect(answer.body.errors?.[0].message).toContain('Cannot query field "hazardz"');
    if (production) expect(answer.body.errors?.[0].message).not.toContain('Did you mean');
    else expect(answer.body.errors?.[0].message).toContain('Did you mean "hazards"?');
  });

  it('answers _service only with the gateway proof', async () => {
    const refused = await ask(running.url, '{ _service { sdl } }', {});
    expect({ status: refused.status, reason: refused.body.reason }).toEqual({ status: 403, reason: 'GATEWAY_ONLY' });
    const answered = await ask(running.url, '{ _service { sdl } }');
    expect(answered.body.data._service.sdl).toContain('type Hazard');
  });

  it("shows a browser no landing page, not Apollo's from its CDN (the gateway's explorer is the page)", async () => {
    const response = await fetch(running.url, { headers: { accept: 'text/html', ...gatewayProofHeaders(SECRET) } });
    const body = await response.text();
    expect(response.headers.get('content-type')).not.toMatch(/^text\/html/);
    expect(body).not.toContain('apollographql.com');
  });
});
