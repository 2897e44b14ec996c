import type { TokenVerifier } from '@campus/auth';
import type { EventHandler, OutboxSignal } from '@campus/events';
import type { ReferenceResolvers } from '@campus/graphql';
import type { Logger } from '@campus/logger';
import type express from 'express';
import type { DataSource } from 'typeorm';
import type { AccessPolicy } from './access-policy';

/** A column holding a materialised org path, rewritten when a unit moves. */
export interface ScopedColumn {
  table: string;
  column: string;
}

/** What every module of every service is given; a service adds its own shared parts (see ServiceDefinition). */
export interface ServiceBase {
  dataSource: DataSource;
  outbox: OutboxSignal;
  logger: Logger;
  /** Every module's org path columns: they follow a moved unit. */
  scopedColumns: readonly ScopedColumn[];
}

/** A background job of the service; it must be safe with several instances running. */
export interface BackgroundJob {
  start(): void;
  /** Lets a run in progress finish. */
  stop(): Promise<void>;
}

export interface RouteDependencies {
  verifyToken: TokenVerifier;
}

/**
 * One aggregate (or one feature area) of a service, declared in its folder's `*.module.ts`: everything the
 * service needs to know to store, serve, guard and run it. The service is its registry entry plus the
 * list of these; the data source, schema, schema printer, consumers, jobs, routes and the printed access
 * policy are all built from that list.
 */
export interface FeatureModule<Deps extends ServiceBase = ServiceBase> {
  name: string;
  /** TypeORM entity classes. */
  entities?: readonly Function[];
  /** Migration classes; TypeORM runs them in timestamp order whatever module declares them. */
  migrations?: readonly Function[];
  /** Tables whose rows carry an org_path that must follow a moved unit (or other path columns, by name). */
  scopedTables?: readonly (string | ScopedColumn)[];
  /** Instances of the module's type-graphql resolver classes. */
  resolvers?: (deps: Deps) => object[];
  /** Types no resolver returns but the schema must print (e.g. an entity the module only contributes fields to). */
  types?: readonly Function[];
  /** `__resolveReference` of the federation entities the module owns. */
  referenceResolvers?: (deps: Deps) => ReferenceResolvers;
  /**
   * SDL of other subgraphs' fields the module answers itself where its own fields `@provides` them, e.g.
   * `extend type OrgUnit { name: String! @external }` (the shared reference classes cannot declare them).
   */
  externalFields?: string;
  /** Events of other services (or its own) the module applies. */
  eventHandlers?: (deps: Deps) => EventHandler<unknown>[];
  /** Periodic work. */
  jobs?: (deps: Deps) => BackgroundJob[];
  /** Plain HTTP routes beside /graphql (uploads, downloads); they verify the token themselves. */
  routes?: (app: express.Express, deps: Deps & RouteDependencies) => void;
  /** Who may do what to the module's aggregates: printed by `npm run policy:write`. */
  policies?: readonly AccessPolicy[];
}

export function moduleEntities(modules: readonly FeatureModule<never>[]): Function[] {
  return modules.flatMap((module) => module.entities ?? []);
}

export function moduleMigrations(modules: readonly FeatureModule<never>[]): Function[] {
  return modules.flatMap((module) => module.migrations ?? []);
}

export function moduleScopedColumns(modules: readonly FeatureModule<never>[]): ScopedColumn[] {
  return modules.flatMap((module) => (module.scopedTables ?? []).map((entry) => (typeof entry === 'string' ? { table: entry, column: 'org_path' } : entry)));
}

export function modulePolicies(modules: readonly FeatureModule<never>[]): AccessPolicy[] {
  return modules.flatMap((module) => module.policies ?? []);
}

/**
 * One instance per service of something a module builds from the dependencies (a service class its resolvers,
 * reference resolvers and other modules share): the first call builds it, later calls with the same
 * dependencies get the same instance.
 */
export function perService<Deps extends object, T>(create: (deps: Deps) => T): (deps: Deps) => T {
  const instances = new WeakMap<Deps, T>();
  return (deps) => {
    if (!instances.has(deps)) instances.set(deps, create(deps));
    return instances.get(deps) as T;
  };
}
