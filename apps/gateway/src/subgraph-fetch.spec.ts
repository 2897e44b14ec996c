import http from 'node:http';
import { AddressInfo } from 'node:net';
import { subgraphFetch } from './subgraph-fetch';

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

describe('subgraphFetch', () => {
  const post = (query: string) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });

  it('sends a query again when its connection was lost before any answer, and answers it', async () => {
    const subgraph = await flakySubgraph();
    try {
      const response = await subgraphFetch(5_000)(subgraph.url, post('query { hazards { id } }'));
      expect(await response.json()).toEqual({ data: { ok: true } });
      expect(subgraph.received).toHaveLength(2);
    } finally {
      await subgraph.close();
    }
  });

  it('never sends a mutation twice: the lost connection is the caller’s error', async () => {
    const subgraph = await flakySubgraph();
    try {
      await expect(subgraphFetch(5_000)(subgraph.url, post('mutation { reportHazard(input: {}) { hazard { id } } }'))).rejects.toThrow();
      expect(subgraph.received).toHaveLength(1);
    } finally {
      await subgraph.close();
    }
  });

  it('gives up at the deadline on a subgraph that never answers', async () => {
    const server = http.createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
      await expect(subgraphFetch(200)(url, post('{ __typename }'))).rejects.toThrow(/abort|timeout/i);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
