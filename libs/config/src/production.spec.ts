import { ConfigError } from './env';
import { allowedOrigins, DEMO_JWT_SECRET, exposureProblems } from './production';
import { loadSubgraphConfig } from './service';

const JWT_SECRET = 'j'.repeat(40);
const GATEWAY_SECRET = 'g'.repeat(64);
const DEFAULTS = { port: 4002, database: 'campus_hazard' };

describe('production mode (NODE_ENV=production)', () => {
  it('refuses the demo secret committed in the repository', () => {
    expect(() => loadSubgraphConfig(DEFAULTS, {}, { NODE_ENV: 'production', JWT_SECRET: DEMO_JWT_SECRET, GATEWAY_SECRET })).toThrow(
      /JWT_SECRET is the demo secret/,
    );
  });

  it('refuses to start with no secret', () => {
    expect(() => loadSubgraphConfig(DEFAULTS, {}, { NODE_ENV: 'production', GATEWAY_SECRET })).toThrow(/JWT_SECRET or JWKS_URL must be set/);
  });

  it('requires GATEWAY_SECRET, of 32+ characters and not the token secret', () => {
    expect(exposureProblems({ NODE_ENV: 'production', JWT_SECRET })).toEqual([
      'GATEWAY_SECRET must be set in production (subgraphs answer only the gateway)',
    ]);
    expect(exposureProblems({ NODE_ENV: 'production', JWT_SECRET, GATEWAY_SECRET: 'short' })).toEqual([
      'GATEWAY_SECRET must be at least 32 characters, got 5',
    ]);
    expect(exposureProblems({ NODE_ENV: 'production', JWT_SECRET, GATEWAY_SECRET: JWT_SECRET })).toEqual(['GATEWAY_SECRET must differ from JWT_SECRET']);
  });

  it('names every problem at once', () => {
    expect(exposureProblems({ NODE_ENV: 'production', JWT_SECRET: DEMO_JWT_SECRET })).toHaveLength(2);
  });

  it('starts with its own secrets, listening on the loopback address unless HOST says otherwise', () => {
    const config = loadSubgraphConfig(DEFAULTS, {}, { NODE_ENV: 'production', JWT_SECRET, GATEWAY_SECRET });
    expect(config).toMatchObject({ NODE_ENV: 'production', GATEWAY_SECRET, HOST: '127.0.0.1' });
    expect(loadSubgraphConfig(DEFAULTS, {}, { NODE_ENV: 'production', JWT_SECRET, GATEWAY_SECRET, HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
  });

  it('accepts an SSO key set instead of a token secret', () => {
    expect(exposureProblems({ NODE_ENV: 'production', JWKS_URL: 'https://sso.example.edu/jwks', GATEWAY_SECRET })).toEqual([]);
  });

  it('requires an explicit list of CORS origins: no *, nothing missing, origins only', () => {
    expect(() => allowedOrigins({ NODE_ENV: 'production' })).toThrow(/CORS_ORIGINS must list the allowed origins in production/);
    expect(() => allowedOrigins({ NODE_ENV: 'production', CORS_ORIGINS: '*' })).toThrow(ConfigError);
    expect(() => allowedOrigins({ NODE_ENV: 'production', CORS_ORIGINS: 'https://a.example.edu,*' })).toThrow(/not \* and not empty/);
    expect(() => allowedOrigins({ NODE_ENV: 'production', CORS_ORIGINS: 'https://a.example.edu/app' })).toThrow(/is not an origin/);
    expect(allowedOrigins({ NODE_ENV: 'production', CORS_ORIGINS: 'https://a.example.edu, http://localhost:5173' })).toEqual([
      'https://a.example.edu',
      'http://localhost:5173',
    ]);
  });
});

describe('development (any other NODE_ENV)', () => {
  it('keeps the conveniences: the demo secret, no gateway secret, any CORS origin', () => {
    for (const NODE_ENV of [undefined, 'development', 'test']) {
      const config = loadSubgraphConfig(DEFAULTS, {}, { NODE_ENV, JWT_SECRET: DEMO_JWT_SECRET });
      expect(config).toMatchObject({ NODE_ENV: 'development', JWT_SECRET: DEMO_JWT_SECRET, GATEWAY_SECRET: undefined });
      expect(allowedOrigins(config)).toBe(true);
    }
    expect(allowedOrigins({ NODE_ENV: 'development', CORS_ORIGINS: '*' })).toBe(true);
    expect(allowedOrigins({ NODE_ENV: 'development', CORS_ORIGINS: 'https://a.example.edu' })).toEqual(['https://a.example.edu']);
  });

  it('still refuses a gateway secret too short to resist guessing', () => {
    expect(() => loadSubgraphConfig(DEFAULTS, {}, { JWT_SECRET, GATEWAY_SECRET: 'short' })).toThrow(/GATEWAY_SECRET must be at least 32 characters/);
  });
});
