import { callerOf, DomainError, LoaderRegistry, RequestContext } from '@campus/graphql';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { OrgUnitService } from '../org-units/org-unit.service';
import { loadOrgUnit } from '../org-units/org-unit.resolver';
import { PersonService } from '../people/person.service';
import { loadPerson } from '../people/person.resolver';
import { AccountEntity } from './account.entity';
import { ChangePasswordInput, CreateAccountInput, GrantRoleInput, LoginInput, SetAccountActiveInput } from './account.inputs';
import { AccountService, IssuedToken } from './account.service';
import { Account, AccountPayload, LoginPayload, LogoutPayload, RoleGrantLogEntry, RoleGrantPayload } from './account.types';
import { LoginService } from './login.service';
import { RoleGrantEntity } from './role-grant.entity';

@Resolver()
export class AccountResolver {
  constructor(
    private readonly accounts: AccountService,
    private readonly sessions: LoginService,
    private readonly orgUnits: OrgUnitService,
    private readonly people: PersonService,
  ) {}

  @Mutation(() => LoginPayload, { description: '本地账号登录，返回令牌；连续失败后需等待，过多则临时锁定（extensions.retryAt）' })
  async login(@Arg('input') input: LoginInput, @Ctx() context: RequestContext): Promise<LoginPayload> {
    const clientAddress = context.clientAddress ?? null;
    let issued: IssuedToken;
    try {
      issued = await this.sessions.login(input, clientAddress);
    } catch (error) {
      // Never the password.
      if (error instanceof DomainError) context.logger.warn({ username: input.username, clientAddress, reason: error.reason }, 'login refused');
      throw error;
    }
    context.logger.info({ accountId: issued.account.id, clientAddress }, 'login');
    return this.loginPayload(issued, context);
  }

  @Authorized()
  @Mutation(() => LogoutPayload, { description: '退出登录：吊销当前令牌' })
  async logout(@Ctx() context: RequestContext): Promise<LogoutPayload> {
    await this.sessions.logout(callerOf(context));
    context.logger.info({ accountId: callerOf(context).viewer.accountId }, 'logout');
    return { loggedOut: true };
  }

  @Authorized()
  @Mutation(() => LoginPayload, { description: '修改本人密码：此前签发的令牌全部失效，返回新令牌' })
  async changePassword(@Arg('input') input: ChangePasswordInput, @Ctx() context: RequestContext): Promise<LoginPayload> {
    const issued = await this.sessions.changePassword(callerOf(context), input, context.clientAddress ?? null);
    context.logger.info({ accountId: issued.account.id }, 'password changed');
    return this.loginPayload(issued, context);
  }

  @Authorized()
  @Mutation(() => AccountPayload, { description: '停用或重新启用账号（须有权撤销其全部授权）；停用后其令牌随即失效' })
  async setAccountActive(@Arg('input') input: SetAccountActiveInput, @Ctx() context: RequestContext): Promise<AccountPayload> {
    const account = await this.accounts.setActive(callerOf(context), input);
    return { account: await this.describe(account, context) };
  }

  @Authorized()
  @Query(() => Account, { description: '当前登录账号、对应人员与角色授权' })
  async me(@Ctx() context: RequestContext): Promise<Account> {
    return this.describe(await this.accounts.findAccount(callerOf(context).viewer.accountId), context);
  }

  @Authorized()
  @Mutation(() => AccountPayload, { description: '为本单位范围内的人员开设本地账号并授权' })
  async createAccount(@Arg('input') input: CreateAccountInput, @Ctx() context: RequestContext): Promise<AccountPayload> {
    const account = await this.accounts.create(callerOf(context), input);
    return { account: await this.describe(account, context) };
  }

  @Authorized()
  @Mutation(() => RoleGrantPayload, { description: '授予角色（教育局在其所辖学校内，学校安全保卫处在本校内）' })
  async grantRole(@Arg('input') input: GrantRoleInput, @Ctx() context: RequestContext): Promise<RoleGrantPayload> {
    const grant = await this.accounts.grant(callerOf(context), input);
    return { grant: await this.grantView(grant, context) };
  }

  @Authorized()
  @Mutation(() => RoleGrantPayload, { description: '撤销授权' })
  async revokeRole(@Arg('grantId', () => ID) grantId: string, @Ctx() context: RequestContext): Promise<RoleGrantPayload> {
    const grant = await this.accounts.revoke(callerOf(context), grantId);
    return { grant: await this.grantView(grant, context) };
  }

  @Authorized()
  @Query(() => [RoleGrantLogEntry], { description: '账号的授权与撤销记录（最近 200 条，限我的管辖范围）' })
  roleGrantHistory(@Arg('accountId', () => ID) accountId: string, @Ctx() context: RequestContext): Promise<RoleGrantLogEntry[]> {
    return this.accounts.history(callerOf(context), accountId);
  }

  /** The caller may hold no (valid) token yet: the account is described as the account itself sees it. */
  private async loginPayload(issued: IssuedToken, context: RequestContext): Promise<LoginPayload> {
    const asAccount: RequestContext = { ...context, viewer: issued.viewer, loaders: new LoaderRegistry() };
    return { token: issued.token, expiresAt: issued.expiresAt, account: await this.describe(issued.account, asAccount) };
  }

  private async grantView(grant: RoleGrantEntity, context: RequestContext) {
    return { id: grant.id, role: grant.role, orgUnitId: grant.orgUnitId, orgUnit: await loadOrgUnit(this.orgUnits, context, grant.orgUnitId) };
  }

  private async describe(account: AccountEntity, context: RequestContext): Promise<Account> {
    const grants = await this.accounts.grantsOf(account.id);
    return {
      id: account.id,
      username: account.username,
      active: account.active,
      person: account.personId ? await loadPerson(this.people, context, account.personId) : null,
      grants: await Promise.all(
        grants.map(async (grant) => ({
          id: grant.id,
          role: grant.role,
          orgUnitId: grant.unitId,
          orgUnit: await loadOrgUnit(this.orgUnits, context, grant.unitId),
        })),
      ),
    };
  }
}
