import { ClientRequestIdField } from '@campus/server';
import { VersionedInput } from '@campus/graphql';
import { ArrayMaxSize, IsOptional, Length, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { WorkGroupKind, WorkGroupRole } from './work-group-enums';

const MAX_MEMBERS = 100;
const NAME_MESSAGE = '名称长度应为 2–200 个字符';
const RESPONSIBILITIES_MESSAGE = '工作职责最长 5000 个字符';

@InputType()
export class WorkGroupMemberInput {
  @Field(() => ID)
  personId: string;

  @Field(() => WorkGroupRole)
  role: WorkGroupRole;

  @Field(() => String, { nullable: true, description: '分工，如"负责专项整治期间的协调和调度"' })
  @IsOptional()
  @Length(0, 500, { message: '分工最长 500 个字符' })
  duty?: string | null;
}

@InputType()
export class CreateWorkGroupInput {
  @Field(() => ID, { description: '成立单位' })
  orgUnitId: string;

  @Field(() => WorkGroupKind)
  kind: WorkGroupKind;

  @Field()
  @Length(2, 200, { message: NAME_MESSAGE })
  name: string;

  @Field(() => ID, { nullable: true, description: '办公室挂靠单位（成立单位或其下级单位），如安全保卫处' })
  @IsOptional()
  officeHostUnitId?: string | null;

  @Field(() => String, { nullable: true, description: '工作职责' })
  @IsOptional()
  @Length(0, 5000, { message: RESPONSIBILITIES_MESSAGE })
  responsibilities?: string | null;

  @Field(() => [WorkGroupMemberInput], { defaultValue: [], description: '成员（至多一名组长，每人只出现一次）' })
  @ArrayMaxSize(MAX_MEMBERS, { message: `成员最多 ${MAX_MEMBERS} 人` })
  @ValidateNested({ each: true })
  members: WorkGroupMemberInput[];

  @ClientRequestIdField()
  clientRequestId?: string | null;
}

@InputType()
export class UpdateWorkGroupInput extends VersionedInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 200, { message: NAME_MESSAGE })
  name?: string | null;

  @Field(() => String, { nullable: true, description: '办公室挂靠单位 ID；传空字符串清除' })
  @IsOptional()
  officeHostUnitId?: string | null;

  @Field(() => String, { nullable: true, description: '工作职责；传空字符串清除' })
  @IsOptional()
  @Length(0, 5000, { message: RESPONSIBILITIES_MESSAGE })
  responsibilities?: string | null;
}

@InputType()
export class SetWorkGroupMembersInput extends VersionedInput {
  @Field(() => [WorkGroupMemberInput], { description: '完整的成员名单，替换原名单' })
  @ArrayMaxSize(MAX_MEMBERS, { message: `成员最多 ${MAX_MEMBERS} 人` })
  @ValidateNested({ each: true })
  members: WorkGroupMemberInput[];
}

@InputType()
export class DissolveWorkGroupInput extends VersionedInput {}

@InputType()
export class WorkGroupFilter {
  @Field(() => ID, { description: '成立单位' })
  orgUnitId: string;

  @Field({ defaultValue: false, description: '包含下级单位成立的工作机构' })
  includeSubtree: boolean;

  @Field(() => WorkGroupKind, { nullable: true })
  @IsOptional()
  kind?: WorkGroupKind | null;

  @Field(() => Boolean, { nullable: true, description: 'true 只看存续的，false 只看已撤销的；不填则全部' })
  @IsOptional()
  active?: boolean | null;
}
