import { hashPassword, signToken, Viewer, verifyPassword } from '@campus/auth';
import { auditedUpdate } from '@campus/server';
import { newId } from '@campus/database';
import { OutboxSignal, transactionWithEvents } from '@campus/events';
import { Caller, DomainError, ForbiddenError, NotFoundError, UnauthenticatedError } from '@campus/graphql';
import { DataSource } from 'typeorm';
import { AccountEntity } from './account.entity';
import { ChangePasswordInput, LoginInput } from './account.inputs';
import { AccountService, IssuedToken, TokenSettings } from './account.service';
import { recordAccessRevoked } from './access-revoked';
import { accountKeyOf, LoginKeys, LoginThrottle } from './login-throttle';
import { checkPasswordPolicy } from './password-policy';

/** A bcrypt hash of nothing anyone types: compared when the account is missing, so timing does not reveal usernames. */
const NO_ACCOUNT_HASH = '$2b$10$invalidinvalidinvalidinvalidinvalidinvalidinvalidinva';

/** Sessions of local accounts: login (throttled), logout, password change. */
export class LoginService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxSignal,
    private readonly tokens: TokenSettings,
    private readonly accounts: AccountService,
    readonly throttle: LoginThrottle = new LoginThrottle(dataSource),
  ) {}

  /**
   * Checks the throttle first (a waiting or locked account or address is refused whatever the password),
   * then the password, the account and its person; every refusal counts against both keys.
   */
  async login(input: LoginInput, clientAddress: string | null): Promise<IssuedToken> {
    this.requireLocalLogin();
    const account = await this.dataSource.getRepository(AccountEntity).findOneBy({ username: input.username });
    const keys: LoginKeys = { account: accountKeyOf(account?.id ?? null, input.username), clientAddress };
    await this.throttle.admit(keys);
    const valid = await verifyPassword(input.password, account?.passwordHash ?? NO_ACCOUNT_HASH);
    if (!account || !valid || !account.active || !(await this.personActive(account))) {
      await this.throttle.recordFailure(keys);
      throw new UnauthenticatedError(undefined, 'WRONG_CREDENTIALS');
    }
    await this.throttle.recordSuccess(keys);
    return this.issue(account);
  }

  /** Revokes the caller's own session (its token, at every service once they have the event). */
  async logout(caller: Caller): Promise<void> {
    const { accountId, session } = caller.viewer;
    await transactionWithEvents(this.dataSource, this.outbox, (manager) =>
      // A token without a session id (issued before sessions existed) can only be revoked with its whole account.
      recordAccessRevoked(manager, { accountId, sessionId: session?.sessionId ?? null, cause: 'LOGOUT' }, this.tokens.ttlSeconds),
    );
  }

  /**
   * Changes the caller's own password: the current one is checked (throttled like a login), the new one must
   * meet the policy; every token of the account issued before is revoked, and a new one is returned.
   */
  async changePassword(caller: Caller, input: ChangePasswordInput, clientAddress: string | null): Promise<IssuedToken> {
    this.requireLocalLogin();
    const account = await this.dataSource.getRepository(AccountEntity).findOneBy({ id: caller.viewer.accountId });
    if (!account) throw new NotFoundError('账号', caller.viewer.accountId);
    const keys: LoginKeys = { account: account.id, clientAddress };
    await this.throttle.admit(keys);
    if (!(await verifyPassword(input.currentPassword, account.passwordHash))) {
      await this.throttle.recordFailure(keys);
      throw new DomainError('WRONG_CREDENTIALS', '当前密码错误', { fields: [{ field: 'currentPassword', message: '当前密码错误' }] });
    }
    checkPasswordPolicy(input.newPassword, account.username, 'newPassword');
    if (input.newPassword === input.currentPassword) {
      throw new DomainError('WEAK_PASSWORD', 'newPassword：新密码不能与当前密码相同', { fields: [{ field: 'newPassword', message: '新密码不能与当前密码相同' }] });
    }
    const passwordHash = await hashPassword(input.newPassword);
    await transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      await auditedUpdate(manager, AccountEntity, { id: account.id }, { passwordHash });
      await recordAccessRevoked(manager, { accountId: account.id, sessionId: null, cause: 'PASSWORD_CHANGED' }, this.tokens.ttlSeconds);
    });
    return this.issue(account);
  }

  /** A token for a new session of the account, with its current grants (its own and those derived from a pairing). */
  private async issue(account: AccountEntity): Promise<IssuedToken> {
    const secret = this.requireLocalLogin();
    const grants = await this.accounts.tokenGrantsOf(account.id);
    const sessionId = newId();
    const token = await signToken({ accountId: account.id, personId: account.personId, grants, sessionId }, secret, this.tokens.ttlSeconds);
    const expiresAt = new Date(Date.now() + this.tokens.ttlSeconds * 1000);
    return { token, expiresAt, account, viewer: new Viewer(account.id, account.personId, grants) };
  }

  private requireLocalLogin(): string {
    if (!this.tokens.jwtSecret) throw new ForbiddenError(undefined, 'LOCAL_LOGIN_DISABLED');
    return this.tokens.jwtSecret;
  }

  private async personActive(account: AccountEntity): Promise<boolean> {
    if (!account.personId) return true;
    const rows: { active: number }[] = await this.dataSource.query('SELECT active FROM person WHERE id = ?', [account.personId]);
    return rows.length > 0 && Boolean(rows[0].active);
  }
}
