import { TokenVerifier } from '@campus/auth';
import { FeatureModule } from '@campus/server';
import { Express } from 'express';
import { DataSource } from 'typeorm';
import { Evidence1764400000020 } from '../migrations/1764400000020-evidence';
import type { HazardDeps } from '../service';
import { EvidenceSettings } from './evidence-config';
import { mountEvidenceRoutes } from './evidence-http';
import { EvidenceQueries } from './evidence-queries';
import { EVIDENCE_POLICY, EVIDENCE_UPLOAD_POLICY } from './evidence.access';
import { HazardEvidenceEntity } from './evidence.entity';
import { HazardEvidenceResolver, HazardStepEvidenceResolver } from './evidence.resolver';
import { EvidenceService } from './evidence.service';

/** POST /evidence and GET /evidence/<id> on hazard-tracking's HTTP server. */
export function mountEvidence(app: Express, deps: { dataSource: DataSource; verifyToken: TokenVerifier }, settings: EvidenceSettings): void {
  const service = new EvidenceService(deps.dataSource, settings.createStore(), { maxBytes: settings.maxBytes });
  mountEvidenceRoutes(app, service, deps.verifyToken);
}

/** 佐证材料: before/after photos and documents of a hazard, uploaded and downloaded over HTTP; Hazard.evidence. */
export const EVIDENCE_MODULE: FeatureModule<HazardDeps> = {
  name: 'evidence',
  entities: [HazardEvidenceEntity],
  migrations: [Evidence1764400000020],
  scopedTables: ['hazard_evidence'],
  policies: [EVIDENCE_POLICY, EVIDENCE_UPLOAD_POLICY],
  resolvers: ({ dataSource }) => {
    const queries = new EvidenceQueries(dataSource);
    return [new HazardEvidenceResolver(queries), new HazardStepEvidenceResolver(queries)];
  },
  routes: (app, deps) => {
    if (deps.settings.evidence) mountEvidence(app, deps, deps.settings.evidence);
  },
};
