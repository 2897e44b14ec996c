import { SUBGRAPHS } from '@campus/platform';
import { GATEWAY_PROOF_HEADER, gatewayProofHeaders } from '@campus/server';
import { GraphQLClient } from '@campus/testing';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

const ALLOWED_ORIGIN = 'https://safety.example.edu';
const PRODUCTION = { NODE_ENV: 'production' };

interface RawAnswer {
  status: number;
  headers: Headers;
  body: Record<string, any>;
}

async function post(url: string, query: string, headers: Record<string, string> = {}, variables: Record<string, unknown> = {}): Promise<RawAnswer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, any> };
}

/** The path beside a subgraph's /graphql, e.g. …:4742/graphql → …:4742/evidence/x. */
function besideGraphql(graphqlUrl: string, path: string): string {
  return new URL(path, graphqlUrl).href;
}

const SERVICE_SDL = '{ _service { sdl } }';
const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on OrgUnit { id } } }';
const INTROSPECTION = '{ __schema { queryType { name } } }';
const MISSPELT_FIELD = '{ orgUnitz { totalCount } }';

/**
 * Issue 13, parts 4 and 5, on the whole platform started as production starts it (NODE_ENV=production, a
 * GATEWAY_SECRET, an explicit CORS origin): subgraphs answer only the gateway, nothing tells a client about
 * the schema, and a browser on another origin gets no CORS grant.
 */
