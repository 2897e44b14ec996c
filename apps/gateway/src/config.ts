import { authVariables, checkAuthConfig, enumVar, intVar, loadConfig, stringVar, urlVar } from '@campus/config';
import path from 'node:path';

const subgraphUrl = (name: string, port: number) =>
  urlVar(`GraphQL URL of the ${name} subgraph`, ['http', 'https'], `http://127.0.0.1:${port}/graphql`);

const variables = {
  PORT: intVar('HTTP port of the gateway', 4000, { min: 1, max: 65535 }),
  HOST: stringVar('interface to listen on', '0.0.0.0'),
  SUPERGRAPH_PATH: stringVar('composed supergraph SDL', path.resolve(process.cwd(), 'apps/gateway/supergraph.graphql')),
  RESPONSIBILITY_NETWORK_URL: subgraphUrl('responsibility-network', 4001),
  HAZARD_TRACKING_URL: subgraphUrl('hazard-tracking', 4002),
  EDUCATION_DRILLS_URL: subgraphUrl('education-drills', 4003),
  SUPERVISION_APPRAISAL_URL: subgraphUrl('supervision-appraisal', 4004),
  MAX_QUERY_DEPTH: intVar('deepest selection a query may have', 12, { min: 2, max: 50 }),
  CORS_ORIGINS: stringVar('comma-separated origins allowed to call the API from a browser, or *', '*'),
  ...authVariables(),
  LOG_LEVEL: enumVar('log threshold', ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const, 'info'),
};

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env) {
  const config = loadConfig(variables, env);
  checkAuthConfig(config);
  return config;
}

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;

/** Subgraph names as composed into the supergraph, with where to reach each. */
export function subgraphUrls(config: GatewayConfig): Record<string, string> {
  return {
    'responsibility-network': config.RESPONSIBILITY_NETWORK_URL,
    'hazard-tracking': config.HAZARD_TRACKING_URL,
    'education-drills': config.EDUCATION_DRILLS_URL,
    'supervision-appraisal': config.SUPERVISION_APPRAISAL_URL,
  };
}
