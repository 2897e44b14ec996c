import 'reflect-metadata';
import { loadSubgraphConfig, orgDirectoryUrlVar } from '@campus/config';
import { httpOrgUnitDirectory } from '@campus/org-directory';
import { runSubgraphService } from '@campus/server';
import { ENTITIES, MIGRATIONS } from './database';
import { buildEducationSchema } from './schema';

void runSubgraphService(() => {
  const config = loadSubgraphConfig({ port: 4003, database: 'campus_education' }, { ORG_DIRECTORY_URL: orgDirectoryUrlVar });
  return {
    name: 'education-drills',
    config,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    createSchema: (dataSource) => buildEducationSchema(dataSource, httpOrgUnitDirectory(config.ORG_DIRECTORY_URL)),
  };
});
