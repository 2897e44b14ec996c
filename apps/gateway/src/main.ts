import 'reflect-metadata';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { createTokenVerifier, InvalidTokenError } from '@campus/auth';
import { allowedOrigins, ConfigError, isProduction, operationLimitsOf, overloadLimitsOf } from '@campus/config';
import { tokenRefusedError } from '@campus/graphql';
import { createLogger, Logger } from '@campus/logger';
import {
  answerErrorsAsJson,
  bearerToken,
  createHttpApp,
  graphqlJsonBody,
  listen,
  operationCostCheck,
  operationLimitOptions,
  readTrustedDocuments,
  schemaExposure,
  stopOnSignals,
  trustedDocumentsOnly,
  withInputErrorCodes,
} from '@campus/server';
import cors from 'cors';
import express from 'express';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { Admission } from './admission';
import { GatewayConfig, loadGatewayConfig, subgraphUrls } from './config';
import { mountExports } from './exports';
import { mountApiReference } from './api-reference';
import { explorerLandingPage, mountExplorer } from './explorer/explorer';
import { ForwardingDataSource, GatewayContext } from './forwarding-data-source';
import { maskError } from './mask-errors';
import { mountNoticeAcks } from './notice-acks';
import { retryAfterPlugin } from './retry-after';
import { answerSingleSubgraphRequests, failedCallOf } from './single-subgraph/answers';
import { SingleSubgraphRoutes } from './single-subgraph/routes';
import { SubgraphClient } from './subgraph-fetch';
import { mountStreamedExports } from './streamed-exports';
import { mountEducationDocuments, mountSupervisionPhotos, mountUploads } from './uploads';

