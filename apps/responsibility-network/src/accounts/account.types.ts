import { Role, ROLE_LABELS } from '@campus/auth';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { OrgUnit } from '../org-units/org-unit.types';
import { Person } from '../people/person.types';

registerEnumType(Role, {
  name: 'Role',
  description: '角色；授予某单位即覆盖该单位及其全部下级',
  valuesConfig: Object.fromEntries(Object.entries(ROLE_LABELS).map(([role, label]) => [role, { description: label }])),
});

@ObjectType({ description: '角色授权' })
export class RoleGrantView {
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
export class AccountPayload {
  @Field(() => Account)
  account: Account;
}
