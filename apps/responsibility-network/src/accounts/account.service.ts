import { auditedDelete, auditedUpdate, clientRequest, oncePerRequest } from '@campus/server';
import { hashPassword, Role, RoleGrant, Viewer } from '@campus/auth';
import { OutboxSignal, transactionWithEvents } from '@campus/events';
import { isDuplicateKey, newId } from '@campus/database';
import { Caller, ConflictError, ForbiddenError, NotFoundError } from '@campus/graphql';
import { DataSource, EntityManager, In } from 'typeorm';
import { ORG_UNIT_ACCESS } from '../org-units/org-unit.access';
import { OrgUnitEntity } from '../org-units/org-unit.entity';
import { PERSON_ACCESS } from '../people/person.access';
import { AccountEntity } from './account.entity';
import { CreateAccountInput, GrantRoleInput, SetAccountActiveInput } from './account.inputs';
import { recordAccessRevoked } from './access-revoked';
import { checkPasswordPolicy } from './password-policy';
import { GrantAction, RoleGrantLogEntity } from './role-grant-log.entity';
import { grantActionOf, ROLE_GRANT_ACCESS, ROLE_GRANT_POLICY } from './role-grant.access';
import { RoleGrantEntity } from './role-grant.entity';
import { firstResponsiblePersonId } from '../org-units/first-responsible-person';

export interface TokenSettings {
  /** HS256 secret; without it, tokens come from the campus SSO and local login is off. */
  jwtSecret?: string;
  ttlSeconds: number;
}

export interface IssuedToken {
  token: string;
  expiresAt: Date;
  account: AccountEntity;
  viewer: Viewer;
}

