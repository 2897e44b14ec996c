import { buildFederatedSchema, ORG_UNIT_REFERENCE_RESOLVER } from '@campus/graphql';
import { OrgUnitDirectory } from '@campus/org-directory';
import { GraphQLSchema } from 'graphql';
import { DataSource } from 'typeorm';
import { EmergencyPlanResolver } from './emergency-plans/emergency-plan.resolver';
import { EmergencyPlanService } from './emergency-plans/emergency-plan.service';
import { OrgUnitPlansResolver } from './org-units/org-unit-plans.resolver';

export const RESOLVERS = [EmergencyPlanResolver, OrgUnitPlansResolver] as const;

export function buildEducationSchema(dataSource: DataSource, directory: OrgUnitDirectory): Promise<GraphQLSchema> {
  const plans = new EmergencyPlanService(dataSource, directory);
  const instances = new Map<Function, unknown>([
    [EmergencyPlanResolver, new EmergencyPlanResolver(plans)],
    [OrgUnitPlansResolver, new OrgUnitPlansResolver(plans)],
  ]);
  return buildFederatedSchema(
    { resolvers: RESOLVERS, container: { get: (resolverClass) => instances.get(resolverClass) } },
    ORG_UNIT_REFERENCE_RESOLVER,
  );
}
