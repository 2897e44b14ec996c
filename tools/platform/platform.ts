import { GATEWAY_SERVICE, ORG_DIRECTORY_SERVICE, SUBGRAPH_SERVICES, serviceEntry, ServiceName } from '@campus/config';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { ROOT, ServiceProcess, startApp, startCompiled, stopApp, waitForPort, waitUntilReady } from './processes';

export const SUBGRAPHS: readonly ServiceName[] = SUBGRAPH_SERVICES.map((service) => service.name);
export type SubgraphName = ServiceName;

export interface PlatformOptions {
  mysqlUrl: string;
  jwtSecret: string;
  /** Gateway port; the subgraphs take the next four. */
  basePort: number;
  /** Database names are `<prefix>_responsibility` etc. */
  databasePrefix: string;
  logDir: string;
  bootstrap: { rootCode: string; rootName: string; adminUsername: string; adminPassword: string; adminName?: string };
  logLevel?: string;
  /** Kafka to use; without it a dev broker is started on devBrokerPort with its log under devBrokerDataDir. */
  kafkaBrokers?: string;
  devBrokerPort?: number;
  devBrokerDataDir?: string;
  /** Extra environment per subgraph (e.g. a short SCHEDULER_INTERVAL_SECONDS in end-to-end tests). */
  serviceEnv?: Partial<Record<SubgraphName, NodeJS.ProcessEnv>>;
  /** Extra environment of the gateway (e.g. NODE_ENV=production with CORS_ORIGINS). */
  gatewayEnv?: NodeJS.ProcessEnv;
  /** The databases already hold the organisation (a copied template): start the four subgraphs at once. */
  organisationReady?: boolean;
}

export interface RunningPlatform {
  gatewayUrl: string;
  subgraphUrl(name: SubgraphName): string;
  databaseName(name: SubgraphName): string;
  kafkaBrokers: string;
  /** The GATEWAY_SECRET made for this run: subgraphs answer only requests that carry it (gatewayProofHeaders). */
  gatewaySecret: string;
  stopService(name: SubgraphName | 'kafka-broker'): Promise<void>;
  startService(name: SubgraphName | 'kafka-broker'): Promise<void>;
  stop(): Promise<void>;
}

/** The registry's ports, shifted so that the gateway is on basePort. */
export function subgraphPort(basePort: number, name: SubgraphName): number {
  return basePort + serviceEntry(name).port - GATEWAY_SERVICE.port;
}

/** The registry's database name with another prefix: campus_hazard → <prefix>_hazard. */
export function prefixedDatabaseName(prefix: string, name: SubgraphName): string {
  return serviceEntry(name).database.replace(/^campus_/, `${prefix}_`);
}

/** Starts the four subgraphs and the gateway, each as its own process, and waits until all are ready. */
export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const processes = new Map<string, ServiceProcess>();
  const url = (port: number) => `http://127.0.0.1:${port}/graphql`;
  const devBrokerPort = options.devBrokerPort ?? 19092;
  const kafkaBrokers = options.kafkaBrokers ?? `127.0.0.1:${devBrokerPort}`;
  // A new secret each run, so the gateway proof is exercised wherever the platform runs (npm start, end-to-end tests).
  const gatewaySecret = randomBytes(32).toString('hex');
  const common = {
    // Development mode (introspection, any CORS origin, the demo secret) even when the shell says production.
    NODE_ENV: 'development',
    GATEWAY_SECRET: gatewaySecret,
    MYSQL_URL: options.mysqlUrl,
    JWT_SECRET: options.jwtSecret,
    LOG_LEVEL: options.logLevel ?? 'info',
    KAFKA_BROKERS: kafkaBrokers,
  };
  const databaseName = (name: SubgraphName) => prefixedDatabaseName(options.databasePrefix, name);
  const envOf = (name: SubgraphName): NodeJS.ProcessEnv => ({
    ...common,
    DATABASE_NAME: databaseName(name),
    ORG_DIRECTORY_URL: url(subgraphPort(options.basePort, ORG_DIRECTORY_SERVICE)),
    ...(name === ORG_DIRECTORY_SERVICE
      ? {
          BOOTSTRAP_ROOT_CODE: options.bootstrap.rootCode,
          BOOTSTRAP_ROOT_NAME: options.bootstrap.rootName,
          BOOTSTRAP_ROOT_KIND: 'BUREAU',
          BOOTSTRAP_ADMIN_USERNAME: options.bootstrap.adminUsername,
          BOOTSTRAP_ADMIN_PASSWORD: options.bootstrap.adminPassword,
          ...(options.bootstrap.adminName ? { BOOTSTRAP_ADMIN_NAME: options.bootstrap.adminName } : {}),
        }
      : {}),
    ...options.serviceEnv?.[name],
  });
  const startBroker = async () => {
    const broker = startCompiled(
      'kafka-broker',
      'dist/tools/kafka-broker/src/main.js',
      ['--port', String(devBrokerPort), '--data-dir', options.devBrokerDataDir ?? path.join(ROOT, '.data/kafka')],
      devBrokerPort,
      {},
      options.logDir,
    );
    processes.set('kafka-broker', broker);
    await waitForPort(broker);
  };
  const startService = async (name: SubgraphName | 'kafka-broker') => {
    if (name === 'kafka-broker') return startBroker();
    const service = startApp(name, subgraphPort(options.basePort, name), envOf(name), options.logDir);
    processes.set(name, service);
    await waitUntilReady(service);
  };
  const stop = async () => {
    const broker = processes.get('kafka-broker');
    await Promise.all([...processes.values()].filter((service) => service !== broker).map((service) => stopApp(service)));
    if (broker) await stopApp(broker);
  };
  try {
    if (!options.kafkaBrokers) await startBroker();
    // The org directory first, unless it is bootstrapped already: it creates the organisation the others' data hangs from.
    const first = options.organisationReady ? [] : [ORG_DIRECTORY_SERVICE];
    await Promise.all(first.map(startService));
    // The gateway composes from the committed supergraph, not from the subgraphs: it starts alongside them.
    const gateway = startApp(
      'gateway',
      options.basePort,
      {
        ...common,
        ...Object.fromEntries(SUBGRAPH_SERVICES.map((service) => [service.urlVariable, url(subgraphPort(options.basePort, service.name))])),
        ...options.gatewayEnv,
      },
      options.logDir,
    );
    processes.set('gateway', gateway);
    await Promise.all([...SUBGRAPHS.filter((name) => !first.includes(name)).map(startService), waitUntilReady(gateway)]);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    gatewayUrl: url(options.basePort),
    subgraphUrl: (name) => url(subgraphPort(options.basePort, name)),
    databaseName,
    kafkaBrokers,
    gatewaySecret,
    startService,
    stopService: async (name) => {
      const service = processes.get(name);
      if (service) await stopApp(service);
    },
    stop,
  };
}
