import { callerOf, RequestContext } from '@campus/graphql';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Grid } from '../grids/grid.types';
import { loadOrgUnit } from '../org-units/org-unit.resolver';
import { OrgUnitService } from '../org-units/org-unit.service';
import { OrgUnit } from '../org-units/org-unit.types';
import { WorkGroup, WorkGroupPayload } from '../work-groups/work-group.types';
import { SetGridOfficerRulesInput, SetWorkGroupMemberRulesInput } from './membership-rule.inputs';
import { MembershipRuleService } from './membership-rule.service';
import { GridOfficerRule, MembershipRule, SetGridOfficerRulesPayload, WorkGroupMemberRule } from './membership-rule.types';

@Authorized()
@Resolver(() => WorkGroup)
export class WorkGroupMemberRulesResolver {
  constructor(private readonly rules: MembershipRuleService) {}

  @FieldResolver(() => [WorkGroupMemberRule], { description: '成员规则：符合条件的人员自动成为成员' })
  memberRules(@Root() group: WorkGroup, @Ctx() context: RequestContext): Promise<WorkGroupMemberRule[]> {
    return context.loaders.get('WorkGroup.memberRules', () => this.rules.createRulesLoader('WORK_GROUP')).load(group.id);
  }

  @Mutation(() => WorkGroupPayload, { description: '设置工作机构的成员规则（整体替换）：按单位、人员类别、岗位自动纳入成员，人员调动或任职变化时自动增减' })
  async setWorkGroupMemberRules(@Arg('input') input: SetWorkGroupMemberRulesInput, @Ctx() context: RequestContext): Promise<WorkGroupPayload> {
    return { workGroup: await this.rules.setWorkGroupRules(callerOf(context), input) };
  }
}

@Authorized()
@Resolver(() => Grid)
export class GridOfficerRulesResolver {
  constructor(private readonly rules: MembershipRuleService) {}

  @FieldResolver(() => [GridOfficerRule], { description: '网格安全员规则：符合条件的人员自动担任网格安全员' })
  officerRules(@Root() grid: Grid, @Ctx() context: RequestContext): Promise<GridOfficerRule[]> {
    return context.loaders.get('Grid.officerRules', () => this.rules.createRulesLoader('GRID')).load(grid.id);
  }

  @Mutation(() => SetGridOfficerRulesPayload, { description: '设置网格的网格安全员规则（整体替换）：符合条件的人员自动担任网格安全员，人员调动或任职变化时自动起止任职' })
  setGridOfficerRules(@Arg('input') input: SetGridOfficerRulesInput, @Ctx() context: RequestContext): Promise<SetGridOfficerRulesPayload> {
    return this.rules.setGridRules(callerOf(context), input);
  }
}

/** A rule's unit, within the viewer's scope: the same field on both kinds of rule. */
function ruleUnitResolver(ruleType: typeof WorkGroupMemberRule | typeof GridOfficerRule) {
  @Authorized()
  @Resolver(() => ruleType)
  class RuleUnitResolver {
    constructor(readonly orgUnits: OrgUnitService) {}

    @FieldResolver(() => OrgUnit, { nullable: true, description: '规则的单位' })
    orgUnit(@Root() rule: MembershipRule, @Ctx() context: RequestContext): Promise<OrgUnit | null> {
      return loadOrgUnit(this.orgUnits, context, rule.orgUnitId);
    }
  }
  return RuleUnitResolver;
}

export const WorkGroupMemberRuleUnitResolver = ruleUnitResolver(WorkGroupMemberRule);
export const GridOfficerRuleUnitResolver = ruleUnitResolver(GridOfficerRule);
