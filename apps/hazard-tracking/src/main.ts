import 'reflect-metadata';
import { loadSubgraphConfig, orgDirectoryUrlVar } from '@campus/config';
import { httpOrgUnitDirectory } from '@campus/org-directory';
import { runSubgraphService } from '@campus/server';
import { ENTITIES, MIGRATIONS } from './database';
import { buildHazardSchema } from './schema';

void runSubgraphService(() => {
  const config = loadSubgraphConfig({ port: 4002, database: 'campus_hazard' }, { ORG_DIRECTORY_URL: orgDirectoryUrlVar });
  return {
    name: 'hazard-tracking',
    config,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    createSchema: (dataSource) => buildHazardSchema(dataSource, httpOrgUnitDirectory(config.ORG_DIRECTORY_URL)),
  };
});
