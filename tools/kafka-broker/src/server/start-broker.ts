import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { GroupCoordinator, GroupCoordinatorOptions } from '../groups/coordinator-api';
import { createGroupCoordinator } from '../groups/group-coordinator';
import { LogManager } from '../log/log-manager';
import { BrokerServices } from './broker-services';
import { BrokerConnection } from './connection';
import { BrokerLogger, silentLogger } from './logger';
import { defaultDataDir } from './repo-root';
import { createRequestRouter } from './request-router';
import { listenTcp } from './tcp-server';

export interface BrokerOptions {
  /** 0 picks a free port. Default 19092. */
  port?: number;
  /** Listen on this address only; by default dual-stack `::` (or 127.0.0.1 without IPv6). */
  listenHost?: string;
  /** Host put in Metadata and FindCoordinator answers. Default 127.0.0.1. */
  advertisedHost?: string;
  /** Port put in Metadata and FindCoordinator answers. Default: the port listened on. */
  advertisedPort?: number;
  /** Default `<repo>/.data/kafka`. */
  dataDir?: string;
  /** Partitions of auto-created topics and of CreateTopics with -1. Default 3. */
  defaultPartitions?: number;
  /** Let Metadata requests that allow it create unknown topics. Default true. */
  autoCreateTopics?: boolean;
  /** fsync each append. Default false (a clean stop keeps everything anyway). */
  fsyncOnAppend?: boolean;
  /** Kafka's group.initial.rebalance.delay.ms. Default 0. */
  initialRebalanceDelayMs?: number;
  logger?: BrokerLogger;
  /** Replaces the group coordinator (tests). */
  createCoordinator?: (options: GroupCoordinatorOptions) => Promise<GroupCoordinator>;
}

export interface RunningBroker {
  port: number;
  dataDir: string;
  /** Closes sockets, stops the coordinator and flushes and closes every log. */
  stop(): Promise<void>;
}

export const DEFAULT_PORT = 19092;
export const DEFAULT_PARTITIONS = 3;
const CLUSTER_ID = 'campus-dev-kafka';

/** Starts a single-node dev Kafka broker that kafkajs 2.2.4 accepts with default settings. */
export async function startBroker(options: BrokerOptions = {}): Promise<RunningBroker> {
  const logger = options.logger ?? silentLogger;
  const dataDir = path.resolve(options.dataDir ?? defaultDataDir());
  const logs = await LogManager.open({
    dataDir,
    defaultPartitions: options.defaultPartitions ?? DEFAULT_PARTITIONS,
    fsyncOnAppend: options.fsyncOnAppend ?? false,
  });
  const groupsDir = path.join(dataDir, 'groups');
  await fs.mkdir(groupsDir, { recursive: true });
  const coordinator = await (options.createCoordinator ?? createGroupCoordinator)({
    dataDir: groupsDir,
    initialRebalanceDelayMs: options.initialRebalanceDelayMs ?? 0,
    log: (message, fields) => logger.debug({ component: 'groups', ...fields }, message),
  }).catch(async (error: unknown) => {
    await logs.close();
    throw error;
  });
  const services: BrokerServices = {
    logs,
    coordinator,
    advertised: { host: options.advertisedHost ?? '127.0.0.1', port: 0 },
    autoCreateTopics: options.autoCreateTopics ?? true,
    clusterId: CLUSTER_ID,
    logger,
  };
  const router = createRequestRouter(services);
  const server = await listenTcp(options.port ?? DEFAULT_PORT, options.listenHost, (socket) => new BrokerConnection(socket, router, logger)).catch(
    async (error: unknown) => {
      await coordinator.close();
      await logs.close();
      throw error;
    },
  );
  services.advertised.port = options.advertisedPort ?? server.port;
  logger.info({ port: server.port, advertised: `${services.advertised.host}:${services.advertised.port}`, dataDir, topics: logs.topicNames().length }, 'broker started');

  let stopping: Promise<void> | undefined;
  const stop = async () => {
    await server.close();
    logs.notifier.wakeAll();
    await coordinator.close();
    await logs.close();
    logger.info({ port: server.port }, 'broker stopped');
  };
  return {
    port: server.port,
    dataDir,
    stop: () => (stopping ??= stop()),
  };
}
