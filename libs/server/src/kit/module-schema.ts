import { EVENT_ENTITIES, EventTables1764100000000, OutboxSignal } from '@campus/events';
import { buildFederatedSchema } from '@campus/graphql';
import { createLogger, Logger } from '@campus/logger';
import { GraphQLSchema } from 'graphql';
import { DataSource } from 'typeorm';
import { ACCESS_REVOCATIONS_MODULE } from './access-revocations';
import { auditMutations } from './audit/audit-context';
import { recordAuditTrail } from './audit/audit-recorder';
import { AUDIT_LOG_MODULE } from './audit/audit.module';
import { CLIENT_REQUESTS_MODULE } from './client-requests';
import { FeatureModule, moduleScopedColumns, ServiceBase } from './feature-module';

/** Every service has an outbox, an inbox and a dead-letter table: the kit adds them to each service. */
export const EVENT_TABLES_MODULE: FeatureModule = {
  name: 'event-tables',
  entities: EVENT_ENTITIES,
  migrations: [EventTables1764100000000],
};

/** The modules of a service as the kit runs them: the service's own plus the event tables, token revocations, client requests and the audit log. */
export function withKitModules<Deps extends ServiceBase>(modules: readonly FeatureModule<Deps>[]): FeatureModule<Deps>[] {
  return [...modules, EVENT_TABLES_MODULE, ACCESS_REVOCATIONS_MODULE, CLIENT_REQUESTS_MODULE, AUDIT_LOG_MODULE];
}

/**
 * The base every module is given; a silent logger unless one is passed (tests, the schema printer). From here
 * on the data source's writes are recorded in its audit_log (kit/audit), when it has one.
 */
export function serviceBase(
  modules: readonly FeatureModule<never>[],
  dataSource: DataSource,
  outbox: OutboxSignal,
  logger: Logger = createLogger('module-kit', 'silent'),
): ServiceBase {
  recordAuditTrail(dataSource);
  return { dataSource, outbox, logger, scopedColumns: moduleScopedColumns(modules) };
}

/**
 * The subgraph schema of a list of modules: their resolver instances (one per class) and reference
 * resolvers. Pure given its inputs: the service, its tests and the schema printer all build it this way.
 */
export async function buildModuleSchema<Deps extends ServiceBase>(modules: readonly FeatureModule<Deps>[], deps: Deps): Promise<GraphQLSchema> {
  const instances = new Map<Function, object>();
  for (const module of modules) {
    for (const resolver of module.resolvers?.(deps) ?? []) {
      if (instances.has(resolver.constructor)) throw new Error(`${module.name}: resolver ${resolver.constructor.name} is declared twice`);
      instances.set(resolver.constructor, resolver);
    }
  }
  const classes = [...instances.keys()];
  if (!classes.length) throw new Error('a service needs at least one resolver');
  const references = Object.assign({}, ...modules.map((module) => module.referenceResolvers?.(deps) ?? {}));
  // Every mutation runs as its viewer, for the audit trail (kit/audit/audit-context.ts).
  const schema = await buildFederatedSchema(
    {
      resolvers: classes as [Function, ...Function[]],
      orphanedTypes: modules.flatMap((module) => module.types ?? []),
      container: { get: (resolverClass) => instances.get(resolverClass) },
    },
    references,
    modules.map((module) => module.externalFields ?? '').join('\n'),
  );
  return auditMutations(schema);
}
