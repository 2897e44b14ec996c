import { createRemoteJWKSet, jwtVerify, JWTPayload, SignJWT } from 'jose';
import { LRUCache } from 'lru-cache';
import { isRole, Role } from './roles';
import { RoleGrant, Viewer } from './viewer';

export const TOKEN_ISSUER = 'campus-safety';
export const TOKEN_AUDIENCE = 'campus-safety';

export interface TokenVerifierConfig {
  /** HS256 shared secret (single deployment). */
  jwtSecret?: string;
  /** RS256 key set URL (campus SSO); used when no secret is configured. */
  jwksUrl?: string;
  /** Milliseconds since the epoch; tests move it to see a token expire. */
  now?: () => number;
}

/** Tokens verified and not yet expired that a process remembers: a client sends its token with every request. */
const REMEMBERED_TOKENS = 10_000;

export class InvalidTokenError extends Error {}

export interface TokenClaims {
  accountId: string;
  personId: string | null;
  grants: RoleGrant[];
  /** The login session (`sid`): logout revokes it alone. Local login always sets it. */
  sessionId?: string;
}

export type TokenVerifier = (token: string) => Promise<Viewer>;

/**
 * Verifies a token once and remembers the viewer until the token expires: checking a signature and the
 * claims on each of a client's requests cost ~4 % of a subgraph's CPU. Revocations are not remembered
 * here: refusingRevoked checks them on every request.
 */
export function createTokenVerifier(config: TokenVerifierConfig): TokenVerifier {
  const now = config.now ?? Date.now;
  const verify = signatureVerifier(config, now);
  const remembered = new LRUCache<string, { viewer: Viewer; expiresAtMs: number }>({ max: REMEMBERED_TOKENS });
  return async (token) => {
    const known = remembered.get(token);
    if (known && now() < known.expiresAtMs) return known.viewer;
    let payload: JWTPayload;
    try {
      payload = await verify(token);
    } catch (error) {
      remembered.delete(token);
      throw new InvalidTokenError((error as Error).message);
    }
    const viewer = viewerFromPayload(payload);
    if (typeof payload.exp === 'number') remembered.set(token, { viewer, expiresAtMs: payload.exp * 1000 });
    return viewer;
  };
}

function signatureVerifier(config: TokenVerifierConfig, now: () => number): (token: string) => Promise<JWTPayload> {
  const options = () => ({ issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, currentDate: new Date(now()) });
  if (config.jwtSecret) {
    const key = new TextEncoder().encode(config.jwtSecret);
    return async (token) => (await jwtVerify(token, key, { ...options(), algorithms: ['HS256'] })).payload;
  }
  if (config.jwksUrl) {
    const keySet = createRemoteJWKSet(new URL(config.jwksUrl));
    return async (token) => (await jwtVerify(token, keySet, { ...options(), algorithms: ['RS256'] })).payload;
  }
  throw new Error('either JWT_SECRET or JWKS_URL must be configured');
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
