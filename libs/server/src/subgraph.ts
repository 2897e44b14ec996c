import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { InvalidTokenError, TokenVerifier } from '@campus/auth';
import { loadOperationLimits, OperationLimits } from '@campus/config';
import { createFormatError, LoaderRegistry, RequestContext, tokenRefusedError } from '@campus/graphql';
import type { Logger } from '@campus/logger';
import express from 'express';
import { GraphQLSchema } from 'graphql';
import http from 'node:http';
import { clientAddressOf } from './client-address';
import { requireGatewayProof } from './gateway-proof';
import { bearerToken, createHttpApp, listen, ReadinessParts, traceRequest } from './http';
import { answerErrorsAsJson, graphqlJsonBody } from './json-body';
import { operationLimitOptions, withInputErrorCodes } from './operation-limits';
import { schemaExposure } from './production-mode';

export interface SubgraphOptions {
  name: string;
  port: number;
  host?: string;
  /** NODE_ENV=production: no introspection, no field suggestions. */
  production?: boolean;
  /** When set, every route but /healthz and /readyz requires it (see requireGatewayProof). */
  gatewaySecret?: string;
  schema: GraphQLSchema;
  verifyToken: TokenVerifier;
  logger: Logger;
  /** Throws when a dependency (database, broker) is unreachable. */
  readiness: () => Promise<ReadinessParts | void>;
  /** Mounts the service's own plain HTTP routes (e.g. file uploads) beside /graphql. */
  httpRoutes?: (app: express.Express) => void;
  /** Operation limits and body size; by default from the GRAPHQL_MAX_* variables. */
  limits?: OperationLimits;
}

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/** Serves a subgraph schema on /graphql with auth, error formatting, health endpoints and draining. */
export async function startSubgraphServer(options: SubgraphOptions): Promise<RunningServer> {
  const { logger } = options;
  const app = createHttpApp(logger, options.readiness);
  app.use(requireGatewayProof(options.gatewaySecret));
  options.httpRoutes?.(app);
  const httpServer = http.createServer(app);
  const limits = options.limits ?? loadOperationLimits();
  const { plugins: limitPlugins, ...limitOptions } = operationLimitOptions(limits);
  const apollo = new ApolloServer<RequestContext>({
    ...limitOptions,
    schema: options.schema,
    ...schemaExposure(options.production ?? false),
    includeStacktraceInErrorResponses: false,
    // Signals are handled by stopOnSignals, which also closes the database.
    stopOnTerminationSignals: false,
    formatError: withInputErrorCodes(createFormatError((error) => logger.error({ err: error }, 'unexpected error in resolver'))),
    // No cache hints are used; the cache-control plugin would wrap every field's resolver to collect them.
    // No landing page: Apollo's loads from its CDN, and only the gateway is asked (its explorer is the browser page).
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      ...limitPlugins,
    ],
  });
  await apollo.start();
  app.use(
    '/graphql',
    graphqlJsonBody(limits.maxBodyBytes),
    traceRequest,
    expressMiddleware(apollo, {
      context: async ({ req }) => ({
        viewer: await viewerOf(bearerToken(req.header('authorization')), options.verifyToken),
        token: bearerToken(req.header('authorization')),
        requestId: req.requestId,
        logger: req.log,
        loaders: new LoaderRegistry(),
        clientAddress: clientAddressOf(req, options.gatewaySecret),
      }),
    }),
  );
  app.use(answerErrorsAsJson);
  const host = options.host ?? '127.0.0.1';
  await listen(httpServer, options.port, host);
  const url = `http://localhost:${options.port}/graphql`;
  logger.info({ url }, `${options.name} ready`);
  return { url, stop: () => apollo.stop() };
}

async function viewerOf(token: string | null, verify: TokenVerifier) {
  if (!token) return null;
  try {
    return await verify(token);
  } catch (error) {
    if (!(error instanceof InvalidTokenError)) throw error;
    throw tokenRefusedError();
  }
}
