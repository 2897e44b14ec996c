import { createTokenVerifier, Role, Viewer } from '@campus/auth';
import { SchemaRunner } from '@campus/testing';
import { OrgUnitKind } from '../org-units/org-unit-kind';
import { ResponsibilityFixture, startResponsibilityFixture, Unit } from '../testing/responsibility-fixture';
import { LoginThrottle } from './login-throttle';

const CREATE_ACCOUNT = 'mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id active } } }';
const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { token account { id } } }';
const LOGOUT = 'mutation { logout { loggedOut } }';
const CHANGE_PASSWORD = 'mutation($input: ChangePasswordInput!) { changePassword(input: $input) { token } }';
const SET_ACTIVE = 'mutation($input: SetAccountActiveInput!) { setAccountActive(input: $input) { account { id active } } }';
const GRANT = 'mutation($input: GrantRoleInput!) { grantRole(input: $input) { grant { id } } }';
const REVOKE = 'mutation($id: ID!) { revokeRole(grantId: $id) { grant { role } } }';

interface Revoked {
  accountId: string;
  sessionId: string | null;
  notBefore: string;
  keepUntil: string;
  cause: string;
}

describe('sessions: password policy, login throttling, logout and the revocations they publish', () => {
  let fx: ResponsibilityFixture;
  let runner: SchemaRunner;
  let school: Unit;
  const verify = createTokenVerifier({ jwtSecret: 'integration-secret' });

  /** Opens an account with STAFF at the school; returns its id. */
  async function openAccount(username: string, password = 'Campus@2026'): Promise<string> {
    const data = await runner.data(fx.admin, CREATE_ACCOUNT, { input: { username, password, grants: [{ role: 'STAFF', orgUnitId: school.id }] } });
    return data.createAccount.account.id;
  }

  /** Logs in and returns the viewer its token verifies to (with its session). */
  async function signIn(username: string, password = 'Campus@2026'): Promise<Viewer> {
    const data = await runner.data(null, LOGIN, { input: { username, password } });
    return verify(data.login.token);
  }

  async function revocationEvents(accountId: string): Promise<Revoked[]> {
    const rows: { payload: string; topic: string }[] = await fx.db.dataSource.query(
      "SELECT payload, topic FROM event_outbox WHERE event_type = 'account.access-revoked' AND aggregate_id = ? ORDER BY id",
      [accountId],
    );
    rows.forEach((row) => expect(row.topic).toBe('campus.responsibility-network.events'));
    return rows.map((row) => JSON.parse(row.payload));
  }

  beforeAll(async () => {
    fx = await startResponsibilityFixture('sessions');
    runner = fx.runner;
    school = await fx.createUnit(fx.root.id, 'SCH', OrgUnitKind.SCHOOL);
  });

  afterAll(async () => {
    await fx?.drop();
  });

  describe('password policy', () => {
    it.each([
      ['short1', '密码至少 8 个字符'],
      ['onlyletters', '密码须同时包含字母和数字'],
      ['Teacher.wang2026', '密码不能包含用户名'],
      ['Passw0rd', '密码过于常见，容易被猜中，请换一个'],
    ])('refuses %s on account creation, naming the rule', async (password, rule) => {
      const result = await runner.run(fx.admin, CREATE_ACCOUNT, { input: { username: 'teacher.wang', password, grants: [{ role: 'STAFF', orgUnitId: school.id }] } });
      const error = result.errors?.[0];
      expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: expect.stringMatching(/WEAK_PASSWORD|INVALID_INPUT/) });
      expect(error?.message).toContain(rule);
    });

    it('accepts the demo password', async () => {
      await expect(openAccount('policy.ok')).resolves.toEqual(expect.any(String));
    });
  });

  describe('login throttling per account', () => {
    it('delays after three failures, locks after ten, and then refuses even the right password with the time to retry', async () => {
      await openAccount('victim');
      const attempt = (password: string) => runner.run(null, LOGIN, { input: { username: 'victim', password } });
      const reasons: string[] = [];
      for (let i = 0; i < 12; i++) reasons.push(String((await attempt(`wrong-${i}`)).errors?.[0].extensions?.reason));
      expect(reasons.slice(0, 4)).toEqual(['WRONG_CREDENTIALS', 'WRONG_CREDENTIALS', 'WRONG_CREDENTIALS', 'WRONG_CREDENTIALS']);
      expect(reasons[4]).toBe('LOGIN_DELAYED'); // the 4th failure set a 1 s wait, and this attempt came within it
      expect(reasons.slice(10)).toEqual(['LOGIN_LOCKED', 'LOGIN_LOCKED']);

      const right = await attempt('Campus@2026');
      const error = right.errors?.[0];
      expect(error?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'LOGIN_LOCKED' });
      expect(error?.message).toMatch(/账号已临时锁定，请于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} 后再试/);
      const retryAt = Date.parse(String(error?.extensions?.retryAt));
      expect(retryAt).toBeGreaterThan(Date.now() + 14 * 60_000);
      expect(retryAt).toBeLessThanOrEqual(Date.now() + 15 * 60_000);
    });

    it('counts spellings of one username (case, full-width letters, spaces) against the one account', async () => {
      const accountId = await openAccount('spelled');
      for (const username of ['SPELLED', 'ｓｐｅｌｌｅｄ', 'spelled  ']) await runner.run(null, LOGIN, { input: { username, password: 'wrong' } });
      const [row] = await fx.db.dataSource.query('SELECT failures FROM login_throttle WHERE throttle_key = ?', [`account:${accountId}`]);
      expect(row.failures).toBe(3);
    });

    it('clears an account’s failures when it logs in', async () => {
      const accountId = await openAccount('forgetful');
      for (let i = 0; i < 3; i++) await runner.run(null, LOGIN, { input: { username: 'forgetful', password: 'wrong' } });
      await signIn('forgetful');
      const [row] = await fx.db.dataSource.query('SELECT failures FROM login_throttle WHERE throttle_key = ?', [`account:${accountId}`]);
      expect(row).toBeUndefined();
    });
  });

  describe('login throttling per client address', () => {
    it('locks an address that fails across many accounts, for every account, with its own message', async () => {
      const throttle = new LoginThrottle(fx.db.dataSource, {
        account: { freeFailures: 3, lockAfter: 10, lockMs: 900_000, maxDelayMs: 60_000, windowMs: 900_000 },
        address: { freeFailures: 2, lockAfter: 4, lockMs: 900_000, maxDelayMs: 60_000, windowMs: 900_000 },
      });
      for (const account of ['u1', 'u2', 'u3', 'u4']) await throttle.recordFailure({ account, clientAddress: '203.0.113.9' });
      await expect(throttle.checkAllowed({ account: 'someone-else', clientAddress: '203.0.113.9' })).rejects.toMatchObject({
        reason: 'LOGIN_LOCKED',
        message: expect.stringContaining('该网络地址已临时锁定'),
      });
      await expect(throttle.checkAllowed({ account: 'someone-else', clientAddress: '198.51.100.7' })).resolves.toBeUndefined();
    });
  });

  describe('revocations', () => {
    it('logout revokes the caller’s own session only', async () => {
      const accountId = await openAccount('leaving');
      const session = await signIn('leaving');
      expect((await runner.data(session, LOGOUT)).logout.loggedOut).toBe(true);
      const [event] = await revocationEvents(accountId);
      expect(event).toMatchObject({ accountId, sessionId: session.session?.sessionId, cause: 'LOGOUT' });
      // keepUntil: the fixture's token lifetime (1 h) and a minute of clock margin after notBefore.
      expect(Date.parse(event.keepUntil) - Date.parse(event.notBefore)).toBe(3600_000 + 60_000);
    });

    it('revoking a grant revokes every token of the account (not adding one)', async () => {
      const accountId = await openAccount('demoted');
      const granted = await runner.data(fx.admin, GRANT, { input: { accountId, role: 'UNIT_SAFETY_OFFICER', orgUnitId: school.id } });
      expect(await revocationEvents(accountId)).toEqual([]);
      await runner.data(fx.admin, REVOKE, { id: granted.grantRole.grant.id });
      expect(await revocationEvents(accountId)).toEqual([expect.objectContaining({ accountId, sessionId: null, cause: 'GRANT_REVOKED' })]);
    });

    it('a password change checks the current password and the policy, revokes the account’s tokens and issues a new one', async () => {
      const accountId = await openAccount('changer');
      const session = await signIn('changer');
      const wrong = await runner.run(session, CHANGE_PASSWORD, { input: { currentPassword: 'not-it-1', newPassword: 'Another@2027' } });
      expect(wrong.errors?.[0].extensions?.reason).toBe('WRONG_CREDENTIALS');
      const weak = await runner.run(session, CHANGE_PASSWORD, { input: { currentPassword: 'Campus@2026', newPassword: 'changer2027' } });
      expect(weak.errors?.[0]).toMatchObject({ message: expect.stringContaining('密码不能包含用户名'), extensions: { reason: 'WEAK_PASSWORD' } });

      const changed = await runner.data(session, CHANGE_PASSWORD, { input: { currentPassword: 'Campus@2026', newPassword: 'Another@2027' } });
      const fresh = await verify(changed.changePassword.token);
      expect(fresh.session?.sessionId).not.toBe(session.session?.sessionId);
      expect(await revocationEvents(accountId)).toEqual([expect.objectContaining({ sessionId: null, cause: 'PASSWORD_CHANGED' })]);
      await expect(signIn('changer', 'Another@2027')).resolves.toMatchObject({ accountId });
    });

    it('a deactivated account cannot log in and its tokens are revoked; never one’s own', async () => {
      const accountId = await openAccount('departed');
      const result = await runner.data(fx.admin, SET_ACTIVE, { input: { accountId, active: false } });
      expect(result.setAccountActive.account.active).toBe(false);
      expect(await revocationEvents(accountId)).toEqual([expect.objectContaining({ sessionId: null, cause: 'ACCOUNT_DEACTIVATED' })]);
      const login = await runner.run(null, LOGIN, { input: { username: 'departed', password: 'Campus@2026' } });
      expect(login.errors?.[0].extensions?.reason).toBe('WRONG_CREDENTIALS');
      const own = await runner.run(fx.admin, SET_ACTIVE, { input: { accountId: fx.admin.accountId, active: false } });
      expect(own.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const byStaff = await runner.run(fx.viewerAt(Role.STAFF, school), SET_ACTIVE, { input: { accountId, active: true } });
      expect(byStaff.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('a person deactivated cannot log in with their account', async () => {
      const person = await fx.createPerson(school.id, '离职教师');
      const created = await runner.data(fx.admin, CREATE_ACCOUNT, {
        input: { username: 'left.teacher', password: 'Campus@2026', personId: person.id, grants: [{ role: 'STAFF', orgUnitId: school.id }] },
      });
      await signIn('left.teacher');
      await runner.data(fx.admin, 'mutation($input: DeactivatePersonInput!) { deactivatePerson(input: $input) { person { id } } }', {
        input: { id: person.id, version: person.version },
      });
      const login = await runner.run(null, LOGIN, { input: { username: 'left.teacher', password: 'Campus@2026' } });
      expect(login.errors?.[0].extensions?.reason).toBe('WRONG_CREDENTIALS');
      expect(created.createAccount.account.active).toBe(true);
    });
  });
});
