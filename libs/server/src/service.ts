import { createTokenVerifier, refusingRevoked } from '@campus/auth';
import { ConfigError, isProduction, RuntimeMode, serviceEntry, ServiceEntry, ServiceName } from '@campus/config';
import { openDatabase } from '@campus/database';
import { EventConsumer, kafkaTransport, OutboxRelay, OutboxSignal } from '@campus/events';
import { createLogger } from '@campus/logger';
import { accessRevocationsOf } from './kit/access-revocations';
import { FeatureModule, moduleEntities, moduleMigrations, ServiceBase } from './kit/feature-module';
import { buildModuleSchema, serviceBase, withKitModules } from './kit/module-schema';
import { consumeInBackground } from './background-consumer';
import { PhaseClock } from './phase-clock';
import { stopOnSignals } from './shutdown';
import { startSubgraphServer } from './subgraph';

export type { BackgroundJob } from './kit/feature-module';

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
  NODE_ENV: RuntimeMode;
  GATEWAY_SECRET?: string;
  LOG_LEVEL: string;
}

/**
 * A service: its registry name, its modules, its configuration and the parts its modules share (e.g. the
 * org directory). Everything else — database, schema, consumers, jobs, routes — the kit builds from the modules.
 */
export interface ServiceDefinition<Config extends SubgraphServiceConfig, Deps extends ServiceBase> {
  name: ServiceName;
  modules: readonly FeatureModule<Deps>[];
  /** Reads and validates the environment, with the registry's port and database as defaults. */
  loadConfig: (entry: ServiceEntry) => Config;
  /** The service's shared parts, built once per process from the base and the configuration. */
  dependencies: (base: ServiceBase, config: Config) => Deps;
  /** Runs after migrations, before serving (e.g. bootstrap data). */
  afterMigrate?: (deps: Deps, config: Config) => Promise<void>;
}

/**
 * Loads config, migrates, serves, relays the outbox and consumes events, runs the jobs and stops
 * cleanly: the whole life of a subgraph process, from its definition.
 */
export async function runSubgraphService<Config extends SubgraphServiceConfig, Deps extends ServiceBase>(
  definition: ServiceDefinition<Config, Deps>,
): Promise<void> {
  // Where the start spends its time, logged once serving (bench/reports/restart.md reads it).
  const startup = new PhaseClock('process start');
  let config: Config;
  try {
    config = definition.loadConfig(serviceEntry(definition.name));
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const name = definition.name;
  const modules = withKitModules(definition.modules);
  const logger = createLogger(name, config.LOG_LEVEL);
  startup.end('modules');
  try {
    const dataSource = await openDatabase({
      mysqlUrl: config.MYSQL_URL,
      database: config.DATABASE_NAME,
      entities: moduleEntities(modules),
      migrations: moduleMigrations(modules),
      poolSize: config.DB_POOL_SIZE,
    });
    logger.info({ database: config.DATABASE_NAME }, 'database migrated');
    startup.end('database');

    const transport = kafkaTransport({
      brokers: config.KAFKA_BROKERS.split(',').map((broker) => broker.trim()),
      clientId: name,
      logger,
      topicPartitions: config.KAFKA_TOPIC_PARTITIONS,
    });
    const relay = new OutboxRelay(dataSource, await transport.publisher(), { logger, lockName: `${config.DATABASE_NAME}.outbox-relay` });
    const outbox: OutboxSignal = { eventsRecorded: () => relay.notify() };
    const deps = definition.dependencies(serviceBase(modules, dataSource, outbox, logger), config);
    await definition.afterMigrate?.(deps, config);
    startup.end('bootstrap');

    const handlers = modules.flatMap((module) => module.eventHandlers?.(deps) ?? []);
    const consumer = handlers.length ? new EventConsumer(dataSource, transport, handlers, { groupId: name, logger }) : null;
    const jobs = modules.flatMap((module) => module.jobs?.(deps) ?? []);

    // Revoked sessions and accounts are refused here, for GraphQL and routes alike (kit/access-revocations.ts).
    const [schema] = await Promise.all([buildModuleSchema(modules, deps), accessRevocationsOf(deps).refresh()]);
    startup.end('schema');
    const verifyToken = refusingRevoked(createTokenVerifier({ jwtSecret: config.JWT_SECRET, jwksUrl: config.JWKS_URL }), accessRevocationsOf(deps));
    const server = await startSubgraphServer({
      name,
      port: config.PORT,
      host: config.HOST,
      production: isProduction(config),
      gatewaySecret: config.GATEWAY_SECRET,
      schema,
      verifyToken,
      logger,
      httpRoutes: (app) => modules.forEach((module) => module.routes?.(app, { ...deps, verifyToken })),
      readiness: async () => {
        await dataSource.query('SELECT 1');
        await transport.ping();
        return { events: consuming?.joined() === false ? 'joining' : 'consuming' };
      },
    });
    startup.end('http');
    // The API first: the relay's and the jobs' first runs, and joining the consumer group (up to a dead
    // member's session after a crash), start once it serves and do not compete with the start for CPU.
    relay.start();
    jobs.forEach((job) => job.start());
    const consuming = consumer ? consumeInBackground(consumer, logger) : null;
    const { user, system } = process.cpuUsage();
    logger.info({ startupMs: startup.phases, totalMs: startup.totalMs, cpuMs: Math.round((user + system) / 1000) }, 'serving; relay, jobs and consumer started');
    stopOnSignals(async () => {
      const stopping = new PhaseClock();
      await server.stop();
      stopping.end('http');
      await Promise.all(jobs.map((job) => job.stop()));
      stopping.end('jobs');
      await consumer?.stop();
      stopping.end('consumer');
      await relay.stop();
      stopping.end('relay');
      await transport.close();
      await dataSource.destroy();
      stopping.end('connections');
      logger.info({ stopMs: stopping.phases }, 'resources released');
    }, logger);
  } catch (error) {
    logger.fatal({ err: error }, 'failed to start');
    process.exit(1);
  }
}
