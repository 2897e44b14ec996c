import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner } from '@apollo/query-planner';
import { getOperationAST, parse } from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SingleSubgraphRoutes } from './routes';

const supergraphSdl = readFileSync(path.join(__dirname, '../../supergraph.graphql'), 'utf8');
const urls = { 'hazard-tracking': 'http://hazards/graphql', 'responsibility-network': 'http://people/graphql', 'education-drills': 'http://education/graphql', 'supervision-appraisal': 'http://supervision/graphql' };

let planning: { apiSchema: ReturnType<Supergraph['apiSchema']>; planner: QueryPlanner } | undefined;

/** The gateway's API schema and query planner for the committed supergraph, built once. */
function gatewayPlanning() {
  if (!planning) {
    const supergraph = Supergraph.build(supergraphSdl);
    planning = { apiSchema: supergraph.apiSchema(), planner: new QueryPlanner(supergraph) };
  }
  return planning;
}

/** Plans the document as the gateway does and lets the routes learn from the plan, as the gateway's callback does. */
function routeAfterPlanning(routes: SingleSubgraphRoutes, source: string, operationName?: string) {
  const { apiSchema, planner } = gatewayPlanning();
  const document = parse(source);
  const queryPlan = planner.buildQueryPlan(operationFromDocument(apiSchema, document, { operationName }));
  const operation = getOperationAST(document, operationName)!;
  const learn = routes.learn as (options: unknown) => void;
  learn({ queryPlan, requestContext: { source, document, request: { operationName } }, operationContext: { schema: apiSchema.toGraphQLJSSchema(), operation, fragments: {} } });
  return serviceOf(routes, source, operationName);
}

/** Where the routes send the request: a subgraph's name and URL, or null for the gateway's own path. */
function serviceOf(routes: SingleSubgraphRoutes, source: string, operationName?: string) {
  const route = routes.routeOf(source, operationName);
  return route && { service: route.service, url: route.url };
}

describe('SingleSubgraphRoutes (which queries one subgraph answers alone)', () => {
  let routes: SingleSubgraphRoutes;
  beforeEach(() => {
    routes = new SingleSubgraphRoutes(() => gatewayPlanning().planner.supergraph, urls);
  });

  it('routes the ledger page, with variables, fragments and @include, to hazard-tracking', () => {
    const ledger = `query Ledger($first: Int!, $withDeadline: Boolean!) {
      hazards(first: $first) { totalCount edges { node { ...Row deadline @include(if: $withDeadline) } } }
    }
    fragment Row on Hazard { id code title status grade }`;
    expect(routeAfterPlanning(routes, ledger, 'Ledger')).toMatchObject({ service: 'hazard-tracking', url: 'http://hazards/graphql' });
    // Another operation name of the same text is another request.
    expect(serviceOf(routes, ledger)).toBeNull();
  });

  it('routes a person’s own responsibilities to responsibility-network', () => {
    expect(routeAfterPlanning(routes, '{ me { id openResponsibilities { posts { id title } lettersToSign { id status } } } }')).toMatchObject({ service: 'responsibility-network' });
  });

  it('keeps on the gateway a query that joins two subgraphs, and routes one whose other subgraph’s fields are provided', () => {
    expect(routeAfterPlanning(routes, '{ hazards(first: 20) { edges { node { id orgUnit { code } discoveredBy { name } } } } }')).toBeNull();
    const provided = '{ hazards(first: 20) { edges { node { id orgUnit { name } responsiblePerson { name } } } } }';
    expect(routeAfterPlanning(routes, provided)).toMatchObject({ service: 'hazard-tracking' });
  });

  it('routes a mutation of one subgraph there, and keeps on the gateway one across two', () => {
    expect(routeAfterPlanning(routes, 'mutation($input: StartRectificationInput!) { startRectification(input: $input) { hazard { id } } }')).toMatchObject({ service: 'hazard-tracking' });
    const acrossTwo = 'mutation($input: StartRectificationInput!) { startRectification(input: $input) { hazard { id orgUnit { code } } } }';
    expect(routeAfterPlanning(routes, acrossTwo)).toBeNull();
  });

  it('keeps on the gateway introspection, @defer and the root __typename', () => {
    expect(routeAfterPlanning(routes, '{ __schema { queryType { name } } hazards(first: 1) { totalCount } }')).toBeNull();
    expect(routeAfterPlanning(routes, '{ hazards(first: 1) { totalCount ... @defer { edges { node { id } } } } }')).toBeNull();
    expect(routeAfterPlanning(routes, '{ __typename }')).toBeNull();
  });

  it('keeps on the gateway a document whose other operation the subgraph does not know', () => {
    const twoOperations = 'query Ledger { hazards(first: 1) { totalCount } } query Plans { emergencyPlans(first: 1) { totalCount } }';
    expect(routeAfterPlanning(routes, twoOperations, 'Ledger')).toBeNull();
  });

  it('remembers at most its capacity of documents, forgetting the oldest', () => {
    const small = new SingleSubgraphRoutes(() => gatewayPlanning().planner.supergraph, urls, 2);
    const queries = [1, 2, 3].map((first) => `{ hazards(first: ${first}) { totalCount } }`);
    for (const query of queries) routeAfterPlanning(small, query);
    expect(serviceOf(small, queries[0])).toBeNull();
    expect(serviceOf(small, queries[2])).toMatchObject({ service: 'hazard-tracking' });
  });
});
