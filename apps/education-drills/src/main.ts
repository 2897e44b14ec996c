import 'reflect-metadata';
import { loadSubgraphConfig, orgDirectoryUrlVar } from '@campus/config';
import { httpOrgUnitDirectory, orgProjectionHandlers, projectedOrgUnitDirectory } from '@campus/org-directory';
import { runSubgraphService } from '@campus/server';
import { ENTITIES, MIGRATIONS, SCOPED_TABLES } from './database';
import { buildEducationSchema } from './schema';

void runSubgraphService(() => {
  const config = loadSubgraphConfig({ port: 4003, database: 'campus_education' }, { ORG_DIRECTORY_URL: orgDirectoryUrlVar });
  return {
    name: 'education-drills',
    config,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    createSchema: (dataSource) =>
      buildEducationSchema(dataSource, projectedOrgUnitDirectory(dataSource, httpOrgUnitDirectory(config.ORG_DIRECTORY_URL))),
    eventHandlers: () => orgProjectionHandlers(SCOPED_TABLES),
  };
});
