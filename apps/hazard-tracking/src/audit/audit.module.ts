import { auditTrailModule, auditTrailOf, FeatureModule } from '@campus/server';
import type { HazardDeps } from '../service';
import { HazardFileEditsResolver } from './hazard-file-edits.resolver';

const TRAIL = auditTrailModule<HazardDeps>('hazardAuditTrail');

/** The audit trail of hazard-tracking: the root query hazardAuditTrail and the edits in a hazard's file. */
export const HAZARD_AUDIT_MODULE: FeatureModule<HazardDeps> = {
  name: 'audit',
  resolvers: (deps) => [...(TRAIL.resolvers?.(deps) ?? []), new HazardFileEditsResolver(auditTrailOf(deps))],
};
