import { OutboxSignal } from '@campus/events';
import { ReferenceResolvers } from '@campus/graphql';
import { DataSource } from 'typeorm';
import { OrgUnitService } from './org-units/org-unit.service';
import { PersonService } from './people/person.service';

/** What a feature area (places and grids, letters, duty, posts and groups) needs from the core. */
export interface ModuleDependencies {
  dataSource: DataSource;
  outbox: OutboxSignal;
  orgUnits: OrgUnitService;
  people: PersonService;
}

/**
 * A feature area of responsibility-network: its entities, migrations and resolvers. schema.ts and
 * database.ts assemble the service from the core plus every module.
 */
export interface ResponsibilityModule {
  entities: Function[];
  migrations: Function[];
  resolverClasses: Function[];
  /** Columns holding a materialised org path, rewritten when a unit moves (e.g. post.org_path). */
  orgPathColumns?: { table: string; column: string }[];
  /** Resolver instances, keyed by their class. */
  createResolvers(dependencies: ModuleDependencies): Map<Function, unknown>;
  /** __resolveReference for the federation entities the module owns (e.g. Place, Grid). */
  referenceResolvers?(dependencies: ModuleDependencies): ReferenceResolvers;
}
