import { FeatureModule } from '@campus/server';
import { Initial1764000000000 } from '../migrations/1764000000000-initial';
import { PlanRevisions1764500000040 } from '../migrations/1764500000040-plan-revisions';
import { PlanScenarioTypes1764500000051 } from '../migrations/1764500000051-plan-scenario-types';
import { PlanRevisionBackfill1764500000081 } from '../migrations/1764500000081-plan-revision-backfill';
import type { EducationDeps } from '../service';
import { EMERGENCY_PLAN_POLICY } from './emergency-plan.access';
import { EmergencyPlanEntity } from './emergency-plan.entity';
import { EmergencyPlanResolver } from './emergency-plan.resolver';
import { EmergencyPlanService } from './emergency-plan.service';
import { OrgUnitPlansResolver } from './org-unit-plans.resolver';
import { PlanReviewReads } from './plan-review';
import { PlanReviewResolver } from './plan-review.resolver';
import { EmergencyPlanRevisionEntity } from './plan-revision.entity';

/** 应急预案: the register of a unit's emergency plans with their revisions and review cycle, and OrgUnit.emergencyPlans. */
export const EMERGENCY_PLANS_MODULE: FeatureModule<EducationDeps> = {
  name: 'emergency-plans',
  entities: [EmergencyPlanEntity, EmergencyPlanRevisionEntity],
  migrations: [Initial1764000000000, PlanRevisions1764500000040, PlanScenarioTypes1764500000051, PlanRevisionBackfill1764500000081],
  scopedTables: ['emergency_plan'],
  policies: [EMERGENCY_PLAN_POLICY],
  resolvers: ({ dataSource, directory, settings }) => {
    const plans = new EmergencyPlanService(dataSource, directory, settings);
    return [new EmergencyPlanResolver(plans), new OrgUnitPlansResolver(plans), new PlanReviewResolver(new PlanReviewReads(dataSource, directory, settings))];
  },
};
