import { VersionedInput } from '@campus/graphql';
import { ArrayMaxSize, IsOptional, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { PersonKind } from '../people/person-kind';
import { PostKind } from '../posts/post-enums';
import { WorkGroupRole } from '../work-groups/work-group-enums';

const MAX_RULES = 20;

@InputType({ description: '按属性纳入人员的规则：单位（可含下级）、人员类别、岗位' })
export class MembershipRuleInput {
  @Field(() => ID, { description: '人员所在单位；填写岗位类别时为岗位所在单位。须为工作机构或网格所属单位或其下级' })
  orgUnitId: string;

  @Field({ defaultValue: true, description: '是否包含下级单位' })
  includeSubunits: boolean;

  @Field(() => PersonKind, { nullable: true, description: '人员类别；不填为不限' })
  @IsOptional()
  personKind?: PersonKind | null;

  @Field(() => PostKind, { nullable: true, description: '须担任的岗位类别；不填为不限' })
  @IsOptional()
  postKind?: PostKind | null;
}

@InputType({ description: '工作机构成员规则' })
export class WorkGroupMemberRuleInput extends MembershipRuleInput {
  @Field(() => WorkGroupRole, { defaultValue: WorkGroupRole.MEMBER, description: '纳入后担任的职务；组长须逐一指定，不能按规则' })
  role: WorkGroupRole;
}

@InputType({ description: '整体替换工作机构的成员规则；按规则纳入的成员随即更新，手动指定的成员不变' })
export class SetWorkGroupMemberRulesInput extends VersionedInput {
  @Field(() => [WorkGroupMemberRuleInput])
  @ArrayMaxSize(MAX_RULES, { message: `成员规则最多 ${MAX_RULES} 条` })
  @ValidateNested({ each: true })
  rules: WorkGroupMemberRuleInput[];
}

@InputType({ description: '整体替换网格的网格安全员规则；按规则安排的任职随即更新，手动安排的不变' })
export class SetGridOfficerRulesInput {
  @Field(() => ID)
  gridId: string;

  @Field(() => [MembershipRuleInput])
  @ArrayMaxSize(MAX_RULES, { message: `网格安全员规则最多 ${MAX_RULES} 条` })
  @ValidateNested({ each: true })
  rules: MembershipRuleInput[];
}
