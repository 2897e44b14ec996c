import { buildFederatedSchema, ORG_UNIT_REFERENCE_RESOLVER } from '@campus/graphql';
import { OrgUnitDirectory } from '@campus/org-directory';
import { OutboxSignal } from '@campus/events';
import { GraphQLSchema } from 'graphql';
import { DataSource } from 'typeorm';
import { HazardResolver } from './hazards/hazard.resolver';
import { HazardService } from './hazards/hazard.service';
import { OrgUnitHazardsResolver } from './org-units/org-unit-hazards.resolver';

export const RESOLVERS = [HazardResolver, OrgUnitHazardsResolver] as const;

export function buildHazardSchema(dataSource: DataSource, directory: OrgUnitDirectory, outbox: OutboxSignal): Promise<GraphQLSchema> {
  const hazards = new HazardService(dataSource, directory, outbox);
  const instances = new Map<Function, unknown>([
    [HazardResolver, new HazardResolver(hazards)],
    [OrgUnitHazardsResolver, new OrgUnitHazardsResolver(hazards)],
  ]);
  return buildFederatedSchema(
    { resolvers: RESOLVERS, container: { get: (resolverClass) => instances.get(resolverClass) } },
    ORG_UNIT_REFERENCE_RESOLVER,
  );
}
