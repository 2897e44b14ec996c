import { DEMO_JWT_SECRET } from '@campus/config';
import { loadGatewayConfig } from './config';

const JWT_SECRET = 'j'.repeat(40);
const GATEWAY_SECRET = 'g'.repeat(64);

describe('loadGatewayConfig', () => {
  it('in production requires explicit CORS origins, GATEWAY_SECRET and a secret other than the demo one', () => {
    expect(() => loadGatewayConfig({ NODE_ENV: 'production', JWT_SECRET, GATEWAY_SECRET })).toThrow(/CORS_ORIGINS must list the allowed origins/);
    expect(() => loadGatewayConfig({ NODE_ENV: 'production', JWT_SECRET, GATEWAY_SECRET, CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
    expect(() => loadGatewayConfig({ NODE_ENV: 'production', JWT_SECRET, CORS_ORIGINS: 'https://safety.example.edu' })).toThrow(/GATEWAY_SECRET must be set/);
    expect(() => loadGatewayConfig({ NODE_ENV: 'production', JWT_SECRET: DEMO_JWT_SECRET, GATEWAY_SECRET, CORS_ORIGINS: 'https://safety.example.edu' })).toThrow(
      /demo secret/,
    );
    expect(() => loadGatewayConfig({ NODE_ENV: 'production', GATEWAY_SECRET, CORS_ORIGINS: 'https://safety.example.edu' })).toThrow(/JWT_SECRET or JWKS_URL/);
    const config = loadGatewayConfig({ NODE_ENV: 'production', JWT_SECRET, GATEWAY_SECRET, CORS_ORIGINS: 'https://safety.example.edu' });
    expect(config).toMatchObject({ NODE_ENV: 'production', GATEWAY_SECRET, CORS_ORIGINS: 'https://safety.example.edu', HOST: '0.0.0.0' });
  });

  it('reads the admission limits, with defaults for 2 cores, and names a bad one', () => {
    expect(loadGatewayConfig({ JWT_SECRET: DEMO_JWT_SECRET })).toMatchObject({ GATEWAY_MAX_IN_FLIGHT: 16, GATEWAY_MAX_MUTATIONS_IN_FLIGHT: 64, GATEWAY_OVERLOADED_MAX_IN_FLIGHT: 2, GATEWAY_MAX_QUEUED: 64, GATEWAY_QUEUE_WAIT_MS: 5000, GATEWAY_OVERLOADED_WAIT_MS: 5, GATEWAY_RETRY_AFTER_SECONDS: 1 });
    expect(loadGatewayConfig({ JWT_SECRET: DEMO_JWT_SECRET, GATEWAY_MAX_IN_FLIGHT: '16' }).GATEWAY_MAX_IN_FLIGHT).toBe(16);
    expect(() => loadGatewayConfig({ JWT_SECRET: DEMO_JWT_SECRET, GATEWAY_MAX_IN_FLIGHT: '0' })).toThrow(/GATEWAY_MAX_IN_FLIGHT/);
  });

  it('in development keeps any origin and the demo secret', () => {
    expect(loadGatewayConfig({ JWT_SECRET: DEMO_JWT_SECRET })).toMatchObject({ NODE_ENV: 'development', CORS_ORIGINS: undefined, GATEWAY_SECRET: undefined });
  });
});
