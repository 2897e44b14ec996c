import { FormatError, operationCostCheck } from '@campus/server';
import { getVariableValues, GraphQLError, GraphQLFormattedError } from 'graphql';
import express, { NextFunction, Request, Response } from 'express';
import { forwardedHeaders, GatewayContext } from '../forwarding-data-source';
import { retryAfterOf } from '../retry-after';
import { SubgraphAnswer, SubgraphClient } from '../subgraph-fetch';
import { SingleSubgraphRoute, SingleSubgraphRoutes } from './routes';

export interface SingleSubgraphAnswers {
  routes: SingleSubgraphRoutes;
  client: SubgraphClient;
  /** The gateway's context for the request; throws where the gateway refuses it (a bad token). */
  contextFor: (req: Request) => Promise<GatewayContext>;
  gatewaySecret: string | undefined;
  /** The gateway's formatError: the subgraph's errors reach the client as they would through the gateway. */
  formatError: FormatError;
  /** The gateway's cost limit: its refusal of the operation with these variables, or null. */
  costRefusal: ReturnType<typeof operationCostCheck>;
}

interface GraphQLBody {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

const failedCalls = new WeakMap<Request, NonNullable<GatewayContext['failedCall']>>();

/** The call the shortcut made for this request and that failed, if it did, for the gateway's context. */
export function failedCallOf(req: Request): GatewayContext['failedCall'] {
  return failedCalls.get(req);
}

/**
 * Answers a query or mutation whose document one subgraph answers alone (routes.ts) by sending it to that subgraph
 * as it came and passing the answer back: the same answer as the gateway's, without planning, executing and
 * reshaping it again. Everything the gateway checks still applies — this runs after admission, the body limit and trusted
 * documents; the document was planned and validated (depth, aliases, directives) by the gateway when first seen;
 * the token, the variables and the cost limit with these variables are checked here — and the subgraph
 * authorises the viewer as always.
 * Whatever is not plainly such a request (a batch, persisted-query extensions, a GET, a document not seen yet,
 * variables the gateway would refuse) goes on to the gateway's path; so does a call that failed or was refused, which
 * that path reports as it reports any (a mutation lost after sending as of unknown outcome), without sending it again.
 */
export function answerSingleSubgraphRequests(answers: SingleSubgraphAnswers): express.RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    answer(answers, req, res).then((answered) => (answered ? undefined : next()), next);
  };
}

async function answer(answers: SingleSubgraphAnswers, req: Request, res: Response): Promise<boolean> {
  const body = req.body as GraphQLBody | undefined;
  const route = body && routeOf(answers, req.method, body);
  if (!body || !route) return false;
  const context = await answers.contextFor(req).catch(() => null);
  if (!context) return false;
  const headers = { ...forwardedHeaders(context, answers.gatewaySecret), 'content-type': 'application/json', ...(req.headers.accept ? { accept: req.headers.accept } : {}) };
  let reply: SubgraphAnswer;
  try {
    const request = JSON.stringify({ query: body.query, operationName: body.operationName, variables: body.variables });
    reply = await answers.client.call(route.url, headers, request, route.operation.operation === 'query');
  } catch (error) {
    // Lost on the way: the gateway's path reports it as it reports any lost call, without sending it again.
    failedCalls.set(req, { service: route.service, error: error as Error });
    return false;
  }
  // Refused by the subgraph (a revoked token, over its limits, shedding): the gateway's path reports it, without sending it again.
  if (reply.status !== 200) {
    failedCalls.set(req, { service: route.service, answer: reply });
    return false;
  }
  res.status(200).setHeader('content-type', reply.headers.get('content-type') ?? 'application/json; charset=utf-8');
  passBack(answers.formatError, route.service, await reply.text(), res);
  return true;
}

/** The route of a plain request the gateway has planned before, whose variables and cost the gateway accepts; else null. */
function routeOf(answers: SingleSubgraphAnswers, method: string, body: GraphQLBody): SingleSubgraphRoute | null {
  if (method !== 'POST' || typeof body.query !== 'string' || body.extensions !== undefined) return null;
  if (body.operationName !== undefined && body.operationName !== null && typeof body.operationName !== 'string') return null;
  const route = answers.routes.routeOf(body.query, body.operationName ?? undefined);
  if (!route || !variablesFit(route, body.variables)) return null;
  // Over the cost limit with these variables (a larger page than when the route was learnt): the gateway refuses it.
  return answers.costRefusal(route.apiSchema, route.document, body.variables as Record<string, unknown> | undefined, body.operationName) ? null : route;
}

/** The subgraph's answer as the gateway would give it: as it came when it holds no error, else with the errors formatted. */
function passBack(formatError: FormatError, service: string, text: string, res: Response): void {
  // Apollo Server writes errors first: an answer that starts with its data has none.
  if (text.startsWith('{"data":')) {
    res.send(text);
    return;
  }
  const answered = JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: GraphQLFormattedError[] };
  const errors = (answered.errors ?? []).map((error) => formatError(...asGatewayError(error, service)));
  const retryAfter = retryAfterOf(answered.data, errors);
  if (retryAfter !== null) res.status(503).setHeader('retry-after', String(retryAfter));
  res.send(`${JSON.stringify({ errors, data: answered.data })}\n`);
}

/** The variables fit the operation in the gateway's schema, as the gateway checks them before planning. */
function variablesFit(route: SingleSubgraphRoute, variables: unknown): boolean {
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) return false;
  const checked = getVariableValues(route.apiSchema, route.operation.variableDefinitions ?? [], (variables ?? {}) as Record<string, unknown>);
  return checked.errors === undefined;
}

/**
 * A subgraph's error as @apollo/gateway passes it on (executeQueryPlan's downstreamServiceError): its message,
 * path and extensions, the service named, DOWNSTREAM_SERVICE_ERROR when it had no code; then formatted as Apollo
 * Server formats any error, for the gateway's formatError.
 */
function asGatewayError(error: GraphQLFormattedError, service: string): [GraphQLFormattedError, GraphQLError] {
  const message = error.message || `Error while fetching subquery from service "${service}"`;
  const code = error.extensions?.code ?? 'DOWNSTREAM_SERVICE_ERROR';
  const gatewayError = new GraphQLError(message, { path: error.path, extensions: { ...error.extensions, code, serviceName: service } });
  return [gatewayError.toJSON(), gatewayError];
}
