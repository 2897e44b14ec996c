import { ConfigError, intVar, stringVar } from './env';
import { checkAuthConfig, loadSubgraphConfig } from './service';

const SECRET = 'x'.repeat(32);

describe('checkAuthConfig', () => {
  it('refuses a configuration with neither JWT_SECRET nor JWKS_URL', () => {
    expect(() => checkAuthConfig({})).toThrow(ConfigError);
    expect(() => checkAuthConfig({ JWT_SECRET: '', JWKS_URL: '' })).toThrow(/JWT_SECRET or JWKS_URL must be set/);
  });

  it('refuses a JWT_SECRET shorter than 32 characters', () => {
    expect(() => checkAuthConfig({ JWT_SECRET: 'x'.repeat(31) })).toThrow(/at least 32 characters, got 31/);
  });

  it('accepts a 32-character secret or a key set URL', () => {
    expect(() => checkAuthConfig({ JWT_SECRET: SECRET })).not.toThrow();
    expect(() => checkAuthConfig({ JWKS_URL: 'https://sso.example.edu/jwks' })).not.toThrow();
  });
});

describe('loadSubgraphConfig', () => {
  const defaults = { port: 4002, database: 'hazard_tracking' };

  it('applies the common defaults and merges the extra variables', () => {
    const config = loadSubgraphConfig(
      defaults,
      { ORG_DIRECTORY_URL: stringVar('directory', 'http://dir/graphql'), BATCH: intVar('batch size', 50) },
      { JWT_SECRET: SECRET, BATCH: '75' },
    );
    expect(config).toEqual({
      PORT: 4002,
      HOST: '127.0.0.1',
      MYSQL_URL: 'mysql://root@127.0.0.1:3306',
      DATABASE_NAME: 'hazard_tracking',
      DB_POOL_SIZE: 10,
      JWT_SECRET: SECRET,
      JWKS_URL: undefined,
      KAFKA_BROKERS: '127.0.0.1:19092',
      KAFKA_TOPIC_PARTITIONS: 3,
      NODE_ENV: 'development',
      GATEWAY_SECRET: undefined,
      GRAPHQL_MAX_TOKENS: 1000,
      GRAPHQL_MAX_ALIASES: 15,
      GRAPHQL_MAX_DIRECTIVES: 20,
      GRAPHQL_MAX_DEPTH: 12,
      GRAPHQL_MAX_COST: 5000,
      GRAPHQL_MAX_BODY_KB: 1024,
      LOG_LEVEL: 'info',
      ORG_DIRECTORY_URL: 'http://dir/graphql',
      BATCH: 75,
    });
  });

  it('validates common and extra variables together', () => {
    try {
      loadSubgraphConfig(defaults, { BATCH: intVar('batch size') }, { JWT_SECRET: SECRET, DB_POOL_SIZE: '500', LOG_LEVEL: 'loud' });
      throw new Error('expected loadSubgraphConfig to throw');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const names = (error as ConfigError).problems.map((problem) => problem.split(' ')[0]);
      expect(names).toEqual(['DB_POOL_SIZE', 'LOG_LEVEL', 'BATCH']);
    }
  });

  it('applies the auth check after parsing', () => {
    expect(() => loadSubgraphConfig(defaults, {}, {})).toThrow(/JWT_SECRET or JWKS_URL must be set/);
    expect(() => loadSubgraphConfig(defaults, {}, { JWT_SECRET: 'short' })).toThrow(/at least 32 characters/);
  });
});
