import { TokenVerifier } from '@campus/auth';
import { Express } from 'express';
import { DataSource } from 'typeorm';
import { Evidence1764400000020 } from '../migrations/1764400000020-evidence';
import { EvidenceSettings } from './evidence-config';
import { mountEvidenceRoutes } from './evidence-http';
import { EvidenceQueries } from './evidence-queries';
import { HazardEvidenceResolver, HazardStepEvidenceResolver } from './evidence.resolver';
import { EvidenceService } from './evidence.service';
import { HazardEvidenceEntity } from './evidence.entity';

export { attachEvidenceToStep } from './evidence-steps';
export { evidenceSettings, evidenceVariables } from './evidence-config';
export type { EvidenceSettings } from './evidence-config';
export { HazardEvidenceEntity } from './evidence.entity';
export { EvidenceService } from './evidence.service';
export { HazardEvidenceResolver, HazardStepEvidenceResolver } from './evidence.resolver';

export const EVIDENCE_ENTITIES = [HazardEvidenceEntity];
export const EVIDENCE_MIGRATIONS = [Evidence1764400000020];
export const EVIDENCE_RESOLVERS = [HazardEvidenceResolver, HazardStepEvidenceResolver] as const;

/** The resolver instances, for the schema's container. */
export function createEvidenceResolvers(dataSource: DataSource): [Function, unknown][] {
  const queries = new EvidenceQueries(dataSource);
  return [
    [HazardEvidenceResolver, new HazardEvidenceResolver(queries)],
    [HazardStepEvidenceResolver, new HazardStepEvidenceResolver(queries)],
  ];
}

/** POST /evidence and GET /evidence/<id> on hazard-tracking's HTTP server. */
export function mountEvidence(app: Express, deps: { dataSource: DataSource; verifyToken: TokenVerifier }, settings: EvidenceSettings): void {
  const service = new EvidenceService(deps.dataSource, settings.createStore(), { maxBytes: settings.maxBytes });
  mountEvidenceRoutes(app, service, deps.verifyToken);
}
