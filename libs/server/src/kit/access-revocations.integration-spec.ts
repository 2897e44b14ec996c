import { createTokenVerifier, grant, InvalidTokenError, refusingRevoked, Role, signToken, TOKEN_AUDIENCE, TOKEN_ISSUER } from '@campus/auth';
import { dropDatabase, openDatabase } from '@campus/database';
import { AccountAccessRevoked, EVENT_ENTITIES, EventTables1764100000000, PersonDeactivated } from '@campus/events';
import { SignJWT } from 'jose';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AccessRevocations, ACCESS_REVOCATIONS_MODULE } from './access-revocations';
import { AccessRevocations1764700000100 } from './access-revocations.migration';
import { ServiceBase } from './feature-module';

const MYSQL_URL = process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const SECRET = 'revocation-spec-secret-long-enough-1234';
const HOUR = 3600_000;

/** A token issued `secondsAgo` seconds ago (signToken always issues now). */
function issuedAgo(secondsAgo: number, claims: { accountId: string; personId: string; sessionId: string }) {
  const iat = Math.floor(Date.now() / 1000) - secondsAgo;
  return new SignJWT({ pid: claims.personId, sid: claims.sessionId, grants: [grant(Role.STAFF, 'u1', '/u1/')] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.accountId)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + 3600)
    .sign(new TextEncoder().encode(SECRET));
}

describe('access revocations (kit module) and the verifier that refuses revoked tokens', () => {
  const name = `test_revocations_${randomBytes(4).toString('hex')}`;
  let dataSource: DataSource;
  let revocations: AccessRevocations;

  /** Applies an event the way the consumer does: the module's handler in a transaction. */
  async function apply<P>(contract: { type: string }, payload: P) {
    const handlers = ACCESS_REVOCATIONS_MODULE.eventHandlers?.({ dataSource } as ServiceBase) ?? [];
    const handler = handlers.find((candidate) => candidate.contract.type === contract.type);
    if (!handler) throw new Error(`no handler for ${contract.type}`);
    await dataSource.transaction((manager) => handler.handle(manager, { id: randomUUID(), type: contract.type, version: 1, traceId: null, key: null, payload }));
  }

  beforeAll(async () => {
    dataSource = await openDatabase({
      mysqlUrl: MYSQL_URL,
      database: name,
      entities: EVENT_ENTITIES,
      migrations: [EventTables1764100000000, AccessRevocations1764700000100],
      poolSize: 3,
    });
    revocations = new AccessRevocations(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await dropDatabase(MYSQL_URL, name);
  });

  const verify = () => refusingRevoked(createTokenVerifier({ jwtSecret: SECRET }), revocations);

  it('refuses a logged-out session once the refresh has read it, and only that session', async () => {
    const loggedOut = await signToken({ accountId: 'a1', personId: 'p1', grants: [], sessionId: 's-out' }, SECRET, 600);
    const other = await signToken({ accountId: 'a1', personId: 'p1', grants: [], sessionId: 's-other' }, SECRET, 600);
    await expect(verify()(loggedOut)).resolves.toMatchObject({ accountId: 'a1', session: { sessionId: 's-out' } });

    const now = new Date();
    await apply(AccountAccessRevoked, { accountId: 'a1', sessionId: 's-out', notBefore: now.toISOString(), keepUntil: new Date(now.getTime() + HOUR).toISOString(), cause: 'LOGOUT' });
    await expect(verify()(loggedOut)).resolves.toBeDefined(); // not read yet: the bound is the refresh interval
    expect(await revocations.refresh()).toMatchObject({ revocationsLoaded: 1 });

    await expect(verify()(loggedOut)).rejects.toBeInstanceOf(InvalidTokenError);
    await expect(verify()(other)).resolves.toMatchObject({ accountId: 'a1' });
  });

  it('refuses an account’s tokens issued before notBefore, not those issued after', async () => {
    const before = await issuedAgo(120, { accountId: 'a2', personId: 'p2', sessionId: 's-a2-old' });
    const notBefore = new Date(Date.now() - 60_000);
    await apply(AccountAccessRevoked, { accountId: 'a2', sessionId: null, notBefore: notBefore.toISOString(), keepUntil: new Date(Date.now() + HOUR).toISOString(), cause: 'GRANT_REVOKED' });
    await revocations.refresh();
    const after = await signToken({ accountId: 'a2', personId: 'p2', grants: [], sessionId: 's-a2-new' }, SECRET, 600);

    await expect(verify()(before)).rejects.toThrow('token revoked');
    await expect(verify()(after)).resolves.toMatchObject({ accountId: 'a2' });
  });

  it('refuses the tokens of a deactivated person, whatever account they came from', async () => {
    const token = await issuedAgo(5, { accountId: 'a3', personId: 'p3', sessionId: 's-a3' });
    await apply(PersonDeactivated, { id: 'p3', orgUnitId: 'u1', orgPath: '/u1/' });
    await revocations.refresh();
    await expect(verify()(token)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('forgets and deletes revocations once every token they could refuse has expired', async () => {
    const past = new Date(Date.now() - 2 * HOUR);
    await apply(AccountAccessRevoked, { accountId: 'a4', sessionId: 's-a4', notBefore: past.toISOString(), keepUntil: new Date(past.getTime() + HOUR).toISOString(), cause: 'LOGOUT' });
    const result = await revocations.refresh();
    expect(result.revocationsDeleted).toBe(1);
    const [{ count }] = await dataSource.query("SELECT COUNT(*) AS count FROM access_revocation WHERE subject_id = 's-a4'");
    expect(Number(count)).toBe(0);
    // A second process starting now loads what is still in force.
    const fresh = new AccessRevocations(dataSource);
    expect(await fresh.refresh()).toMatchObject({ revocationsLoaded: 3 });
  });
});
