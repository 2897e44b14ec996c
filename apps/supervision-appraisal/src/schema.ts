import { buildFederatedSchema, ORG_UNIT_REFERENCE_RESOLVER } from '@campus/graphql';
import { OrgUnitDirectory } from '@campus/org-directory';
import { GraphQLSchema } from 'graphql';
import { DataSource } from 'typeorm';
import { AppraisalSchemeResolver } from './appraisal-schemes/appraisal-scheme.resolver';
import { AppraisalSchemeService } from './appraisal-schemes/appraisal-scheme.service';
import { OrgUnitHazardCountsResolver } from './hazard-counts/hazard-count.resolver';
import { OrgUnitSchemesResolver } from './org-units/org-unit-schemes.resolver';

export const RESOLVERS = [AppraisalSchemeResolver, OrgUnitSchemesResolver, OrgUnitHazardCountsResolver] as const;

export function buildAppraisalSchema(dataSource: DataSource, directory: OrgUnitDirectory): Promise<GraphQLSchema> {
  const schemes = new AppraisalSchemeService(dataSource, directory);
  const instances = new Map<Function, unknown>([
    [AppraisalSchemeResolver, new AppraisalSchemeResolver(schemes)],
    [OrgUnitSchemesResolver, new OrgUnitSchemesResolver(schemes)],
    [OrgUnitHazardCountsResolver, new OrgUnitHazardCountsResolver(dataSource)],
  ]);
  return buildFederatedSchema(
    { resolvers: RESOLVERS, container: { get: (resolverClass) => instances.get(resolverClass) } },
    ORG_UNIT_REFERENCE_RESOLVER,
  );
}