export class AccountService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxSignal,
    private readonly tokens: TokenSettings,
    /** A new first responsible person (granted, or an earlier holder again after a revocation): letters the unit signed need signing again. */
    private readonly onUnitLeaderGranted: (manager: EntityManager, unitId: string, personId: string) => Promise<unknown> = async () => undefined,
    /** Grants the account holds through something else than a role_grant row (a section's pairing with a school). */
    private readonly derivedGrantsOf: (manager: EntityManager, accountId: string) => Promise<RoleGrant[]> = async () => [],
  ) {}

  /** What a new token of the account carries: its own grants and the derived ones. */
  async tokenGrantsOf(accountId: string): Promise<RoleGrant[]> {
    const own = (await this.grantsOf(accountId)).map(({ role, unitId, path }) => ({ role, unitId, path }));
    return [...own, ...(await this.derivedGrantsOf(this.dataSource.manager, accountId))];
  }

  /** Current grants with the granted units' current paths. */
  async grantsOf(accountId: string): Promise<(RoleGrant & { id: string })[]> {
    const rows: { id: string; role: RoleGrant['role']; unitId: string; path: string }[] = await this.dataSource.query(
      `SELECT g.id, g.role, g.org_unit_id AS unitId, u.path
         FROM role_grant g JOIN org_unit u ON u.id = g.org_unit_id
        WHERE g.account_id = ? ORDER BY u.depth, g.role`,
      [accountId],
    );
    return rows.map((row) => ({ id: row.id, role: row.role, unitId: row.unitId, path: row.path }));
  }

  async findAccount(accountId: string): Promise<AccountEntity> {
    const account = await this.dataSource.getRepository(AccountEntity).findOneBy({ id: accountId });
    if (!account) throw new NotFoundError('账号', accountId);
    return account;
  }

  /** Creates a local account; the creator must be allowed to grant every role they give it. */
  async create(caller: Caller, input: CreateAccountInput): Promise<AccountEntity> {
    checkPasswordPolicy(input.password, input.username);
    const outcome = await this.dataSource.transaction(oncePerRequest(clientRequest(caller.viewer, 'createAccount', input), async (manager) => {
      const units = await manager.findBy(OrgUnitEntity, { id: In(input.grants.map((grant) => grant.orgUnitId)) });
      for (const grant of input.grants) {
        const unit = ORG_UNIT_ACCESS.guard(caller, 'view', grant.orgUnitId, units.find((candidate) => candidate.id === grant.orgUnitId));
        ROLE_GRANT_ACCESS.checkRole(caller, grantActionOf(grant.role), unit.path);
      }
      if (input.personId) await PERSON_ACCESS.find(manager, caller, 'view', input.personId);
      const account = manager.create(AccountEntity, {
        id: newId(),
        username: input.username,
        passwordHash: await hashPassword(input.password),
        personId: input.personId ?? null,
        active: true,
      });
      try {
        await manager.save(account);
      } catch (error) {
        if (isDuplicateKey(error)) throw new ConflictError('DUPLICATE', `用户名已被使用：${input.username}`);
        throw error;
      }
      const unique = [...new Map(input.grants.map((grant) => [`${grant.role}:${grant.orgUnitId}`, grant])).values()];
      for (const grant of unique) await this.insertGrant(manager, account, grant.role, grant.orgUnitId, caller.viewer.accountId);
      return account;
    }));
    return outcome.created ?? this.dataSource.manager.findOneByOrFail(AccountEntity, { id: outcome.id });
  }

  /** Grants a role at a unit to an existing account. */
  async grant(caller: Caller, input: GrantRoleInput): Promise<RoleGrantEntity> {
    return this.dataSource.transaction(async (manager) => {
      const account = await manager.findOneBy(AccountEntity, { id: input.accountId });
      if (!account) throw new NotFoundError('账号', input.accountId);
      const unit = await ORG_UNIT_ACCESS.find(manager, caller, 'view', input.orgUnitId);
      ROLE_GRANT_ACCESS.checkRole(caller, grantActionOf(input.role), unit.path);
      if (account.id === caller.viewer.accountId) throw new ForbiddenError('不能给自己授权', 'OWN_RECORD');
      const existing = await manager.findOneBy(RoleGrantEntity, { accountId: account.id, role: input.role, orgUnitId: unit.id });
      if (existing) throw new ConflictError('DUPLICATE', '该账号在此单位已有此角色', { id: existing.id });
      return this.insertGrant(manager, account, input.role, unit.id, caller.viewer.accountId);
    });
  }

  /** Takes a grant away; the account's tokens issued before stop counting everywhere (account.access-revoked). */
  async revoke(caller: Caller, grantId: string): Promise<RoleGrantEntity> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const grant = await manager.findOne(RoleGrantEntity, { where: { id: grantId }, lock: { mode: 'pessimistic_write' } });
      if (!grant) throw new NotFoundError(ROLE_GRANT_POLICY.label, grantId);
      // NOT_FOUND (as the grant) when its unit is out of scope, FORBIDDEN when the caller may not grant its role there.
      ROLE_GRANT_ACCESS.guard(caller, grantActionOf(grant.role), grantId, await manager.findOneBy(OrgUnitEntity, { id: grant.orgUnitId }));
      await auditedDelete(manager, RoleGrantEntity, { id: grant.id });
      await this.log(manager, GrantAction.REVOKED, grant, caller.viewer.accountId);
      if (grant.role === Role.UNIT_LEADER) {
        // An earlier holder of the unit's leadership is its first responsible person again: its letters follow them.
        const leader = await firstResponsiblePersonId(manager, grant.orgUnitId);
        if (leader) await this.onUnitLeaderGranted(manager, grant.orgUnitId, leader);
      }
      await recordAccessRevoked(manager, { accountId: grant.accountId, sessionId: null, cause: 'GRANT_REVOKED' }, this.tokens.ttlSeconds);
      return grant;
    });
  }

  /**
   * Deactivates (or reactivates) an account: the caller must be allowed to revoke every role it holds, never
   * their own. A deactivated account cannot log in and its tokens stop counting everywhere.
   */
  async setActive(caller: Caller, input: SetAccountActiveInput): Promise<AccountEntity> {
    return transactionWithEvents(this.dataSource, this.outbox, async (manager) => {
      const account = await manager.findOne(AccountEntity, { where: { id: input.accountId }, lock: { mode: 'pessimistic_write' } });
      const grants = account ? await manager.findBy(RoleGrantEntity, { accountId: account.id }) : [];
      if (!account || !grants.length) throw new NotFoundError('账号', input.accountId);
      const units = await manager.findBy(OrgUnitEntity, { id: In(grants.map((grant) => grant.orgUnitId)) });
      for (const grant of grants) {
        ROLE_GRANT_ACCESS.guard(caller, grantActionOf(grant.role), account.id, units.find((unit) => unit.id === grant.orgUnitId));
      }
      if (account.id === caller.viewer.accountId) throw new ForbiddenError('不能停用或启用自己的账号', 'OWN_RECORD');
      if (account.active === input.active) return account;
      account.active = input.active;
      await auditedUpdate(manager, AccountEntity, { id: account.id }, { active: input.active });
      if (!input.active) {
        await recordAccessRevoked(manager, { accountId: account.id, sessionId: null, cause: 'ACCOUNT_DEACTIVATED' }, this.tokens.ttlSeconds);
      }
      return account;
    });
  }

  /** The account's grant log, limited to grants at units in the caller's scope. */
  async history(caller: Caller, accountId: string): Promise<RoleGrantLogEntity[]> {
    const rows = await this.dataSource.getRepository(RoleGrantLogEntity).find({ where: { accountId }, order: { id: 'DESC' }, take: 200 });
    const units = await this.dataSource.getRepository(OrgUnitEntity).findBy({ id: In([...new Set(rows.map((row) => row.orgUnitId))]) });
    const visible = new Set(units.filter((unit) => ROLE_GRANT_ACCESS.allows(caller, 'view', unit.path)).map((unit) => unit.id));
    return rows.filter((row) => visible.has(row.orgUnitId));
  }

  private async insertGrant(
    manager: EntityManager,
    account: AccountEntity,
    role: Role,
    orgUnitId: string,
    grantedBy: string | null,
  ): Promise<RoleGrantEntity> {
    const grant = await manager.save(manager.create(RoleGrantEntity, { id: newId(), accountId: account.id, role, orgUnitId, grantedBy }));
    await this.log(manager, GrantAction.GRANTED, grant, grantedBy);
    if (role === Role.UNIT_LEADER && account.personId) await this.onUnitLeaderGranted(manager, orgUnitId, account.personId);
    return grant;
  }

  private async log(manager: EntityManager, action: GrantAction, grant: RoleGrantEntity, actor: string | null): Promise<void> {
    await manager.insert(RoleGrantLogEntity, {
      action,
      accountId: grant.accountId,
      role: grant.role,
      orgUnitId: grant.orgUnitId,
      actorAccountId: actor,
      at: new Date(),
    });
  }
}
