import { SUBGRAPH_SERVICES } from '@campus/config';
import { ServiceProcess, startApp, stopApp, subgraphPort, waitUntilReady } from '@campus/platform';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { E2E_SECRET } from './demo-template';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

const BASE_PORT = 4780;
const PLANNED_GATEWAY_PORT = 4790;
const HAZARD_TRACKING = `http://127.0.0.1:${subgraphPort(BASE_PORT, 'hazard-tracking')}/graphql`;

/** What a client sees of an answer. */
interface Answer {
  status: number;
  contentType: string | null;
  retryAfter: string | null;
  body: string;
}

/** A proxy in front of hazard-tracking that notes the query of every request the gateway sends it. */
function recordingProxy(): { server: http.Server; queries: string[] } {
  const queries: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      queries.push((JSON.parse(body) as { query: string }).query);
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !['host', 'content-length', 'connection'].includes(name))) as Record<string, string>;
      const answer = await fetch(HAZARD_TRACKING, { method: 'POST', headers, body });
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      res.end(await answer.text());
    });
  });
  return { server, queries };
}

/** A transition's input naming no hazard: refused as NOT_FOUND by hazard-tracking. */
const MISSING_HAZARD = { input: { id: '00000000000000000000000000000000', version: 1 } };

describe('the gateway’s single-subgraph shortcut answers exactly as its query planner does (queries and mutations)', () => {
  let fixture: PlatformFixture;
  let planned: ServiceProcess;
  let token: string;
  const proxy = recordingProxy();

  beforeAll(async () => {
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    const proxyUrl = `http://127.0.0.1:${(proxy.server.address() as AddressInfo).port}/graphql`;
    fixture = await startPlatformFixture(BASE_PORT, undefined, { HAZARD_TRACKING_URL: proxyUrl });
    // The same gateway with the shortcut off, in front of the same subgraphs: every query through the planner.
    const subgraphUrls = Object.fromEntries(SUBGRAPH_SERVICES.map(({ name, urlVariable }) => [urlVariable, fixture.platform.subgraphUrl(name)]));
    planned = startApp(
      'gateway',
      PLANNED_GATEWAY_PORT,
      { NODE_ENV: 'development', GATEWAY_SECRET: fixture.platform.gatewaySecret, JWT_SECRET: E2E_SECRET, GATEWAY_SINGLE_SUBGRAPH_SHORTCUT: 'off', ...subgraphUrls },
      fixture.logDir.replace(/logs$/, 'logs-planned'),
    );
    await waitUntilReady(planned);
    token = (await fixture.as('safety.office')).token!;
  }, 120_000);

  afterAll(async () => {
    if (planned) await stopApp(planned);
    await fixture?.stop();
    proxy.server.closeAllConnections();
    await new Promise((resolve) => proxy.server.close(resolve));
  });

  async function post(port: number, body: unknown, bearer = token): Promise<Answer> {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify(body),
    });
    return { status: response.status, contentType: response.headers.get('content-type'), retryAfter: response.headers.get('retry-after'), body: await response.text() };
  }

  /** Sends the request to the gateway twice (the first teaches it the document's route) and once to the planned gateway. */
  async function throughBoth(body: { query: string; operationName?: string; variables?: Record<string, unknown> }, bearer = token) {
    await post(BASE_PORT, body, bearer);
    proxy.queries.length = 0;
    const shortcut = await post(BASE_PORT, body, bearer);
    const sentToHazardTracking = [...proxy.queries];
    const viaPlanner = await post(PLANNED_GATEWAY_PORT, body, bearer);
    return { shortcut, viaPlanner, sentToHazardTracking };
  }

  it('answers the ledger page with the planner’s very bytes, sending hazard-tracking the document as it came', async () => {
    const query = '{ hazards(first: 20) { totalCount edges { node { id code title status grade deadline } } } }';
    const { shortcut, viaPlanner, sentToHazardTracking } = await throughBoth({ query });
    expect(shortcut).toEqual(viaPlanner);
    expect(shortcut.status).toBe(200);
    expect(JSON.parse(shortcut.body).data.hazards.totalCount).toBeGreaterThan(0);
    expect(sentToHazardTracking).toEqual([query]);
  });

  it('does the same with an operation name, variables, a fragment and @include', async () => {
    const query = `query Page($first: Int!, $withDeadline: Boolean!) { hazards(first: $first) { edges { node { ...Row deadline @include(if: $withDeadline) } } } }
      fragment Row on Hazard { id title status }`;
    const { shortcut, viaPlanner, sentToHazardTracking } = await throughBoth({ query, operationName: 'Page', variables: { first: 3, withDeadline: false } });
    expect(shortcut).toEqual(viaPlanner);
    expect(JSON.parse(shortcut.body).data.hazards.edges).toHaveLength(3);
    expect(sentToHazardTracking).toEqual([query]);
  });

  it('answers the ledger with unit and responsible-person names from hazard-tracking alone, as responsibility-network names them', async () => {
    const query = '{ hazards(first: 20) { edges { node { id orgUnit { id name } responsiblePerson { id name } } } } }';
    const { shortcut, viaPlanner, sentToHazardTracking } = await throughBoth({ query });
    expect(shortcut).toEqual(viaPlanner);
    expect(sentToHazardTracking).toEqual([query]);
    const nodes: { orgUnit: { id: string; name: string }; responsiblePerson: { id: string; name: string } | null }[] = JSON.parse(shortcut.body).data.hazards.edges.map(
      (edge: { node: unknown }) => edge.node,
    );
    // Each distinct unit and person once: a page names the same few many times.
    const distinct = <T extends { id: string }>(items: T[]) => [...new Map(items.map((item) => [item.id, item])).values()];
    const people = distinct(nodes.flatMap((node) => (node.responsiblePerson ? [node.responsiblePerson] : [])));
    expect(people.length).toBeGreaterThan(0);
    for (const unit of distinct(nodes.map((node) => node.orgUnit))) {
      const owned = JSON.parse((await post(BASE_PORT, { query: 'query($id: ID!) { orgUnit(id: $id) { id name } }', variables: { id: unit.id } })).body);
      expect(owned.data.orgUnit).toEqual(unit);
    }
    for (const person of people) {
      const owned = JSON.parse((await post(BASE_PORT, { query: 'query($id: ID!) { person(id: $id) { id name } }', variables: { id: person.id } })).body);
      expect(owned.data.person).toEqual(person);
    }
  });

  it('passes a subgraph’s refusal on as the planner does: message, code, reason, path, and the rest of the data', async () => {
    const query = 'query($id: ID!) { hazard(id: $id) { title } hazards(first: 1) { totalCount } }';
    const { shortcut, viaPlanner, sentToHazardTracking } = await throughBoth({ query, variables: { id: '00000000000000000000000000000000' } });
    expect(shortcut).toEqual(viaPlanner);
    const answer = JSON.parse(shortcut.body);
    expect(answer.errors[0]).toMatchObject({ path: ['hazard'], extensions: { code: 'NOT_FOUND' } });
    expect(answer.data.hazards.totalCount).toBeGreaterThan(0);
    expect(sentToHazardTracking).toEqual([query]);
  });

  it('passes on a subgraph’s refusal of the whole request (HTTP 400: a date its scalar rejects) as the planner does, sent once', async () => {
    const query = 'query($from: CalendarDate) { hazards(first: 1, filter: { discoveredFrom: $from }) { totalCount } }';
    await post(BASE_PORT, { query, variables: { from: '2026-01-01' } });
    proxy.queries.length = 0;
    const shortcut = await post(BASE_PORT, { query, variables: { from: '2026-13-45' } });
    const sentToHazardTracking = [...proxy.queries];
    const viaPlanner = await post(PLANNED_GATEWAY_PORT, { query, variables: { from: '2026-13-45' } });
    expect(shortcut).toEqual(viaPlanner);
    expect(JSON.parse(shortcut.body).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(sentToHazardTracking).toEqual([query]);
  });

  it('sends a mutation of one subgraph as it came: its answer, and its refusal as the planner gives it', async () => {
    const mutation = 'mutation($input: StartRectificationInput!) { startRectification(input: $input) { hazard { id status } } }';
    const { shortcut, viaPlanner, sentToHazardTracking } = await throughBoth({ query: mutation, variables: MISSING_HAZARD });
    expect(shortcut).toEqual(viaPlanner);
    expect(JSON.parse(shortcut.body).errors[0].extensions.code).toBe('NOT_FOUND');
    expect(sentToHazardTracking).toEqual([mutation]);

    const markRead = 'mutation { markNotificationsRead(input: { all: true }) { marked } }';
    const marked = await throughBoth({ query: markRead });
    expect(marked.shortcut).toEqual(marked.viaPlanner);
    expect(JSON.parse(marked.shortcut.body).data.markNotificationsRead).toEqual({ marked: 0 }); // the first call marked them all
  });

  it('leaves to the planner variables the gateway refuses, a page over the cost limit, a bad token and a query across two subgraphs', async () => {
    const query = 'query($first: Int!) { hazards(first: $first) { totalCount } }';
    const badVariables = await throughBoth({ query, variables: { first: 'many' } });
    expect(badVariables.shortcut).toEqual(badVariables.viaPlanner);
    expect(badVariables.sentToHazardTracking).toEqual([]);

    // Learnt with a small page, asked with a page over the gateway's cost limit: the gateway refuses it, as planned.
    await post(BASE_PORT, { query, variables: { first: 1 } });
    const overCost = await throughBoth({ query, variables: { first: 100_000 } });
    expect(overCost.shortcut).toEqual(overCost.viaPlanner);
    expect(overCost.shortcut.status).toBe(400);
    expect(JSON.parse(overCost.shortcut.body).errors[0].message).toMatch(/查询复杂度超过上限/);
    expect(overCost.sentToHazardTracking).toEqual([]);

    const badToken = await throughBoth({ query, variables: { first: 1 } }, 'not-a-token');
    expect(badToken.shortcut).toEqual(badToken.viaPlanner);
    expect(JSON.parse(badToken.shortcut.body).errors[0].extensions.code).toBe('UNAUTHENTICATED');

    // A unit's code is responsibility-network's alone (its name hazard-tracking provides).
    const joined = await throughBoth({ query: '{ hazards(first: 5) { edges { node { id title orgUnit { name code } } } } }' });
    expect(joined.shortcut).toEqual(joined.viaPlanner);
    expect(joined.sentToHazardTracking).toHaveLength(1);
    expect(joined.sentToHazardTracking[0]).toMatch(/__typename/); // the planner's own fetch, not the client's document
  });

  it('reports hazard-tracking down as the planner does: 503, Retry-After, SERVICE_UNAVAILABLE', async () => {
    const query = '{ hazards(first: 1) { totalCount } }';
    await post(BASE_PORT, { query }); // learnt while it is up
    await fixture.platform.stopService('hazard-tracking');
    proxy.server.closeAllConnections();
    await new Promise((resolve) => proxy.server.close(resolve));
    const shortcut = await post(BASE_PORT, { query });
    const viaPlanner = await post(PLANNED_GATEWAY_PORT, { query });
    expect(shortcut).toEqual(viaPlanner);
    expect(shortcut.status).toBe(503);
    // A mutation that never reached it was not applied: retryable too, the same on both.
    const mutation = 'mutation($input: StartRectificationInput!) { startRectification(input: $input) { hazard { id } } }';
    expect(await post(BASE_PORT, { query: mutation, variables: MISSING_HAZARD })).toEqual(await post(PLANNED_GATEWAY_PORT, { query: mutation, variables: MISSING_HAZARD }));
    expect(shortcut.retryAfter).toBe('1');
    expect(JSON.parse(shortcut.body).errors[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', service: 'hazard-tracking' });
  });
});
