import { createRemoteJWKSet, jwtVerify, JWTPayload, SignJWT } from 'jose';
import { isRole, Role } from './roles';
import { RoleGrant, Viewer } from './viewer';

export const TOKEN_ISSUER = 'campus-safety';
export const TOKEN_AUDIENCE = 'campus-safety';

export interface TokenVerifierConfig {
  /** HS256 shared secret (single deployment). */
  jwtSecret?: string;
  /** RS256 key set URL (campus SSO); used when no secret is configured. */
  jwksUrl?: string;
}

export class InvalidTokenError extends Error {}

export interface TokenClaims {
  accountId: string;
  personId: string | null;
  grants: RoleGrant[];
  /** The login session (`sid`): logout revokes it alone. Local login always sets it. */
  sessionId?: string;
}

export type TokenVerifier = (token: string) => Promise<Viewer>;

export function createTokenVerifier(config: TokenVerifierConfig): TokenVerifier {
  const options = { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE };
  let verify: (token: string) => Promise<JWTPayload>;
  if (config.jwtSecret) {
    const key = new TextEncoder().encode(config.jwtSecret);
    verify = async (token) => (await jwtVerify(token, key, { ...options, algorithms: ['HS256'] })).payload;
  } else if (config.jwksUrl) {
    const keySet = createRemoteJWKSet(new URL(config.jwksUrl));
    verify = async (token) => (await jwtVerify(token, keySet, { ...options, algorithms: ['RS256'] })).payload;
  } else {
    throw new Error('either JWT_SECRET or JWKS_URL must be configured');
  }
  return async (token) => {
    let payload: JWTPayload;
    try {
      payload = await verify(token);
    } catch (error) {
      throw new InvalidTokenError((error as Error).message);
    }
    return viewerFromPayload(payload);
  };
}

function viewerFromPayload(payload: JWTPayload): Viewer {
  const grants = payload['grants'];
  if (typeof payload.sub !== 'string' || !Array.isArray(grants)) {
    throw new InvalidTokenError('token lacks subject or grants');
  }
  const parsed = grants.map((grant: Record<string, unknown> | null) => {
    if (!grant || !isRole(grant.role) || typeof grant.unitId !== 'string' || typeof grant.path !== 'string') {
      throw new InvalidTokenError('token carries a malformed grant');
    }
    return { role: grant.role, unitId: grant.unitId, path: grant.path };
  });
  const personId = typeof payload['pid'] === 'string' ? payload['pid'] : null;
  const sessionId = typeof payload['sid'] === 'string' ? payload['sid'] : null;
  const issuedAtMs = payload['iat_ms'];
  // A token without iat counts as issued at the epoch, so any revocation of its account covers it.
  const session = typeof issuedAtMs === 'number' && Number.isFinite(issuedAtMs)
    ? { sessionId, issuedAtMs, precise: true }
    : { sessionId, issuedAtMs: (payload.iat ?? 0) * 1000, precise: false };
  return new Viewer(payload.sub, personId, parsed, session);
}

/** Issues an HS256 token for a local account. */
export async function signToken(claims: TokenClaims, secret: string, ttlSeconds: number): Promise<string> {
  const issuedAtMs = Date.now();
  // iat_ms: a revocation in the same second as a login must still tell which came first.
  return new SignJWT({ pid: claims.personId, sid: claims.sessionId ?? null, iat_ms: issuedAtMs, grants: claims.grants })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.accountId)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt(Math.floor(issuedAtMs / 1000))
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(new TextEncoder().encode(secret));
}

export function grant(role: Role, unitId: string, path: string): RoleGrant {
  return { role, unitId, path };
}
