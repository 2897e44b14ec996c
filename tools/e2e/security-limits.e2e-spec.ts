import { SUBGRAPHS } from '@campus/platform';
import { gatewayProofHeaders } from '@campus/server';
import { GraphQLClient, GraphQLResponse } from '@campus/testing';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

/** The probe: 50,000 `__typename` selections, about 537 KiB, no token. */
const FIFTY_THOUSAND_FIELDS = `{ ${'__typename '.repeat(50_000)}}`;
const STACK_OR_PATH = /\bat \S+ \(|node_modules|\/dist\/|\/src\/|<html|<pre/i;

const aliases = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: hazards(first: 100) { totalCount }`).join(' ')} }`;

/** hazards → their unit's people → each person's unit's hazards, each page of 100. */
const THREE_NESTED_PAGES = `{ hazards(first: 100) { edges { node { orgUnit { people(first: 100) { edges { node {
  orgUnit { hazards(first: 100) { edges { node { id } } } } } } } } } } } }`;

/** An org unit, its parent, its parent's parent… 30 fields deep. */
const DEPTH_30 = `{ orgUnit(id: "x") { ${'parent { '.repeat(28)}id${' }'.repeat(28)} } }`;

const LEDGER = (day: string) => `{ educationLedgerWorkbook(orgUnitId: "x", from: "${day}", to: "2026-12-31") { filename } }`;
const LEDGER_WITH_VARIABLES = 'query($from: CalendarDate!) { educationLedgerWorkbook(orgUnitId: "x", from: $from, to: "2026-12-31") { filename } }';

/** Operation limits, error answers and a flood of huge documents, through real HTTP at the gateway and the subgraphs. */
describe('operation limits and error answers', () => {
  let fixture: PlatformFixture;
  let gateway: GraphQLClient;
  let subgraph: (name: (typeof SUBGRAPHS)[number]) => GraphQLClient;

  beforeAll(async () => {
    fixture = await startPlatformFixture(4700);
    gateway = fixture.gateway;
    const proof = gatewayProofHeaders(fixture.platform.gatewaySecret);
    subgraph = (name) => new GraphQLClient(fixture.platform.subgraphUrl(name), null, proof);
  });

  afterAll(async () => {
    await fixture?.stop();
  });

  function expectRefused(response: GraphQLResponse, message: RegExp): void {
    expect(response.data ?? undefined).toBeUndefined();
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(response.errors?.[0].message).toMatch(message);
  }

  it('refuses the 50,000-field document by its token count, at the gateway and at a subgraph called directly', async () => {
    expectRefused(await gateway.request(FIFTY_THOUSAND_FIELDS), /查询文档的词法单元数超过上限（1000）/);
    expectRefused(await subgraph('hazard-tracking').request(FIFTY_THOUSAND_FIELDS), /查询文档的词法单元数超过上限（1000）/);
  });

  it('keeps /healthz answering while 20 such documents are in flight', async () => {
    // Each document differs (a comment), so no cache of validated documents can answer for it.
    const flood = Array.from({ length: 20 }, (_, i) => gateway.request(`${FIFTY_THOUSAND_FIELDS} # ${i}`));
    const healthz = () => fetch(fixture.platform.gatewayUrl.replace(/\/graphql$/, '/healthz'));
    const asSoonAsSent = healthz();
    await Promise.race(flood); // one answered: the others are being handled or queued
    expect((await healthz()).status).toBe(200);
    expect((await asSoonAsSent).status).toBe(200);
    for (const response of await Promise.all(flood)) expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses 1,000 aliases, and 16 by the alias limit itself', async () => {
    expectRefused(await gateway.request(aliases(1000)), /上限/);
    expectRefused(await gateway.request(aliases(16)), /查询别名数超过上限（15），本次为 16/);
    expectRefused(await subgraph('hazard-tracking').request(aliases(16)), /查询别名数超过上限（15）/);
  });

  it('refuses three nested connections of 100 by their cost, at the gateway', async () => {
    expectRefused(await gateway.request(THREE_NESTED_PAGES), /查询复杂度超过上限（5000），本次为 \d+/);
  });

  it('refuses depth 30 at a subgraph called directly', async () => {
    expectRefused(await subgraph('responsibility-network').request(DEPTH_30), /查询嵌套层数超过上限（12），本次为 30/);
  });

  it('answers a malformed JSON body with a JSON error, status 400, no stack, on all five processes', async () => {
    const urls = [fixture.platform.gatewayUrl, ...SUBGRAPHS.map((name) => fixture.platform.subgraphUrl(name))];
    const headers = { 'content-type': 'application/json', ...gatewayProofHeaders(fixture.platform.gatewaySecret) };
    for (const url of urls) {
      const response = await fetch(url, { method: 'POST', headers, body: '{"query":' });
      const text = await response.text();
      expect({ url, status: response.status, type: response.headers.get('content-type') }).toMatchObject({ url, status: 400, type: expect.stringContaining('application/json') });
      expect(text).not.toMatch(STACK_OR_PATH);
      expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('answers a GraphQL body over the limit (1 MiB) with 413 as JSON, at the gateway', async () => {
    const body = JSON.stringify({ query: `{ __typename } # ${'x'.repeat(1024 * 1024)}` });
    const response = await fetch(fixture.platform.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ errors: [{ message: '请求体过大（上限 1024 KiB） (BAD_USER_INPUT)', extensions: { code: 'BAD_USER_INPUT', reason: 'REQUEST_INVALID' } }] });
  });

  it('answers a CalendarDate of "2026-13-45" with BAD_USER_INPUT, inline or as a variable, at a subgraph and through the gateway', async () => {
    for (const client of [gateway, subgraph('education-drills')]) {
      expectRefused(await client.request(LEDGER('2026-13-45')), /日期格式应为 YYYY-MM-DD/);
      expectRefused(await client.request(LEDGER_WITH_VARIABLES, { from: '2026-13-45' }), /日期格式应为 YYYY-MM-DD/);
    }
  });
});
