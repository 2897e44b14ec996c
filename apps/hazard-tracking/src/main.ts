import 'reflect-metadata';
import { intVar, loadSubgraphConfig, orgDirectoryUrlVar } from '@campus/config';
import { httpOrgUnitDirectory, orgProjectionHandlers, projectedOrgUnitDirectory } from '@campus/org-directory';
import { PeriodicJob, runSubgraphService } from '@campus/server';
import { CampaignSnapshotFreezer } from './campaigns';
import { ENTITIES, MIGRATIONS, SCOPED_TABLES } from './database';
import { directoryProjectionHandlers } from './directory';
import { raisedHazardHandlers } from './intake/raised-hazards';
import { OverdueEscalator } from './escalation';
import { evidenceSettings, evidenceVariables, mountEvidence } from './evidence';
import { buildHazardSchema } from './schema';

void runSubgraphService(() => {
  const config = loadSubgraphConfig(
    { port: 4002, database: 'campus_hazard' },
    {
      ORG_DIRECTORY_URL: orgDirectoryUrlVar,
      SCHEDULER_INTERVAL_SECONDS: intVar('seconds between runs of the background jobs (overdue escalation, campaign snapshots)', 60, { min: 1, max: 3600 }),
      RECTIFICATION_HORIZON_DAYS: intVar('days to a rectification deadline beyond which interim control measures are required', 7, { min: 0, max: 365 }),
      ...evidenceVariables(),
    },
  );
  const evidence = evidenceSettings(config);
  return {
    name: 'hazard-tracking',
    config,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    createSchema: (dataSource, outbox) =>
      buildHazardSchema(dataSource, projectedOrgUnitDirectory(dataSource, httpOrgUnitDirectory(config.ORG_DIRECTORY_URL)), outbox, {
        rectificationHorizonDays: config.RECTIFICATION_HORIZON_DAYS,
      }),
    eventHandlers: () => [...orgProjectionHandlers(SCOPED_TABLES), ...directoryProjectionHandlers(), ...raisedHazardHandlers()],
    httpRoutes: (app, deps) => mountEvidence(app, deps, evidence),
    backgroundJobs: (dataSource, outbox, logger) => {
      const intervalMs = config.SCHEDULER_INTERVAL_SECONDS * 1000;
      const escalator = new OverdueEscalator(dataSource, outbox, logger);
      const freezer = new CampaignSnapshotFreezer(dataSource, logger);
      return [
        new PeriodicJob('hazard escalation', intervalMs, logger, () => escalator.runOnce()),
        new PeriodicJob('campaign snapshots', intervalMs, logger, async () => ({ frozen: await freezer.runOnce() })),
      ];
    },
  };
});
