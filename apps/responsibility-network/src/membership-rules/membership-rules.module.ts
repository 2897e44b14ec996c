import { FeatureModule, perService } from '@campus/server';
import { MembershipRules1765000000920 } from '../migrations/1765000000920-membership-rules';
import type { ResponsibilityDeps } from '../service';
import { MembershipRuleEntity } from './membership-rule.entity';
import {
  GridOfficerRulesResolver,
  GridOfficerRuleUnitResolver,
  WorkGroupMemberRulesResolver,
  WorkGroupMemberRuleUnitResolver,
} from './membership-rule.resolver';
import { MembershipRuleService } from './membership-rule.service';

const ruleServiceOf = perService(({ dataSource, outbox }: ResponsibilityDeps) => new MembershipRuleService(dataSource, outbox));

/**
 * Membership rules (R3): work-group members and grid safety officers placed by their attributes (unit,
 * person kind, post), kept current by the people and post changes that call syncMembershipOf. Access is
 * the target's own: changing a group's members (SET_MEMBERS) or assigning a grid's roles (assign).
 */
export const MEMBERSHIP_RULES_MODULE: FeatureModule<ResponsibilityDeps> = {
  name: 'membership-rules',
  entities: [MembershipRuleEntity],
  migrations: [MembershipRules1765000000920],
  scopedTables: ['membership_rule'],
  resolvers: (deps) => {
    const rules = ruleServiceOf(deps);
    return [
      new WorkGroupMemberRulesResolver(rules),
      new GridOfficerRulesResolver(rules),
      new WorkGroupMemberRuleUnitResolver(deps.orgUnits),
      new GridOfficerRuleUnitResolver(deps.orgUnits),
    ];
  },
};
