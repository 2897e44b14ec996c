import http from 'node:http';
import { AddressInfo } from 'node:net';
import { listen } from '@campus/server';
import { errorCode, LOST_BEFORE_ANSWER, SubgraphClient } from './subgraph-fetch';

/** A subgraph that drops the first connection of each request body it is sent (as a pooled socket closed under a request), then answers. */
async function flakySubgraph(): Promise<{ url: string; received: string[]; close: () => Promise<void> }> {
  const received: string[] = [];
  const dropped = new Set<string>();
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push(body);
      if (!dropped.has(body)) {
        dropped.add(body);
        req.socket.destroy();
        return;
      }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: { ok: true } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return { url, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * A subgraph that closes an idle keep-alive connection at the very moment the client reuses it — the race of a
 * server's keep-alive timeout ending as the gateway's pool hands the socket out: every request that arrives on
 * a connection that has already answered one is met with a reset (RST) before any answer.
 */
async function closesReusedConnections(): Promise<{ url: string; received: string[]; resets: () => number; idle: () => number; close: () => Promise<void> }> {
  const received: string[] = [];
  const answeredOn = new Set<object>();
  let resets = 0;
  const server = http.createServer((req, res) => {
    if (answeredOn.has(req.socket)) {
      resets++;
      req.socket.resetAndDestroy();
      return;
    }
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push(body);
      answeredOn.add(req.socket);
      req.socket.once('close', () => answeredOn.delete(req.socket));
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: { ok: true } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    url,
    received,
    resets: () => resets,
    /** Connections that have answered and are still open: the client's pooled, idle ones. */
    idle: () => answeredOn.size,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

describe('SubgraphClient', () => {
  const post = (query: string) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const clients: SubgraphClient[] = [];
  const fetcherWithin = (timeoutMs: number) => {
    const client = new SubgraphClient(timeoutMs);
    clients.push(client);
    return client.fetcher;
  };
  afterAll(() => Promise.all(clients.map((client) => client.close())));

  it('sends a query again when its connection was lost before any answer, and answers it', async () => {
    const subgraph = await flakySubgraph();
    try {
      const response = await fetcherWithin(5_000)(subgraph.url, post('query { hazards { id } }'));
      expect(await response.json()).toEqual({ data: { ok: true } });
      expect(subgraph.received).toHaveLength(2);
    } finally {
      await subgraph.close();
    }
  });

  it('never sends a mutation twice: the lost connection is the caller’s error', async () => {
    const subgraph = await flakySubgraph();
    try {
      await expect(fetcherWithin(5_000)(subgraph.url, post('mutation { reportHazard(input: {}) { hazard { id } } }'))).rejects.toThrow();
      expect(subgraph.received).toHaveLength(1);
    } finally {
      await subgraph.close();
    }
  });

  it('answers every query though the subgraph resets each pooled connection as it is reused, and never resends a mutation', async () => {
    const subgraph = await closesReusedConnections();
    // Lets the pool take an answered connection back before the next request, so that the next request reuses it.
    const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
    try {
      const fetcher = fetcherWithin(5_000);
      // A burst leaves several connections in the pool, which the subgraph then closes together, as after an idle spell.
      await Promise.all(Array.from({ length: 4 }, async () => (await fetcher(subgraph.url, post('{ __typename }'))).json()));
      await settle();
      expect(subgraph.idle()).toBeGreaterThan(1);
      for (let index = 0; index < 6; index++) {
        const response = await fetcher(subgraph.url, post(`query { hazard(id: "h${index}") { id } }`));
        expect(await response.json()).toEqual({ data: { ok: true } });
        await settle();
      }
      expect(subgraph.resets()).toBeGreaterThan(0);
      expect(subgraph.received).toHaveLength(4 + 6);
      // A pooled connection for the mutation to be handed: a query on a connection of the client's pool.
      while (subgraph.idle() === 0) {
        await (await fetcher(subgraph.url, post('{ __typename }'))).json();
        await settle();
      }
      const answered = subgraph.received.length;
      const mutation = post('mutation { reportHazard(input: { id: "h1" }) { hazard { id } } }');
      const lost = await fetcher(subgraph.url, mutation).catch((error: unknown) => error);
      expect(LOST_BEFORE_ANSWER.has(errorCode(lost) ?? '')).toBe(true);
      expect(subgraph.received).toHaveLength(answered);
    } finally {
      await subgraph.close();
    }
  });

  it('is told by a subgraph to keep an idle connection for less time than the subgraph keeps it open', async () => {
    const server = http.createServer((_req, res) => res.end('{}'));
    await listen(server, 0, '127.0.0.1');
    try {
      const response = await fetcherWithin(5_000)(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, post('{ __typename }'));
      await response.text();
      // undici keeps a pooled connection for the advertised timeout less 2 s; the subgraph closes it only after its own.
      const advertisedMs = Number(/timeout=(\d+)/.exec(response.headers.get('keep-alive') ?? '')?.[1]) * 1000;
      expect(advertisedMs - 2_000).toBeLessThan(server.keepAliveTimeout);
      expect(advertisedMs).toBeGreaterThan(30_000);
      expect(server.headersTimeout).toBeGreaterThan(server.keepAliveTimeout);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('gives up at the deadline on a subgraph that never answers', async () => {
    const server = http.createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
      await expect(fetcherWithin(200)(url, post('{ __typename }'))).rejects.toThrow(/abort|timeout/i);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
