import { buildFederatedSchema, ORG_UNIT_REFERENCE_RESOLVER } from '@campus/graphql';
import { OrgUnitDirectory } from '@campus/org-directory';
import { OutboxSignal } from '@campus/events';
import { GraphQLSchema } from 'graphql';
import { DataSource } from 'typeorm';
import { HazardEscalationsResolver } from './escalation';
import { HazardExportResolver } from './hazards/hazard-exports';
import { HazardLoopResolver } from './hazards/hazard-loop.resolver';
import { HazardLoopOptions, HazardLoopService } from './hazards/hazard-loop.service';
import { HazardResolver } from './hazards/hazard.resolver';
import { HazardService } from './hazards/hazard.service';
import { createEvidenceResolvers, EVIDENCE_RESOLVERS } from './evidence';
import { CAMPAIGN_RESOLVERS, createCampaignResolvers } from './campaigns';
import { createIncidentResolver, IncidentResolver } from './incidents';
import { createInspectionResolvers, INSPECTION_RESOLVERS } from './inspections';
import { OrgUnitHazardsResolver } from './org-units/org-unit-hazards.resolver';
import { RiskPointResolver } from './risk-points/risk-point.resolver';
import { RiskPointService } from './risk-points/risk-point.service';

export const RESOLVERS = [
  HazardResolver,
  HazardLoopResolver,
  HazardExportResolver,
  HazardEscalationsResolver,
  RiskPointResolver,
  IncidentResolver,
  OrgUnitHazardsResolver,
  ...EVIDENCE_RESOLVERS,
  ...INSPECTION_RESOLVERS,
  ...CAMPAIGN_RESOLVERS,
] as const;

export function buildHazardSchema(
  dataSource: DataSource,
  directory: OrgUnitDirectory,
  outbox: OutboxSignal,
  loopOptions: HazardLoopOptions = {},
): Promise<GraphQLSchema> {
  const hazards = new HazardService(dataSource, directory, outbox);
  const loop = new HazardLoopService(dataSource, outbox, loopOptions);
  const instances = new Map<Function, unknown>([
    [HazardResolver, new HazardResolver(hazards)],
    [HazardLoopResolver, new HazardLoopResolver(loop)],
    [HazardExportResolver, new HazardExportResolver(dataSource, hazards, loop)],
    [HazardEscalationsResolver, new HazardEscalationsResolver(dataSource)],
    [RiskPointResolver, new RiskPointResolver(new RiskPointService(dataSource, directory))],
    [IncidentResolver, createIncidentResolver(dataSource, directory, outbox)],
    [OrgUnitHazardsResolver, new OrgUnitHazardsResolver(hazards, dataSource, directory)],
    ...createEvidenceResolvers(dataSource),
    ...createInspectionResolvers(dataSource, directory, outbox),
    ...createCampaignResolvers(dataSource, directory),
  ]);
  return buildFederatedSchema(
    { resolvers: RESOLVERS, container: { get: (resolverClass) => instances.get(resolverClass) } },
    ORG_UNIT_REFERENCE_RESOLVER,
  );
}
