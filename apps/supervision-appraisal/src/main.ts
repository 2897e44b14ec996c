import 'reflect-metadata';
import { loadSubgraphConfig, orgDirectoryUrlVar } from '@campus/config';
import { httpOrgUnitDirectory, orgProjectionHandlers, projectedOrgUnitDirectory } from '@campus/org-directory';
import { runSubgraphService } from '@campus/server';
import { ENTITIES, MIGRATIONS, SCOPED_TABLES } from './database';
import { hazardCountHandlers } from './hazard-counts/hazard-count.handlers';
import { buildAppraisalSchema } from './schema';

void runSubgraphService(() => {
  const config = loadSubgraphConfig({ port: 4004, database: 'campus_appraisal' }, { ORG_DIRECTORY_URL: orgDirectoryUrlVar });
  return {
    name: 'supervision-appraisal',
    config,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    createSchema: (dataSource) =>
      buildAppraisalSchema(dataSource, projectedOrgUnitDirectory(dataSource, httpOrgUnitDirectory(config.ORG_DIRECTORY_URL))),
    eventHandlers: () => [...orgProjectionHandlers(SCOPED_TABLES), ...hazardCountHandlers()],
  };
});
