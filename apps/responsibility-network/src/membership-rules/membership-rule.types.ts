import { Field, ID, InterfaceType, ObjectType } from 'type-graphql';
import { Grid } from '../grids/grid.types';
import { PersonKind } from '../people/person-kind';
import { PostKind } from '../posts/post-enums';
import { WorkGroupRole } from '../work-groups/work-group-enums';
import { MembershipRuleEntity } from './membership-rule.entity';

@InterfaceType('MembershipRule', { description: '按属性纳入人员的规则：单位（可含下级）、人员类别、岗位' })
export abstract class MembershipRule {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: '人员所在单位（或任职单位）' })
  orgUnitId: string;

  @Field({ description: '是否包含下级单位' })
  includeSubunits: boolean;

  @Field(() => PersonKind, { nullable: true, description: '人员类别；空为不限' })
  personKind: PersonKind | null;

  @Field(() => PostKind, { nullable: true, description: '须担任的岗位类别（在上述单位内）；空为不限' })
  postKind: PostKind | null;
}

@ObjectType('WorkGroupMemberRule', { implements: MembershipRule, description: '工作机构成员规则：符合条件的在职人员自动成为成员，人员变化时自动增减' })
export class WorkGroupMemberRule extends MembershipRule {
  @Field(() => WorkGroupRole, { description: '纳入后担任的职务（不能是组长）' })
  role: WorkGroupRole;
}

@ObjectType('GridOfficerRule', { implements: MembershipRule, description: '网格安全员规则：符合条件的在职人员自动担任网格安全员，人员变化时自动起止任职' })
export class GridOfficerRule extends MembershipRule {}

@ObjectType()
export class SetGridOfficerRulesPayload {
  @Field(() => Grid)
  grid: Grid;

  @Field(() => [GridOfficerRule])
  rules: GridOfficerRule[];
}

export function toMembershipRule(entity: MembershipRuleEntity): WorkGroupMemberRule {
  return {
    id: entity.id,
    orgUnitId: entity.orgUnitId,
    includeSubunits: entity.includeSubunits,
    personKind: entity.personKind,
    postKind: entity.postKind,
    role: entity.role as WorkGroupRole,
  };
}
