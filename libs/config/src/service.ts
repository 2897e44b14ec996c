import { localGraphqlUrl, ORG_DIRECTORY_SERVICE, serviceEntry } from './services';
import { checkExposureConfig, ExposureConfig, exposureVariables } from './production';
import { operationLimitVariables } from './operation-limits';
import { ConfigError, enumVar, intVar, loadConfig, optionalStringVar, optionalUrlVar, stringVar, urlVar, VariableSpec } from './env';

/** Variables every subgraph reads; each service adds its own. */
export function subgraphVariables(defaults: { port: number; database: string }) {
  return {
    PORT: intVar('HTTP port of the service', defaults.port, { min: 1, max: 65535 }),
    // Loopback by default: only the gateway (and the other services) on this host reach a subgraph. Containers set 0.0.0.0.
    HOST: stringVar('interface to listen on', '127.0.0.1'),
    MYSQL_URL: urlVar('MySQL server URL without a database', ['mysql'], 'mysql://root@127.0.0.1:3306'),
    DATABASE_NAME: stringVar("the service's own database", defaults.database),
    DB_POOL_SIZE: intVar('database connection pool size', 10, { min: 1, max: 200 }),
    KAFKA_BROKERS: stringVar('comma-separated Kafka bootstrap brokers, host:port', '127.0.0.1:19092'),
    KAFKA_TOPIC_PARTITIONS: intVar('partitions of the event topics a service creates', 3, { min: 1, max: 100 }),
    ...authVariables(),
    ...exposureVariables(),
    ...operationLimitVariables(),
    LOG_LEVEL: enumVar('log threshold', ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const, 'info'),
  };
}

export function authVariables() {
  return {
    JWT_SECRET: optionalStringVar('HS256 token secret, at least 32 characters (or set JWKS_URL)'),
    JWKS_URL: optionalUrlVar('RS256 key set URL of the campus SSO (or set JWT_SECRET)', ['http', 'https']),
  };
}

/** Exactly one way to verify tokens, and a secret long enough to resist guessing. */
export function checkAuthConfig(config: { JWT_SECRET?: string; JWKS_URL?: string }): void {
  if (!config.JWT_SECRET && !config.JWKS_URL) {
    throw new ConfigError(['JWT_SECRET or JWKS_URL must be set (how tokens are verified)']);
  }
  if (config.JWT_SECRET && config.JWKS_URL) {
    throw new ConfigError(['JWT_SECRET and JWKS_URL are both set; set only one (HS256 secret or RS256 key set)']);
  }
  if (config.JWT_SECRET && config.JWT_SECRET.length < 32) {
    throw new ConfigError([`JWT_SECRET must be at least 32 characters, got ${config.JWT_SECRET.length}`]);
  }
}

export const orgDirectoryUrlVar = urlVar(
  `GraphQL URL of ${ORG_DIRECTORY_SERVICE}, where org unit paths are looked up`,
  ['http', 'https'],
  localGraphqlUrl(serviceEntry(ORG_DIRECTORY_SERVICE).port),
);

/** The common subgraph variables plus a service's own, validated together. */
export function loadSubgraphConfig<E extends Record<string, VariableSpec<unknown>>>(
  defaults: { port: number; database: string },
  extra: E,
  env: NodeJS.ProcessEnv = process.env,
) {
  const config = loadConfig({ ...subgraphVariables(defaults), ...extra }, env);
  checkAuthConfig(config as { JWT_SECRET?: string; JWKS_URL?: string });
  checkExposureConfig(config as ExposureConfig);
  return config;
}
