import { createTokenVerifier, TokenVerifier } from '@campus/auth';
import { ConfigError } from '@campus/config';
import { openDatabase } from '@campus/database';
import { EventConsumer, EventHandler, kafkaTransport, OutboxRelay, OutboxSignal, ServiceName } from '@campus/events';
import { createLogger, Logger } from '@campus/logger';
import type express from 'express';
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
  KAFKA_BROKERS: string;
  KAFKA_TOPIC_PARTITIONS: number;
  JWT_SECRET?: string;
  JWKS_URL?: string;
  LOG_LEVEL: string;
}

export interface SubgraphService {
  name: ServiceName;
  config: SubgraphServiceConfig;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  /** Runs after migrations, before serving (e.g. bootstrap data). */
  afterMigrate?: (dataSource: DataSource, logger: Logger) => Promise<void>;
  createSchema: (dataSource: DataSource, outbox: OutboxSignal) => Promise<GraphQLSchema>;
  /** Events this service applies from others (its consumer group is the service name). */
  eventHandlers?: (dataSource: DataSource) => EventHandler<unknown>[];
  /** Periodic work (e.g. overdue escalation); must be safe with several instances running. */
  backgroundJobs?: (dataSource: DataSource, outbox: OutboxSignal, logger: Logger) => BackgroundJob[];
  /** Plain HTTP routes beside /graphql (e.g. file uploads); they verify the token themselves. */
  httpRoutes?: (app: express.Express, deps: HttpRouteDeps) => void;
}

export interface HttpRouteDeps {
  dataSource: DataSource;
  verifyToken: TokenVerifier;
  logger: Logger;
}

export interface BackgroundJob {
  start(): void;
  /** Lets a run in progress finish. */
  stop(): Promise<void>;
}

/**
 * Loads config, migrates, serves, relays the outbox and consumes events, and stops cleanly: the whole
 * life of a subgraph process.
 */
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

    const transport = kafkaTransport({
      brokers: config.KAFKA_BROKERS.split(',').map((broker) => broker.trim()),
      clientId: service.name,
      logger,
      topicPartitions: config.KAFKA_TOPIC_PARTITIONS,
    });
    const relay = new OutboxRelay(dataSource, await transport.publisher(), { logger, lockName: `${config.DATABASE_NAME}.outbox-relay` });
    relay.start();
    const handlers = service.eventHandlers?.(dataSource) ?? [];
    const consumer = handlers.length ? new EventConsumer(dataSource, transport, handlers, { groupId: service.name, logger }) : null;
    await consumer?.start();
    const outbox: OutboxSignal = { eventsRecorded: () => relay.notify() };
    const jobs = service.backgroundJobs?.(dataSource, outbox, logger) ?? [];
    jobs.forEach((job) => job.start());

    const verifyToken = createTokenVerifier({ jwtSecret: config.JWT_SECRET, jwksUrl: config.JWKS_URL });
    const { httpRoutes } = service;
    const server = await startSubgraphServer({
      name: service.name,
      port: config.PORT,
      host: config.HOST,
      schema: await service.createSchema(dataSource, outbox),
      verifyToken,
      logger,
      httpRoutes: httpRoutes && ((app) => httpRoutes(app, { dataSource, verifyToken, logger })),
      readiness: async () => {
        await dataSource.query('SELECT 1');
        await transport.ping();
      },
    });
    stopOnSignals(async () => {
      await server.stop();
      logger.info('http server stopped');
      await Promise.all(jobs.map((job) => job.stop()));
      await consumer?.stop();
      await relay.stop();
      await transport.close();
      await dataSource.destroy();
    }, logger);
  } catch (error) {
    logger.fatal({ err: error }, 'failed to start');
    process.exit(1);
  }
}
