import { describedBy } from '@campus/graphql';
import { Role, ROLE_LABELS } from '@campus/auth';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { OrgUnit } from '../org-units/org-unit.types';
import { Person } from '../people/person.types';
import { GrantAction } from './role-grant-log.entity';

registerEnumType(Role, {
  name: 'Role',
  description: '角色；授予某单位即覆盖该单位及其全部下级',
  valuesConfig: describedBy(ROLE_LABELS),
});

@ObjectType({ description: '角色授权' })
export class RoleGrantView {
  @Field(() => ID, { nullable: true, description: '授权编号（撤销时使用）' })
  id: string | null;

  @Field(() => Role)
  role: Role;

  @Field(() => ID)
  orgUnitId: string;

  @Field(() => OrgUnit, { nullable: true })
  orgUnit: OrgUnit | null;
}

@ObjectType({ description: '账号' })
export class Account {
  @Field(() => ID)
  id: string;

  @Field()
  username: string;

  @Field({ description: '是否启用；停用的账号不能登录' })
  active: boolean;

  @Field(() => Person, { nullable: true })
  person: Person | null;

  @Field(() => [RoleGrantView])
  grants: RoleGrantView[];
}

@ObjectType()
export class LoginPayload {
  @Field({ description: 'Bearer 令牌' })
  token: string;

  @Field({ description: '令牌过期时间' })
  expiresAt: Date;

  @Field(() => Account)
  account: Account;
}

@ObjectType()
export class LogoutPayload {
  @Field({ description: '本次会话的令牌已吊销（各服务在 60 秒内拒绝它）' })
  loggedOut: boolean;
}

@ObjectType()
export class AccountPayload {
  @Field(() => Account)
  account: Account;
}

@ObjectType()
export class RoleGrantPayload {
  @Field(() => RoleGrantView)
  grant: RoleGrantView;
}

registerEnumType(GrantAction, {
  name: 'GrantAction',
  description: '授权操作',
  valuesConfig: { GRANTED: { description: '授予' }, REVOKED: { description: '撤销' } },
});

@ObjectType({ description: '授权记录' })
export class RoleGrantLogEntry {
  @Field(() => GrantAction)
  action: GrantAction;

  @Field(() => Role)
  role: Role;

  @Field(() => ID)
  orgUnitId: string;

  @Field(() => ID, { nullable: true, description: '操作人账号' })
  actorAccountId: string | null;

  @Field()
  at: Date;
}
