import { Role } from './roles';

export interface RoleGrant {
  role: Role;
  unitId: string;
  /** Materialised path of the granted unit, e.g. "/u1/u2/". */
  path: string;
}

/** The login a token was issued for: its session id (null for SSO tokens without one) and when it was issued. */
export interface TokenSession {
  sessionId: string | null;
  /** Milliseconds since the epoch: the `iat_ms` claim of local tokens, else the token's `iat` (whole seconds). */
  issuedAtMs: number;
  /** True when issuedAtMs came from `iat_ms`; a whole-second `iat` cannot tell which came first within its second. */
  precise: boolean;
}

/** The authenticated caller of a request: who they are and which subtrees they may see. */
export class Viewer {
  readonly scopePaths: string[];

  constructor(
    readonly accountId: string,
    readonly personId: string | null,
    readonly grants: RoleGrant[],
    /** Set when the viewer comes from a verified token; what revocations are checked against. */
    readonly session: TokenSession | null = null,
  ) {
    this.scopePaths = minimalPrefixes(grants.map((grant) => grant.path));
  }

  /** True when the path lies in one of the granted subtrees. */
  covers(path: string): boolean {
    return this.scopePaths.some((prefix) => path.startsWith(prefix));
  }

  /** The subtrees where the viewer holds one of the given roles (minimal prefixes). */
  scopeFor(roles: readonly Role[]): string[] {
    return minimalPrefixes(this.grants.filter((grant) => roles.includes(grant.role)).map((grant) => grant.path));
  }

  /** True when one of the given roles is granted at the path or above it. */
  hasRoleAt(roles: readonly Role[], path: string): boolean {
    return this.grants.some((grant) => roles.includes(grant.role) && path.startsWith(grant.path));
  }
}

/** Drops prefixes covered by a shorter one, so scope filters stay small. */
function minimalPrefixes(paths: string[]): string[] {
  const sorted = [...new Set(paths)].sort((a, b) => a.length - b.length);
  return sorted.filter((path, index) => !sorted.slice(0, index).some((shorter) => path.startsWith(shorter)));
}
