import { FeatureModule, ServiceBase } from '../feature-module';
import { AuditLog1765000001300 } from './audit.migration';
import { auditTrailOf, auditTrailResolver } from './audit-trail.resolver';

/** The audit_log table of every service (the kit adds it, with the recorder, to every service). */
export const AUDIT_LOG_MODULE: FeatureModule = {
  name: 'audit-log',
  migrations: [AuditLog1765000001300],
};

/**
 * The service's query of its audit trail, named for the service (see auditTrailResolver): one line in the
 * service's module list, e.g. `auditTrailModule('hazardAuditTrail')`.
 */
export function auditTrailModule<Deps extends ServiceBase>(fieldName: string): FeatureModule<Deps> {
  const resolverClass = auditTrailResolver(fieldName) as new (trail: unknown) => object;
  return {
    name: `audit-trail:${fieldName}`,
    resolvers: (deps) => [new resolverClass(auditTrailOf(deps))],
  };
}
