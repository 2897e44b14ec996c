import 'reflect-metadata';
import { intVar, loadSubgraphConfig, orgDirectoryUrlVar } from '@campus/config';
import { httpOrgUnitDirectory, orgProjectionHandlers, projectedOrgUnitDirectory } from '@campus/org-directory';
import { runSubgraphService } from '@campus/server';
import { ENTITIES, MIGRATIONS, SCOPED_TABLES } from './database';
import { OverdueEscalator } from './escalation';
import { buildHazardSchema } from './schema';

void runSubgraphService(() => {
  const config = loadSubgraphConfig(
    { port: 4002, database: 'campus_hazard' },
    {
      ORG_DIRECTORY_URL: orgDirectoryUrlVar,
      SCHEDULER_INTERVAL_SECONDS: intVar('seconds between runs of the background jobs (overdue escalation, campaign snapshots)', 60, { min: 1, max: 3600 }),
      RECTIFICATION_HORIZON_DAYS: intVar('days to a rectification deadline beyond which interim control measures are required', 7, { min: 0, max: 365 }),
    },
  );
  return {
    name: 'hazard-tracking',
    config,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    createSchema: (dataSource, outbox) =>
      buildHazardSchema(dataSource, projectedOrgUnitDirectory(dataSource, httpOrgUnitDirectory(config.ORG_DIRECTORY_URL)), outbox, {
        rectificationHorizonDays: config.RECTIFICATION_HORIZON_DAYS,
      }),
    eventHandlers: () => orgProjectionHandlers(SCOPED_TABLES),
    backgroundJobs: (dataSource, outbox, logger) => [
      new OverdueEscalator(dataSource, outbox, logger, { intervalMs: config.SCHEDULER_INTERVAL_SECONDS * 1000 }),
    ],
  };
});
