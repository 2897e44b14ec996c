export { startBroker, DEFAULT_PARTITIONS, DEFAULT_PORT } from './server/start-broker';
export type { BrokerOptions, RunningBroker } from './server/start-broker';
export { createStderrLogger, silentLogger } from './server/logger';
export type { BrokerLogger } from './server/logger';
