import { ConfigError, optionalStringVar, VariableSpec } from './env';

/**
 * Production mode and what it requires of every process. NODE_ENV=production (the Dockerfile's) turns off
 * the development conveniences — introspection, "Did you mean …" suggestions, any CORS origin — and refuses
 * to start without real secrets. Any other NODE_ENV (unset, development, test) keeps them.
 */
export type RuntimeMode = 'production' | 'development';

/**
 * Secrets committed in this repository (`npm start`'s demo): tokens signed with them can be forged by anyone
 * who reads the code, so production refuses them. tools/platform takes its demo secret from here.
 */
export const DEMO_JWT_SECRET = 'demo-only-secret-change-me-0123456789abcdef';
export const REFUSED_PRODUCTION_SECRETS: readonly string[] = [DEMO_JWT_SECRET];

const MIN_GATEWAY_SECRET_LENGTH = 32;

export const runtimeModeVar: VariableSpec<RuntimeMode> = {
  description: 'production turns off introspection and suggestions and requires real secrets and CORS origins',
  parse: (raw) => (raw === 'production' ? 'production' : 'development'),
};

/** Variables every process (gateway and subgraphs) reads about its exposure. */
export function exposureVariables() {
  return {
    NODE_ENV: runtimeModeVar,
    GATEWAY_SECRET: optionalStringVar(
      `shared by the gateway and the subgraphs, ${MIN_GATEWAY_SECRET_LENGTH}+ characters: subgraphs answer only requests that carry it (required in production)`,
    ),
  };
}

export interface ExposureConfig {
  NODE_ENV: RuntimeMode;
  GATEWAY_SECRET?: string;
  JWT_SECRET?: string;
  JWKS_URL?: string;
}

export function isProduction(config: { NODE_ENV: RuntimeMode }): boolean {
  return config.NODE_ENV === 'production';
}

/** The problems of a process's secrets: a short gateway secret anywhere; in production, a missing or demo one. */
export function exposureProblems(config: ExposureConfig): string[] {
  const problems: string[] = [];
  if (config.GATEWAY_SECRET !== undefined && config.GATEWAY_SECRET.length < MIN_GATEWAY_SECRET_LENGTH) {
    problems.push(`GATEWAY_SECRET must be at least ${MIN_GATEWAY_SECRET_LENGTH} characters, got ${config.GATEWAY_SECRET.length}`);
  }
  if (!isProduction(config)) return problems;
  if (config.JWT_SECRET && REFUSED_PRODUCTION_SECRETS.includes(config.JWT_SECRET)) {
    problems.push('JWT_SECRET is the demo secret committed in the repository; production needs its own (e.g. openssl rand -hex 32)');
  }
  if (!config.GATEWAY_SECRET) problems.push('GATEWAY_SECRET must be set in production (subgraphs answer only the gateway)');
  if (config.GATEWAY_SECRET && config.GATEWAY_SECRET === config.JWT_SECRET) problems.push('GATEWAY_SECRET must differ from JWT_SECRET');
  return problems;
}

export function checkExposureConfig(config: ExposureConfig): void {
  const problems = exposureProblems(config);
  if (problems.length > 0) throw new ConfigError(problems);
}

/** `true` for any origin (development only), or the exact origins allowed to call from a browser. */
export type AllowedOrigins = true | string[];

export const corsOriginsVar = optionalStringVar(
  'comma-separated origins allowed to call the API from a browser, e.g. https://safety.example.edu (required in production; * or unset: any origin, development only)',
);

/** The CORS origins a process allows, or the reasons its CORS_ORIGINS is refused (production wants an explicit list). */
export function allowedOrigins(config: { NODE_ENV: RuntimeMode; CORS_ORIGINS?: string }): AllowedOrigins {
  const listed = (config.CORS_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean);
  const any = listed.length === 0 || listed.includes('*');
  if (!isProduction(config)) return any ? true : listed;
  const problems: string[] = [];
  if (any) problems.push('CORS_ORIGINS must list the allowed origins in production (not * and not empty)');
  for (const origin of listed.filter((entry) => entry !== '*')) {
    if (!isOrigin(origin)) problems.push(`CORS_ORIGINS entry "${origin}" is not an origin (scheme://host[:port])`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return listed;
}

function isOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === text;
  } catch {
    return false;
  }
}
