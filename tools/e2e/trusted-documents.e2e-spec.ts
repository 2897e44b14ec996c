import { SUBGRAPH_SERVICES } from '@campus/config';
import { ROOT, ServiceProcess, startApp, stopApp, waitUntilReady } from '@campus/platform';
import { documentId } from '@campus/server';
import { buildSchema } from 'graphql';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mergeInto, trustedOperation } from '../trusted-documents/register';
import { E2E_SECRET } from './demo-template';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

const LOGIN = 'mutation Login($input: LoginInput!) { login(input: $input) { token } }';
const LEDGER = 'query LedgerPage($first: Int!) { hazards(first: $first) { totalCount edges { node { code title status } } } }';
const TRUSTED_GATEWAY_PORT = 4597;

async function post(url: string, body: unknown, token?: string | null): Promise<{ status: number; body: any }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/**
 * Issue 16, part 4: a production gateway that executes only registered operations (trusted documents), beside
 * the development gateway's automatic persisted queries; both in front of the same running subgraphs.
 */
describe('trusted documents and persisted queries', () => {
  let fixture: PlatformFixture;
  let trustedGateway: ServiceProcess;
  const trustedUrl = `http://127.0.0.1:${TRUSTED_GATEWAY_PORT}/graphql`;

  beforeAll(async () => {
    fixture = await startPlatformFixture(4590);
    const schema = buildSchema(readFileSync(path.join(ROOT, 'apps/gateway/api-schema.graphql'), 'utf8'));
    const empty = { format: 'apollo-persisted-query-manifest' as const, version: 1 as const, operations: [] };
    const { manifest } = mergeInto(empty, [trustedOperation(LOGIN, schema, 'login'), trustedOperation(LEDGER, schema, 'ledger')]);
    const dir = path.join(fixture.logDir, '..');
    mkdirSync(dir, { recursive: true });
    const manifestFile = path.join(dir, 'trusted-documents.json');
    writeFileSync(manifestFile, JSON.stringify(manifest));
    trustedGateway = startApp(
      'gateway',
      TRUSTED_GATEWAY_PORT,
      {
        NODE_ENV: 'production',
        CORS_ORIGINS: 'https://safety.example.edu',
        JWT_SECRET: E2E_SECRET,
        GATEWAY_SECRET: fixture.platform.gatewaySecret,
        GATEWAY_TRUSTED_DOCUMENTS: manifestFile,
        ...Object.fromEntries(SUBGRAPH_SERVICES.map((service) => [service.urlVariable, fixture.platform.subgraphUrl(service.name)])),
      },
      path.join(fixture.logDir, 'trusted'),
    );
    await waitUntilReady(trustedGateway);
  });

  afterAll(async () => {
    if (trustedGateway) await stopApp(trustedGateway);
    await fixture?.stop();
  });

  it('in development, registers an operation sent with its hash and answers it by the hash alone after that', async () => {
    const token = (await fixture.as('safety.office')).token;
    const extensions = { persistedQuery: { version: 1, sha256Hash: documentId(LEDGER) } };
    const unknown = await post(fixture.platform.gatewayUrl, { extensions, variables: { first: 5 } }, token);
    expect(unknown.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registering = await post(fixture.platform.gatewayUrl, { query: LEDGER, extensions, variables: { first: 5 } }, token);
    expect(registering.body.data.hazards.totalCount).toBeGreaterThan(0);
    const byHash = await post(fixture.platform.gatewayUrl, { extensions, variables: { first: 5 } }, token);
    expect(byHash.body.data).toEqual(registering.body.data);
  });

  it('in production with a manifest, executes the registered operations by id or by their exact text', async () => {
    const login = await post(trustedUrl, { documentId: `sha256:${documentId(LOGIN)}`, variables: { input: { username: 'safety.office', password: 'Campus@2026' } } });
    expect(login.status).toBe(200);
    const token = login.body.data.login.token as string;
    const byId = await post(trustedUrl, { documentId: `sha256:${documentId(LEDGER)}`, variables: { first: 5 } }, token);
    expect(byId.body.data.hazards.totalCount).toBeGreaterThan(0);
    expect(byId.body.data.hazards.edges.length).toBeGreaterThan(0);
    const byText = await post(trustedUrl, { query: LEDGER, variables: { first: 5 } }, token);
    expect(byText.body.data).toEqual(byId.body.data);
  });

  it('in production with a manifest, refuses anything else before running it', async () => {
    const token = (await fixture.as('safety.office')).token;
    for (const query of ['{ hazards(first: 100) { totalCount edges { node { description } } } }', '{ __schema { types { name } } }']) {
      const refused = await post(trustedUrl, { query }, token);
      expect(refused.status).toBe(403);
      expect(refused.body.errors[0].extensions).toEqual({ code: 'FORBIDDEN', reason: 'OPERATION_NOT_REGISTERED' });
    }
    const unknownId = await post(trustedUrl, { documentId: `sha256:${'0'.repeat(64)}` }, token);
    expect(unknownId.body.errors[0].extensions.reason).toBe('OPERATION_NOT_REGISTERED');
  });
});
