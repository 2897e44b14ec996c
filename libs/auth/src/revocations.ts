import { InvalidTokenError, TokenVerifier } from './tokens';
import { Viewer } from './viewer';

/** Answers whether a verified token was revoked since it was issued (logout, grants taken away, deactivation). */
export interface RevocationCheck {
  isRevoked(viewer: Viewer): boolean;
}

/** Thrown for a well-signed token whose session or account was revoked; an InvalidTokenError, so it is refused the same way. */
export class RevokedTokenError extends InvalidTokenError {
  constructor() {
    super('token revoked');
  }
}

/** The verifier with revocations applied: a revoked token is refused like an invalid one. */
export function refusingRevoked(verify: TokenVerifier, revocations: RevocationCheck): TokenVerifier {
  return async (token) => {
    const viewer = await verify(token);
    if (revocations.isRevoked(viewer)) throw new RevokedTokenError();
    return viewer;
  };
}

/**
 * What is revoked, in memory: sessions (by id, whatever their age), and accounts and people with the time
 * before which their tokens no longer count. Local tokens carry their issue time in milliseconds, so a login
 * right after a password change keeps working while one a moment before it does not; a token with only a
 * whole-second `iat` (an SSO's) issued in the revocation's second is refused, as it may have come before.
 */
export class RevocationSet implements RevocationCheck {
  private readonly sessions = new Map<string, number>();
  private readonly accounts = new Map<string, number>();
  private readonly people = new Map<string, number>();
  /** Per `kind:subjectId`, when the entry may be forgotten. */
  private readonly expiries = new Map<string, number>();

  /** `notBefore` and `keepUntil` in milliseconds since the epoch; a later notBefore for the same subject wins. */
  add(kind: RevokedSubject, subjectId: string, notBefore: number, keepUntil: number): void {
    const entries = this.mapOf(kind);
    const current = entries.get(subjectId);
    entries.set(subjectId, Math.max(current ?? 0, notBefore));
    this.expiries.set(`${kind}:${subjectId}`, Math.max(this.expiries.get(`${kind}:${subjectId}`) ?? 0, keepUntil));
  }

  /** Forgets entries no live token could still match. */
  prune(now: number): void {
    for (const [key, keepUntil] of this.expiries) {
      if (keepUntil > now) continue;
      const [kind, subjectId] = splitKey(key);
      this.mapOf(kind).delete(subjectId);
      this.expiries.delete(key);
    }
  }

  get size(): number {
    return this.expiries.size;
  }

  isRevoked(viewer: Viewer): boolean {
    const session = viewer.session;
    if (!session) return false;
    if (session.sessionId && this.sessions.has(session.sessionId)) return true;
    const issuedBefore = (notBefore: number | undefined) =>
      notBefore !== undefined && (session.precise ? session.issuedAtMs < notBefore : session.issuedAtMs <= notBefore);
    return issuedBefore(this.accounts.get(viewer.accountId)) || issuedBefore(viewer.personId ? this.people.get(viewer.personId) : undefined);
  }

  private mapOf(kind: RevokedSubject): Map<string, number> {
    if (kind === 'SESSION') return this.sessions;
    return kind === 'ACCOUNT' ? this.accounts : this.people;
  }
}

export type RevokedSubject = 'SESSION' | 'ACCOUNT' | 'PERSON';

function splitKey(key: string): [RevokedSubject, string] {
  const colon = key.indexOf(':');
  return [key.slice(0, colon) as RevokedSubject, key.slice(colon + 1)];
}
