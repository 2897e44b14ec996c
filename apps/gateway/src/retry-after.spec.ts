import { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { retryAfterPlugin } from './retry-after';

const unavailable = (retryAfterSeconds: number) =>
  new GraphQLError('隐患服务暂时不可用 (SERVICE_UNAVAILABLE)', { extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'SUBGRAPH_UNAVAILABLE', retryAfterSeconds } });

describe('retryAfterPlugin', () => {
  const server = new ApolloServer({
    typeDefs: 'type Query { hazards: String, plans: String, appraisals: String, broken: String }',
    resolvers: {
      Query: {
        hazards: () => 'ok',
        plans: () => Promise.reject(unavailable(2)),
        appraisals: () => Promise.reject(unavailable(5)),
        broken: () => Promise.reject(new GraphQLError('boom', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })),
      },
    },
    plugins: [retryAfterPlugin()],
  });

  beforeAll(() => server.start());
  afterAll(() => server.stop());

  it('answers 503 with the longest Retry-After asked when nothing answered only because services were unavailable', async () => {
    const response = await server.executeOperation({ query: '{ plans appraisals }' });
    expect(response.http.status).toBe(503);
    expect(response.http.headers.get('retry-after')).toBe('5');
  });

  it('leaves a partial answer, and a failure that is not retryable, as they were', async () => {
    const partial = await server.executeOperation({ query: '{ hazards plans }' });
    expect(partial.http.status).toBeUndefined();
    expect(partial.http.headers.get('retry-after')).toBeUndefined();
    const mixed = await server.executeOperation({ query: '{ plans broken }' });
    expect(mixed.http.status).toBeUndefined();
  });
});