async function main(config: GatewayConfig): Promise<void> {
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const urls = subgraphUrls(config);
  const overload = overloadLimitsOf(config);
  const subgraphs = new SubgraphClient(config.SUBGRAPH_TIMEOUT_MS);
  const calls = { gatewaySecret: config.GATEWAY_SECRET, timeoutMs: config.SUBGRAPH_TIMEOUT_MS, retryAfterSeconds: overload.retryAfterSeconds };
  const supergraphSdl = readFileSync(config.SUPERGRAPH_PATH, 'utf8');
  let shortcut: SingleSubgraphRoutes | null = null;
  const gateway = new ApolloGateway({
    supergraphSdl,
    experimental_didResolveQueryPlan: (resolved) => shortcut?.learn(resolved),
    buildService: ({ name, url }) => new ForwardingDataSource(name, urls[name] ?? url, calls, subgraphs),
    logger: { debug: () => undefined, info: (m) => logger.info(m), warn: (m) => logger.warn(m), error: (m) => logger.error(m) },
  });
  // The gateway's own supergraph, as its query planner holds it (`__testing` is typed public in @apollo/gateway).
  if (config.GATEWAY_SINGLE_SUBGRAPH_SHORTCUT === 'on') shortcut = new SingleSubgraphRoutes(() => gateway.__testing().queryPlanner?.supergraph, urls);
  const verifyToken = createTokenVerifier({ jwtSecret: config.JWT_SECRET, jwksUrl: config.JWKS_URL });
  let ready = false;
  const app = createHttpApp(logger, async () => {
    if (!ready) throw new Error('gateway not started');
  });
  const origins = allowedOrigins(config);
  // Past these, GraphQL requests are shed with 503 and Retry-After rather than queued, before Express sees them.
  const graphqlAdmission = new Admission(overload);
  const mutationAdmission = new Admission({ ...overload, maxInFlight: overload.maxMutationsInFlight });
  const httpServer = http.createServer(graphqlAdmission.frontDoor(app, '/graphql', origins, mutationAdmission));
  logShedding(graphqlAdmission, logger, 'queries');
  logShedding(mutationAdmission, logger, 'mutations');
  const limits = operationLimitsOf(config);
  const production = isProduction(config);
  const { plugins: limitPlugins, ...limitOptions } = operationLimitOptions(limits);
  const formatError = withInputErrorCodes((formatted) => maskError(formatted, (original) => logger.error({ error: original }, 'masked error')));
  const apollo = new ApolloServer<GatewayContext>({
    ...limitOptions,
    // @apollo/gateway 2 implements gateway-interface 1; Apollo Server 5 accepts it at runtime.
    gateway: gateway as never,
    ...schemaExposure(production),
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false,
    formatError,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), retryAfterPlugin(), explorerLandingPage(production), ...limitPlugins],
  });
  await apollo.start();
  const contextFor = async (req: express.Request): Promise<GatewayContext> => {
    const token = bearerToken(req.header('authorization'));
    if (token) await verifyAtGateway(token, verifyToken);
    return { authorization: token ? `Bearer ${token}` : null, requestId: req.requestId, clientAddress: req.socket.remoteAddress, failedCall: failedCallOf(req) };
  };
  const corsOptions = { origin: origins, exposedHeaders: ['x-request-id', 'content-disposition', 'retry-after'] };
  // File transfers are admitted apart: a few long downloads must not hold the GraphQL slots.
  const transferAdmission = new Admission({ ...overload, maxInFlight: overload.maxFileTransfers, overloadedMaxInFlight: overload.maxFileTransfers });
  const transfers = { admit: transferAdmission.middleware('http'), idleTimeoutMs: config.SUBGRAPH_TIMEOUT_MS, retryAfterSeconds: overload.retryAfterSeconds };
  // With a manifest, only its operations reach Apollo (trusted documents); read at start, so a bad one stops the gateway.
  const trusted = config.GATEWAY_TRUSTED_DOCUMENTS ? [trustedDocumentsOnly(readTrustedDocuments(config.GATEWAY_TRUSTED_DOCUMENTS))] : [];
  const shortcutAnswers = shortcut ? [answerSingleSubgraphRequests({ routes: shortcut, client: subgraphs, contextFor, gatewaySecret: config.GATEWAY_SECRET, formatError, costRefusal: operationCostCheck(limits.maxCost) })] : [];
  app.use('/graphql', cors(corsOptions), graphqlJsonBody(limits.maxBodyBytes), ...trusted, ...shortcutAnswers, expressMiddleware(apollo, { context: ({ req }) => contextFor(req) }));
  app.use('/exports', cors(corsOptions));
  const gatewaySecret = config.GATEWAY_SECRET;
  mountStreamedExports(app, { supervisionAppraisalUrl: config.SUPERVISION_APPRAISAL_URL, verifyToken, gatewaySecret, limits: transfers });
  mountExports(app, apollo, contextFor, [graphqlAdmission.middleware('http')]);
  app.use(['/uploads', '/evidence', '/education-documents', '/supervision-photos', '/periodic-report-attachments'], cors({ ...corsOptions, exposedHeaders: [...corsOptions.exposedHeaders, 'etag', 'x-checksum-sha256'] }));
  mountUploads(app, { hazardTrackingUrl: config.HAZARD_TRACKING_URL, verifyToken, gatewaySecret, limits: transfers });
  mountEducationDocuments(app, { educationDrillsUrl: config.EDUCATION_DRILLS_URL, verifyToken, gatewaySecret, limits: transfers });
  mountSupervisionPhotos(app, { supervisionAppraisalUrl: config.SUPERVISION_APPRAISAL_URL, verifyToken, gatewaySecret, limits: transfers });
  mountNoticeAcks(app, { educationDrillsUrl: config.EDUCATION_DRILLS_URL, gatewaySecret });
  mountExplorer(app, production);
  mountApiReference(app, production);
  app.use(answerErrorsAsJson);
  await listen(httpServer, config.PORT, config.HOST);
  ready = true;
  logger.info({ url: `http://localhost:${config.PORT}/graphql`, subgraphs: urls }, 'gateway ready');
  stopOnSignals(() => apollo.stop(), logger);
}

/** Shed requests never reach the request log: how many were, every 10 s while it goes on. */
function logShedding(admission: Admission, logger: Logger, of: string): void {
  let logged = 0;
  setInterval(() => {
    if (admission.shed > logged) logger.warn({ of, shed: admission.shed - logged, ...admission.busy }, 'requests shed (overloaded)');
    logged = admission.shed;
  }, 10_000).unref();
}

async function verifyAtGateway(token: string, verify: (token: string) => Promise<unknown>): Promise<void> {
  try {
    await verify(token);
  } catch (error) {
    if (!(error instanceof InvalidTokenError)) throw error;
    throw tokenRefusedError();
  }
}

try {
  void main(loadGatewayConfig());
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
