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

  it('in development keeps any origin and the demo secret', () => {
    expect(loadGatewayConfig({ JWT_SECRET: DEMO_JWT_SECRET })).toMatchObject({ NODE_ENV: 'development', CORS_ORIGINS: undefined, GATEWAY_SECRET: undefined });
  });
});
