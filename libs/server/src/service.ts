import { createTokenVerifier } from '@campus/auth';
import { ConfigError } from '@campus/config';
import { openDatabase } from '@campus/database';
import { createLogger, Logger } from '@campus/logger';
import { GraphQLSchema } from 'graphql';
import { DataSource, EntitySchema, MixedList } from 'typeorm';
import { stopOnSignals } from './shutdown';
import { startSubgraphServer } from './subgraph';

export interface SubgraphServiceConfig {
  PORT: number;
  HOST: string;
  MYSQL_URL: string;
  DATABASE_NAME: string;
  DB_POOL_SIZE: number;
  JWT_SECRET?: string;
  JWKS_URL?: string;
  LOG_LEVEL: string;
}

export interface SubgraphService {
  name: string;
  config: SubgraphServiceConfig;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  /** Runs after migrations, before serving (e.g. bootstrap data). */
  afterMigrate?: (dataSource: DataSource, logger: Logger) => Promise<void>;
  createSchema: (dataSource: DataSource) => Promise<GraphQLSchema>;
}

/** Loads config, migrates, serves, and stops cleanly: the whole life of a subgraph process. */
export async function runSubgraphService(loadService: () => SubgraphService): Promise<void> {
  let service: SubgraphService;
  try {
    service = loadService();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const { config } = service;
  const logger = createLogger(service.name, config.LOG_LEVEL);
  try {
    const dataSource = await openDatabase({
      mysqlUrl: config.MYSQL_URL,
      database: config.DATABASE_NAME,
      entities: service.entities,
      migrations: service.migrations,
      poolSize: config.DB_POOL_SIZE,
    });
    logger.info({ database: config.DATABASE_NAME }, 'database migrated');
    await service.afterMigrate?.(dataSource, logger);
    const server = await startSubgraphServer({
      name: service.name,
      port: config.PORT,
      host: config.HOST,
      schema: await service.createSchema(dataSource),
      verifyToken: createTokenVerifier({ jwtSecret: config.JWT_SECRET, jwksUrl: config.JWKS_URL }),
      logger,
      readiness: async () => {
        await dataSource.query('SELECT 1');
      },
    });
    stopOnSignals(async () => {
      await server.stop();
      logger.info('http server stopped');
      await dataSource.destroy();
    }, logger);
  } catch (error) {
    logger.fatal({ err: error }, 'failed to start');
    process.exit(1);
  }
}
