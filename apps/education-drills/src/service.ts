import { loadSubgraphConfig, orgDirectoryUrlVar } from '@campus/config';
import { NO_OUTBOX_SIGNAL, OutboxSignal } from '@campus/events';
import { ORG_PROJECTION_MODULE, OrgUnitDirectory, serviceOrgDirectory } from '@campus/org-directory';
import { buildModuleSchema, FeatureModule, ServiceBase, serviceBase, ServiceDefinition } from '@campus/server';
import { GraphQLSchema } from 'graphql';
import { DataSource } from 'typeorm';
import { EMERGENCY_PLANS_MODULE } from './emergency-plans/emergency-plans.module';

/** What education-drills' modules share: the org directory (its projection, then responsibility-network). */
export interface EducationDeps extends ServiceBase {
  directory: OrgUnitDirectory;
}

export const EDUCATION_MODULES: readonly FeatureModule<EducationDeps>[] = [EMERGENCY_PLANS_MODULE, ORG_PROJECTION_MODULE];

const loadConfig = (entry: { port: number; database: string }) => loadSubgraphConfig(entry, { ORG_DIRECTORY_URL: orgDirectoryUrlVar });

export const EDUCATION_SERVICE: ServiceDefinition<ReturnType<typeof loadConfig>, EducationDeps> = {
  name: 'education-drills',
  modules: EDUCATION_MODULES,
  loadConfig,
  dependencies: (base, config) => ({ ...base, directory: serviceOrgDirectory(base.dataSource, config.ORG_DIRECTORY_URL) }),
};

/** The subgraph schema with a given directory: tests and the schema printer. */
export function buildEducationSchema(dataSource: DataSource, directory: OrgUnitDirectory, outbox: OutboxSignal = NO_OUTBOX_SIGNAL): Promise<GraphQLSchema> {
  return buildModuleSchema(EDUCATION_MODULES, { ...serviceBase(EDUCATION_MODULES, dataSource, outbox), directory });
}
