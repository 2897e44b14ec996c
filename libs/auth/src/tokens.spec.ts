import { SignJWT } from 'jose';
import { Role } from './roles';
import { createTokenVerifier, grant, InvalidTokenError, signToken, TOKEN_AUDIENCE, TOKEN_ISSUER, TokenClaims } from './tokens';
import { Viewer } from './viewer';

const SECRET = 'a-test-secret-that-is-long-enough-123';
const OTHER_SECRET = 'another-test-secret-of-sufficient-size';

const claims: TokenClaims = {
  accountId: 'account-1',
  personId: 'person-1',
  grants: [grant(Role.SAFETY_OFFICE, 'school-1', '/bureau/school-1/'), grant(Role.STAFF, 'college-2', '/bureau/school-2/college-2/')],
  sessionId: 'session-1',
};

/** Signs an arbitrary payload the way signToken does, so single claims can be broken. */
function craft(payload: Record<string, unknown>, options: { subject?: string; expiresAt?: number } = {}) {
  const jwt = new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresAt ?? Math.floor(Date.now() / 1000) + 600);
  if (options.subject !== undefined) jwt.setSubject(options.subject);
  return jwt.sign(new TextEncoder().encode(SECRET));
}

describe('signToken and createTokenVerifier', () => {
  const verify = createTokenVerifier({ jwtSecret: SECRET });

  it('round-trips account, person and grants into a Viewer', async () => {
    const viewer = await verify(await signToken(claims, SECRET, 600));
    expect(viewer).toBeInstanceOf(Viewer);
    expect(viewer.accountId).toBe('account-1');
    expect(viewer.personId).toBe('person-1');
    expect(viewer.grants).toEqual(claims.grants);
    expect(viewer.session?.sessionId).toBe('session-1');
    expect(viewer.session?.precise).toBe(true);
    expect(Math.abs((viewer.session?.issuedAtMs ?? 0) - Date.now())).toBeLessThan(5000);
    expect(viewer.covers('/bureau/school-1/dept/')).toBe(true);
    expect(viewer.covers('/bureau/school-2/')).toBe(false);
  });

  it('round-trips an account without a person', async () => {
    const viewer = await verify(await signToken({ ...claims, personId: null }, SECRET, 600));
    expect(viewer.personId).toBeNull();
  });

  it('rejects a token signed with another secret', async () => {
    const token = await signToken(claims, OTHER_SECRET, 600);
    await expect(verify(token)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('rejects an expired token', async () => {
    const token = await craft(
      { pid: 'person-1', grants: claims.grants },
      { subject: 'account-1', expiresAt: Math.floor(Date.now() / 1000) - 60 },
    );
    await expect(verify(token)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('rejects a token with a malformed grant', async () => {
    const unknownRole = await craft({ grants: [{ role: 'JANITOR', unitId: 'u', path: '/u/' }] }, { subject: 'account-1' });
    const missingPath = await craft({ grants: [{ role: Role.STAFF, unitId: 'u' }] }, { subject: 'account-1' });
    await expect(verify(unknownRole)).rejects.toThrow(new InvalidTokenError('token carries a malformed grant'));
    await expect(verify(missingPath)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('rejects a token without subject or grants', async () => {
    await expect(verify(await craft({ grants: [] }))).rejects.toBeInstanceOf(InvalidTokenError);
    await expect(verify(await craft({}, { subject: 'account-1' }))).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('rejects garbage that is not a JWT', async () => {
    await expect(verify('not.a.jwt')).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('refuses to build a verifier without a secret or key set', () => {
    expect(() => createTokenVerifier({})).toThrow(/JWT_SECRET or JWKS_URL/);
  });

  it('remembers a verified token until it expires, then refuses it', async () => {
    let now = Date.now();
    const verifyAt = createTokenVerifier({ jwtSecret: SECRET, now: () => now });
    const token = await craft({ grants: [] }, { subject: 'account-1', expiresAt: Math.floor(now / 1000) + 60 });
    const first = await verifyAt(token);
    expect(await verifyAt(token)).toBe(first);
    now += 61_000;
    await expect(verifyAt(token)).rejects.toThrow(InvalidTokenError);
  });

  it('never remembers a token that failed, nor lets a forged one share a valid one’s entry', async () => {
    const valid = await signToken(claims, SECRET, 600);
    const forged = `${valid.slice(0, valid.lastIndexOf('.'))}.${'A'.repeat(43)}`;
    await verify(valid);
    await expect(verify(forged)).rejects.toThrow(InvalidTokenError);
    await expect(verify(forged)).rejects.toThrow(InvalidTokenError);
  });
});
