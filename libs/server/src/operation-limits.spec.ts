import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { OperationLimits } from '@campus/config';
import { CalendarDate, createFormatError } from '@campus/graphql';
import express from 'express';
import { GraphQLFormattedError } from 'graphql';
import { makeExecutableSchema } from '@graphql-tools/schema';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { answerErrorsAsJson, graphqlJsonBody } from './json-body';
import { operationLimitOptions, withInputErrorCodes } from './operation-limits';

const LIMITS: OperationLimits = { maxTokens: 1000, maxAliases: 15, maxDirectives: 20, maxDepth: 12, maxCost: 5000, maxBodyBytes: 100 * 1024 };

const typeDefs = /* GraphQL */ `
  scalar CalendarDate
  type Query { units(first: Int = 20, after: String): UnitConnection!  node: Node  dutyOn(day: CalendarDate!): String }
  type Node { id: ID!  parent: Node }
  type UnitConnection { edges: [UnitEdge!]!  totalCount: Int! }
  type UnitEdge { node: Unit! }
  type Unit { id: ID!  name: String!  children(first: Int = 20): UnitConnection! }
`;

const NO_UNITS = { edges: [], totalCount: 0 };
const resolvers = {
  CalendarDate,
  Query: { units: () => NO_UNITS, node: () => ({ id: 'n' }), dutyOn: (_: unknown, { day }: { day: string }) => `值班 ${day}` },
  Node: { parent: () => ({ id: 'p' }) },
  Unit: { children: () => NO_UNITS },
};

interface Answer {
  status: number;
  contentType: string | null;
  text: string;
  errors?: GraphQLFormattedError[];
  data?: Record<string, unknown>;
}