describe('security: exposure of the platform in production mode', () => {
  let fixture: PlatformFixture;
  let safetyOffice: GraphQLClient;
  let proof: Record<string, string>;

  beforeAll(async () => {
    fixture = await startPlatformFixture(
      4740,
      Object.fromEntries(SUBGRAPHS.map((name) => [name, PRODUCTION])),
      { ...PRODUCTION, CORS_ORIGINS: ALLOWED_ORIGIN },
    );
    safetyOffice = await fixture.as('safety.office');
    proof = gatewayProofHeaders(fixture.platform.gatewaySecret);
  });

  afterAll(async () => {
    await fixture?.stop();
  });

  it('refuses a subgraph called directly without the gateway proof: _service, _entities and a plain route, on every subgraph', async () => {
    for (const name of SUBGRAPHS) {
      const url = fixture.platform.subgraphUrl(name);
      const sdl = await post(url, SERVICE_SDL);
      expect({ name, status: sdl.status, reason: sdl.body.reason }).toEqual({ name, status: 403, reason: 'GATEWAY_ONLY' });
      expect(JSON.stringify(sdl.body)).not.toContain('type ');
      const entities = await post(url, ENTITIES, { authorization: `Bearer ${safetyOffice.token}` }, { r: [{ __typename: 'OrgUnit', id: fixture.unitIds.XDZY }] });
      expect({ name, status: entities.status, reason: entities.body.reason }).toEqual({ name, status: 403, reason: 'GATEWAY_ONLY' });
      const wrongProof = await post(url, SERVICE_SDL, { [GATEWAY_PROOF_HEADER]: 'x'.repeat(64) });
      expect({ name, status: wrongProof.status }).toEqual({ name, status: 403 });
      // Health checks stay open for orchestrators.
      expect((await fetch(besideGraphql(url, '/healthz'))).status).toBe(200);
    }
    const evidence = await fetch(besideGraphql(fixture.platform.subgraphUrl('hazard-tracking'), '/evidence/some-id'), {
      headers: { authorization: `Bearer ${safetyOffice.token}` },
    });
    expect(evidence.status).toBe(403);
    expect(((await evidence.json()) as { reason: string }).reason).toBe('GATEWAY_ONLY');
    const acknowledgement = await fetch(besideGraphql(fixture.platform.subgraphUrl('education-drills'), '/notices/ack/not-a-token'));
    expect(acknowledgement.status).toBe(403);
  });

  it('answers a caller that carries the proof (the gateway, or another service of the platform)', async () => {
    const url = fixture.platform.subgraphUrl('hazard-tracking');
    const sdl = await post(url, SERVICE_SDL, proof);
    expect(sdl.status).toBe(200);
    expect(sdl.body.data._service.sdl).toContain('type Hazard');
    const entities = await post(url, ENTITIES, { ...proof, authorization: `Bearer ${safetyOffice.token}` }, { r: [{ __typename: 'OrgUnit', id: fixture.unitIds.XDZY }] });
    expect(entities.body.data._entities).toEqual([{ id: fixture.unitIds.XDZY }]);
    // A plain route reaches the subgraph's own checks: an unknown evidence id is NOT_FOUND, not GATEWAY_ONLY.
    const evidence = await fetch(besideGraphql(url, '/evidence/00000000-0000-0000-0000-000000000000'), {
      headers: { ...proof, authorization: `Bearer ${safetyOffice.token}` },
    });
    expect(((await evidence.json()) as { reason: string }).reason).toBe('NOT_FOUND');
  });

  it('works end to end through the gateway: GraphQL across the subgraphs, a forwarded download and a guardian link', async () => {
    const school = await safetyOffice.data(
      'query($id: ID!) { orgUnit(id: $id) { name hazards(first: 1) { totalCount } emergencyPlans { totalCount } appraisalSchemes { totalCount } } }',
      { id: fixture.unitIds.XDZY },
    );
    // Each subgraph answered its field (a refused one would leave null and an error, which data() throws on).
    expect(school.orgUnit).toEqual({
      name: '现代职业学院',
      hazards: { totalCount: expect.any(Number) },
      emergencyPlans: { totalCount: expect.any(Number) },
      appraisalSchemes: { totalCount: expect.any(Number) },
    });

    // Plain routes the gateway forwards carry the proof: hazard-tracking's own answer comes back (no such evidence).
    const gatewayBase = fixture.platform.gatewayUrl;
    const evidence = await fetch(besideGraphql(gatewayBase, '/evidence/00000000-0000-0000-0000-000000000000'), {
      headers: { authorization: `Bearer ${safetyOffice.token}` },
    });
    expect({ status: evidence.status, reason: ((await evidence.json()) as { reason: string }).reason }).toEqual({ status: 404, reason: 'NOT_FOUND' });

    const acknowledgement = await fetch(besideGraphql(gatewayBase, '/notices/ack/not-a-token'));
    expect(acknowledgement.status).toBe(404);
  });

  it('answers no introspection and no "Did you mean" suggestion, at the gateway or at a subgraph', async () => {
    const targets = [
      { name: 'gateway', url: fixture.platform.gatewayUrl, headers: {} },
      { name: 'responsibility-network', url: fixture.platform.subgraphUrl('responsibility-network'), headers: proof },
    ];
    for (const target of targets) {
      const headers = { ...target.headers, authorization: `Bearer ${safetyOffice.token}` };
      const introspection = await post(target.url, INTROSPECTION, headers);
      expect({ target: target.name, data: introspection.body.data ?? null }).toEqual({ target: target.name, data: null });
      expect(introspection.body.errors[0].message).toMatch(/introspection/i);
      const misspelt = await post(target.url, MISSPELT_FIELD, headers);
      expect(misspelt.body.errors[0].message).toContain('orgUnitz');
      expect({ target: target.name, message: misspelt.body.errors[0].message }).toEqual({
        target: target.name,
        message: expect.not.stringMatching(/Did you mean/),
      });
    }
  });

  it('grants CORS to the configured origin only, never echoing another', async () => {
    const preflight = (origin: string) =>
      fetch(fixture.platform.gatewayUrl, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
      });
    const allowed = await preflight(ALLOWED_ORIGIN);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    const refused = await preflight('https://attacker.example');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();

    const response = await fetch(fixture.platform.gatewayUrl, {
      method: 'POST',
      headers: { origin: 'https://attacker.example', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});
