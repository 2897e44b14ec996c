import { ClientRequestIdField } from '@campus/server';
import { Role } from '@campus/auth';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Matches, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class LoginInput {
  @Field()
  @Length(1, 64, { message: '请输入用户名' })
  username: string;

  @Field()
  @Length(1, 200, { message: '请输入密码' })
  password: string;
}

@InputType()
export class GrantInput {
  @Field(() => Role)
  role: Role;

  @Field(() => ID, { description: '授权单位（覆盖其全部下级）' })
  orgUnitId: string;
}

@InputType()
export class CreateAccountInput {
  @Field()
  @Length(3, 64, { message: '用户名长度应为 3–64 个字符' })
  @Matches(/^[A-Za-z0-9_.@-]+$/, { message: '用户名只能包含字母、数字和 _ . @ -' })
  username: string;

  @Field({ description: '至少 8 个字符，同时包含字母和数字，不含用户名，不是常见密码' })
  @Length(8, 200, { message: '密码至少 8 个字符' })
  password: string;

  @Field(() => ID, { nullable: true, description: '账号对应的人员' })
  @IsOptional()
  personId?: string;

  @Field(() => [GrantInput])
  @ArrayMinSize(1, { message: '至少授予一个角色' })
  @ArrayMaxSize(20, { message: '一次最多授予 20 个角色' })
  @ValidateNested({ each: true })
  grants: GrantInput[];

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType()
export class GrantRoleInput {
  @Field(() => ID)
  accountId: string;

  @Field(() => Role)
  role: Role;

  @Field(() => ID, { description: '授权单位（覆盖其全部下级）' })
  orgUnitId: string;
}

@InputType()
export class ChangePasswordInput {
  @Field({ description: '当前密码' })
  @Length(1, 200, { message: '请输入当前密码' })
  currentPassword: string;

  @Field({ description: '新密码：至少 8 个字符，同时包含字母和数字，不含用户名，不是常见密码' })
  @Length(8, 200, { message: '密码至少 8 个字符' })
  newPassword: string;
}

@InputType()
export class SetAccountActiveInput {
  @Field(() => ID)
  accountId: string;

  @Field({ description: 'false 停用（其全部令牌随即失效），true 重新启用' })
  active: boolean;
}
