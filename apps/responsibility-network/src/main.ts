import 'reflect-metadata';
import { runSubgraphService } from '@campus/server';
import { bootstrapIfEmpty } from './accounts/bootstrap';
import { bootstrapSettings, loadResponsibilityConfig } from './config';
import { ENTITIES, MIGRATIONS } from './database';
import { buildResponsibilitySchema } from './schema';

void runSubgraphService(() => {
  const config = loadResponsibilityConfig();
  return {
    name: 'responsibility-network',
    config,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    afterMigrate: async (dataSource, logger) => {
      const settings = bootstrapSettings(config);
      if (settings && (await bootstrapIfEmpty(dataSource, settings))) {
        logger.info({ rootCode: settings.rootCode, admin: settings.adminUsername }, 'bootstrapped an empty organisation');
      }
    },
    createSchema: (dataSource, outbox) =>
      buildResponsibilitySchema(dataSource, { jwtSecret: config.JWT_SECRET, ttlSeconds: config.TOKEN_TTL_SECONDS }, outbox),
  };
});