describe('operation limits, through Apollo Server over HTTP', () => {
  let server: http.Server;
  let apollo: ApolloServer;
  let url: string;

  beforeAll(async () => {
    const { plugins, ...options } = operationLimitOptions(LIMITS);
    apollo = new ApolloServer({
      ...options,
      schema: makeExecutableSchema({ typeDefs, resolvers }),
      plugins,
      formatError: withInputErrorCodes(createFormatError(() => undefined)),
    });
    await apollo.start();
    const app = express();
    app.use('/graphql', graphqlJsonBody(LIMITS.maxBodyBytes), expressMiddleware(apollo));
    app.use(answerErrorsAsJson);
    server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });

  afterAll(async () => {
    await apollo.stop();
    await new Promise((resolve) => server.close(resolve));
  });

  async function post(body: string): Promise<Answer> {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'apollo-require-preflight': '1' }, body });
    const text = await response.text();
    const parsed = response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : {};
    return { status: response.status, contentType: response.headers.get('content-type'), text, ...parsed };
  }

  const send = (query: string, variables?: Record<string, unknown>) => post(JSON.stringify({ query, variables }));

  function expectRefused(answer: Answer, message: string): void {
    expect(answer.status).toBe(400);
    expect(answer.data).toBeUndefined();
    expect(answer.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0].message).toContain(message);
  }

  const aliases = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: units { totalCount }`).join(' ')} }`;
  const nested = (depth: number) => `{ node { ${'parent { '.repeat(depth - 2)}id${' }'.repeat(depth - 2)} } }`;

  it('answers an operation within every limit', async () => {
    const answer = await send(aliases(15));
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.a14).toEqual({ totalCount: 0 });
  });

  it('refuses a document of more tokens than the limit while parsing', async () => {
    const answer = await send(`{ ${'__typename '.repeat(5_000)}}`);
    expectRefused(answer, '查询文档的词法单元数超过上限（1000）');
  });

  it('refuses more aliases than the limit, naming the limit and the count', async () => {
    expectRefused(await send(aliases(16)), '查询别名数超过上限（15），本次为 16');
  });

  it('refuses more directives than the limit', async () => {
    expectRefused(await send(`{ units { totalCount ${'@include(if: true) '.repeat(21)}} }`), '查询指令数超过上限（20）');
  });

  it('counts depth in fields, not fragments, and refuses a deeper operation', async () => {
    const deepest = await send(`query { ...Deep } fragment Deep on Query { ${nested(12).slice(2, -2)} }`);
    expect(deepest.errors).toBeUndefined();
    expectRefused(await send(nested(13)), '查询嵌套层数超过上限（12），本次为 13');
  });

  it('multiplies page sizes through nested connections, the default page size where none is asked', async () => {
    const twoPages = `{ units { edges { node { children { edges { node { id name } } } } } } }`;
    expect((await send(twoPages)).errors).toBeUndefined();
    const page = (first: string) => `units${first} { edges { node { children${first} { edges { node { children${first} { totalCount } } } } } } }`;
    expectRefused(await send(`{ ${page('(first: 100)')} }`), '查询复杂度超过上限（5000），本次为 1030301');
    const withVariable = await send(`query($n: Int) { units(first: $n) { edges { node { children(first: $n) { edges { node { id } } } } } } }`, { n: 100 });
    expectRefused(withVariable, '查询复杂度超过上限（5000）');
  });

  it('costs the same query anew for each set of variables (costs are remembered per document and variables)', async () => {
    const query = `query($n: Int) { units(first: $n) { edges { node { children(first: $n) { edges { node { id } } } } } } }`;
    expect((await send(query, { n: 5 })).errors).toBeUndefined();
    expectRefused(await send(query, { n: 100 }), '查询复杂度超过上限（5000）');
    expect((await send(query, { n: 5 })).errors).toBeUndefined();
    expectRefused(await send(query, { n: 100 }), '查询复杂度超过上限（5000）');
  });

  it('does not let variables of the wrong type stand for a valid request in the remembered costs', async () => {
    const query = `query($n: Int) { units(first: $n) { edges { node { children { edges { node { children { totalCount } } } } } } } }`;
    const wrongType = await send(query, { n: { many: true } });
    expect(wrongType.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expectRefused(await send(query, {}), '查询复杂度超过上限（5000）');
  });

  it('refuses fragments spread again and again (each doubling the last) by cost, without walking them all', async () => {
    const fragments = Array.from({ length: 20 }, (_, i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`).join(' ');
    const answer = await send(`query { ...F20 } fragment F0 on Query { units { totalCount } } ${fragments}`);
    expectRefused(answer, '查询复杂度超过上限（5000）');
    expect(answer.errors?.[0].message).not.toContain('本次为');
  });

  it('answers a CalendarDate its scalar refuses as BAD_USER_INPUT, as a literal or as a variable', async () => {
    expectRefused(await send('{ dutyOn(day: "2026-13-45") }'), '日期格式应为 YYYY-MM-DD');
    expectRefused(await send('query($day: CalendarDate!) { dutyOn(day: $day) }', { day: '2026-13-45' }), '日期格式应为 YYYY-MM-DD');
    expect((await send('{ dutyOn(day: "2026-12-06") }')).data).toEqual({ dutyOn: '值班 2026-12-06' });
  });

  it('answers a malformed JSON body with a JSON error and status 400, without stack or path', async () => {
    const answer = await post('{"query":');
    expect(answer.status).toBe(400);
    expect(answer.contentType).toContain('application/json');
    expect(answer.errors?.[0]).toEqual({ message: '请求体不是有效的 JSON (BAD_USER_INPUT)', extensions: { code: 'BAD_USER_INPUT', reason: 'REQUEST_INVALID' } });
    expect(answer.text).not.toMatch(/at |node_modules|\/work\/|<html/i);
  });

  it('answers a body over the limit with 413, as JSON', async () => {
    const answer = await send(`{ units { totalCount } } # ${'x'.repeat(LIMITS.maxBodyBytes)}`);
    expect(answer.status).toBe(413);
    expect(answer.errors?.[0]).toEqual({ message: '请求体过大（上限 100 KiB） (BAD_USER_INPUT)', extensions: { code: 'BAD_USER_INPUT', reason: 'REQUEST_INVALID' } });
  });
});
