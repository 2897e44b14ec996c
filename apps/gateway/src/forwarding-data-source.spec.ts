import type { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { ForwardingDataSource } from './forwarding-data-source';
import { SubgraphClient } from './subgraph-fetch';

const QUERY = 'query { hazards(first: 1) { totalCount } }';
const MUTATION = 'mutation { registerHazard(input: { title: "配电箱" }) { hazard { id } } }';

/** A subgraph stand-in that counts the requests reaching it and meets each as told. */
async function subgraph(meet: (req: http.IncomingMessage, res: http.ServerResponse) => void) {
  let received = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received++;
      meet(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    received: () => received,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

async function closedPortUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  await new Promise((resolve) => server.close(resolve));
  return url;
}

/** What the gateway's query plan gets back from one subgraph call: its data, or the error it failed with. */
async function call(url: string, query: string, timeoutMs = 5_000): Promise<{ extensions?: Record<string, unknown>; message: string }> {
  const client = new SubgraphClient(timeoutMs);
  const source = new ForwardingDataSource('hazard-tracking', url, { gatewaySecret: undefined, timeoutMs, retryAfterSeconds: 2 }, client);
  try {
    await source.process({ kind: 'health check' as GraphQLDataSourceRequestKind.HEALTH_CHECK, request: { query }, context: { authorization: null, requestId: 'r-1' } });
    return { message: 'answered' };
  } catch (error) {
    return error as { extensions?: Record<string, unknown>; message: string };
  } finally {
    await client.close();
  }
}

const UNAVAILABLE = { code: 'SERVICE_UNAVAILABLE', reason: 'SUBGRAPH_UNAVAILABLE', service: 'hazard-tracking', retryAfterSeconds: 2 };
const OUTCOME_UNKNOWN = { code: 'OUTCOME_UNKNOWN', reason: 'OUTCOME_UNKNOWN', service: 'hazard-tracking', retryAfterSeconds: 2 };

describe('a subgraph call that fails on the way', () => {
  it('is retryable, naming the service, when the subgraph is down — a mutation too, since it was never sent', async () => {
    const url = await closedPortUrl();
    const query = await call(url, QUERY);
    expect(query.extensions).toEqual(UNAVAILABLE);
    expect(query.message).toBe('隐患服务暂时不可用（可能正在重启），请稍后重试 (SERVICE_UNAVAILABLE)');
    expect((await call(url, MUTATION)).extensions).toEqual(UNAVAILABLE);
  });

  it('is retryable when the subgraph refuses the request with 503 (starting, stopping, shedding)', async () => {
    const refusing = await subgraph((_req, res) => res.writeHead(503, { 'content-type': 'text/plain' }).end('not ready'));
    try {
      expect((await call(refusing.url, MUTATION)).extensions).toEqual(UNAVAILABLE);
    } finally {
      await refusing.close();
    }
  });

  it('leaves a mutation whose connection broke after it was sent of unknown outcome, sent once; a query is retryable', async () => {
    const resetting = await subgraph((req) => req.socket.resetAndDestroy());
    try {
      const mutation = await call(resetting.url, MUTATION);
      expect(mutation.extensions).toEqual(OUTCOME_UNKNOWN);
      expect(mutation.message).toContain('clientRequestId');
      expect(resetting.received()).toBe(1);
      expect((await call(resetting.url, QUERY)).extensions).toEqual(UNAVAILABLE);
    } finally {
      await resetting.close();
    }
  });

  it('ends at the deadline on a silent subgraph: a query retryable, a mutation of unknown outcome', async () => {
    const silent = await subgraph(() => undefined);
    try {
      expect((await call(silent.url, QUERY, 200)).extensions).toEqual(UNAVAILABLE);
      expect((await call(silent.url, MUTATION, 200)).extensions).toEqual(OUTCOME_UNKNOWN);
    } finally {
      await silent.close();
    }
  });

  it("passes the subgraph's own refusal of a request on as it was", async () => {
    const refusal = { errors: [{ message: '输入有误 (BAD_USER_INPUT)', extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' } }] };
    const refusing = await subgraph((_req, res) => res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify(refusal)));
    try {
      const error = await call(refusing.url, MUTATION);
      expect(error.message).toBe('400: Bad Request');
      expect(error.extensions).toMatchObject({ response: { status: 400, body: refusal } });
    } finally {
      await refusing.close();
    }
  });
});
