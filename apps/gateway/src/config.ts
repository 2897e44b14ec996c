import {
  allowedOrigins,
  authVariables,
  checkAuthConfig,
  checkExposureConfig,
  corsOriginsVar,
  exposureVariables,
  enumVar,
  GATEWAY_SERVICE,
  intVar,
  loadConfig,
  localGraphqlUrl,
  optionalStringVar,
  operationLimitVariables,
  overloadLimitVariables,
  stringVar,
  SUBGRAPH_SERVICES,
  urlVar,
  VariableSpec,
} from '@campus/config';
import path from 'node:path';

/** One URL variable per subgraph of the registry, e.g. HAZARD_TRACKING_URL. */
const subgraphUrlVariables = Object.fromEntries(
  SUBGRAPH_SERVICES.map(({ name, port, urlVariable }) => [
    urlVariable,
    urlVar(`GraphQL URL of the ${name} subgraph`, ['http', 'https'], localGraphqlUrl(port)),
  ]),
) as Record<(typeof SUBGRAPH_SERVICES)[number]['urlVariable'], VariableSpec<string>>;

const variables = {
  PORT: intVar('HTTP port of the gateway', GATEWAY_SERVICE.port, { min: 1, max: 65535 }),
  HOST: stringVar('interface to listen on', '0.0.0.0'),
  SUPERGRAPH_PATH: stringVar('composed supergraph SDL', path.resolve(process.cwd(), 'apps/gateway/supergraph.graphql')),
  ...subgraphUrlVariables,
  ...operationLimitVariables(),
  ...overloadLimitVariables(),
  CORS_ORIGINS: corsOriginsVar,
  ...authVariables(),
  ...exposureVariables(),
  GATEWAY_TRUSTED_DOCUMENTS: optionalStringVar(
    'persisted query manifest (npm run trusted-documents:register): when set, only its operations are executed (trusted documents, for production)',
  ),
  GATEWAY_SINGLE_SUBGRAPH_SHORTCUT: enumVar(
    'send a query or mutation the gateway’s plan answers from one subgraph straight to it, without planning and reshaping it again (off: every request through the query planner)',
    ['on', 'off'] as const,
    'on',
  ),
  SUBGRAPH_TIMEOUT_MS: intVar('longest wait for a subgraph’s answer before the request fails', 30_000, { min: 100, max: 600_000 }),
  LOG_LEVEL: enumVar('log threshold', ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const, 'info'),
};

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env) {
  const config = loadConfig(variables, env);
  checkAuthConfig(config);
  checkExposureConfig(config);
  allowedOrigins(config);
  return config;
}

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;

/** Subgraph names as composed into the supergraph, with where to reach each. */
export function subgraphUrls(config: GatewayConfig): Record<string, string> {
  return Object.fromEntries(SUBGRAPH_SERVICES.map(({ name, urlVariable }) => [name, config[urlVariable]]));
}
