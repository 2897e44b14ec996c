import { ADMIN_ROLES, hashPassword, RoleGrant, signToken, Viewer, verifyPassword } from '@campus/auth';
import { isDuplicateKey, newId } from '@campus/database';
import { ConflictError, DomainError, ForbiddenError, NotFoundError, UnauthenticatedError } from '@campus/graphql';
import { DataSource, EntityManager, In } from 'typeorm';
import { OrgUnitEntity } from '../org-units/org-unit.entity';
import { PersonEntity } from '../people/person.entity';
import { AccountEntity } from './account.entity';
import { CreateAccountInput, LoginInput } from './account.inputs';
import { RoleGrantEntity } from './role-grant.entity';

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
    private readonly tokens: TokenSettings,
  ) {}

  async login(input: LoginInput): Promise<IssuedToken> {
    if (!this.tokens.jwtSecret) {
      throw new DomainError('FORBIDDEN', '本系统使用统一身份认证登录，未开放本地账号');
    }
    const account = await this.dataSource.getRepository(AccountEntity).findOneBy({ username: input.username });
    // Compare even when the account is missing, so timing does not reveal which usernames exist.
    const valid = await verifyPassword(input.password, account?.passwordHash ?? '$2b$10$invalidinvalidinvalidinvalidinvalidinvalidinvalidinva');
    if (!account || !valid || !account.active) throw new UnauthenticatedError('用户名或密码错误');
    const grants = await this.grantsOf(account.id);
    const token = await signToken(
      { accountId: account.id, personId: account.personId, grants },
      this.tokens.jwtSecret,
      this.tokens.ttlSeconds,
    );
    const expiresAt = new Date(Date.now() + this.tokens.ttlSeconds * 1000);
    return { token, expiresAt, account, viewer: new Viewer(account.id, account.personId, grants) };
  }

  /** Current grants with the granted units' current paths. */
  async grantsOf(accountId: string): Promise<RoleGrant[]> {
    const rows: { role: RoleGrant['role']; unitId: string; path: string }[] = await this.dataSource.query(
      `SELECT g.role, g.org_unit_id AS unitId, u.path
         FROM role_grant g JOIN org_unit u ON u.id = g.org_unit_id
        WHERE g.account_id = ? ORDER BY u.depth, g.role`,
      [accountId],
    );
    return rows.map((row) => ({ role: row.role, unitId: row.unitId, path: row.path }));
  }

  async findAccount(accountId: string): Promise<AccountEntity> {
    const account = await this.dataSource.getRepository(AccountEntity).findOneBy({ id: accountId });
    if (!account) throw new NotFoundError('账号', accountId);
    return account;
  }

  /** Creates a local account; the creator must administer every unit they grant a role at. */
  async create(viewer: Viewer, input: CreateAccountInput): Promise<AccountEntity> {
    return this.dataSource.transaction(async (manager) => {
      const units = await manager.findBy(OrgUnitEntity, { id: In(input.grants.map((grant) => grant.orgUnitId)) });
      for (const grant of input.grants) {
        const unit = units.find((candidate) => candidate.id === grant.orgUnitId);
        if (!unit || !viewer.covers(unit.path)) throw new NotFoundError('单位', grant.orgUnitId);
        if (!viewer.hasRoleAt(ADMIN_ROLES, unit.path)) throw new ForbiddenError('只能在自己管理的单位范围内授权');
      }
      if (input.personId) {
        const person = await manager.findOneBy(PersonEntity, { id: input.personId });
        if (!person || !viewer.covers(person.orgPath)) throw new NotFoundError('人员', input.personId);
      }
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
        if (isDuplicateKey(error)) throw new ConflictError(`用户名已被使用：${input.username}`);
        throw error;
      }
      await this.insertGrants(manager, account.id, input.grants, viewer.accountId);
      return account;
    });
  }

  async insertGrants(
    manager: EntityManager,
    accountId: string,
    grants: { role: RoleGrant['role']; orgUnitId: string }[],
    grantedBy: string | null,
  ): Promise<void> {
    const unique = [...new Map(grants.map((grant) => [`${grant.role}:${grant.orgUnitId}`, grant])).values()];
    await manager.save(
      unique.map((grant) =>
        manager.create(RoleGrantEntity, { id: newId(), accountId, role: grant.role, orgUnitId: grant.orgUnitId, grantedBy }),
      ),
    );
  }
}
