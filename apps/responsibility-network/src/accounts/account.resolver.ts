import { callerOf, LoaderRegistry, RequestContext } from '@campus/graphql';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { OrgUnitService } from '../org-units/org-unit.service';
import { loadOrgUnit } from '../org-units/org-unit.resolver';
import { PersonService } from '../people/person.service';
import { loadPerson } from '../people/person.resolver';
import { AccountEntity } from './account.entity';
import { CreateAccountInput, GrantRoleInput, LoginInput } from './account.inputs';
import { AccountService } from './account.service';
import { Account, AccountPayload, LoginPayload, RoleGrantLogEntry, RoleGrantPayload } from './account.types';
import { RoleGrantEntity } from './role-grant.entity';

@Resolver()
export class AccountResolver {
  constructor(
    private readonly accounts: AccountService,
    private readonly orgUnits: OrgUnitService,
    private readonly people: PersonService,
  ) {}

  @Mutation(() => LoginPayload, { description: '本地账号登录，返回令牌' })
  async login(@Arg('input') input: LoginInput, @Ctx() context: RequestContext): Promise<LoginPayload> {
    const issued = await this.accounts.login(input);
    context.logger.info({ accountId: issued.account.id }, 'login');
    // The caller has no token yet: describe the account as the account itself sees it.
    const asAccount: RequestContext = { ...context, viewer: issued.viewer, loaders: new LoaderRegistry() };
    return { token: issued.token, expiresAt: issued.expiresAt, account: await this.describe(issued.account, asAccount) };
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

  private async grantView(grant: RoleGrantEntity, context: RequestContext) {
    return { id: grant.id, role: grant.role, orgUnitId: grant.orgUnitId, orgUnit: await loadOrgUnit(this.orgUnits, context, grant.orgUnitId) };
  }

  private async describe(account: AccountEntity, context: RequestContext): Promise<Account> {
    const grants = await this.accounts.grantsOf(account.id);
    return {
      id: account.id,
      username: account.username,
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
