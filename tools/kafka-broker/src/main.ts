/**
 * Dev Kafka broker CLI:
 *   node dist/tools/kafka-broker/src/main.js --port 19092 --data-dir .data/kafka
 *     [--advertised-host 127.0.0.1] [--default-partitions 3] [--log-level info] [--fsync]
 * Prints one ready line on stdout; JSON logs go to stderr. SIGTERM/SIGINT stop it cleanly (exit 0).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_PARTITIONS, DEFAULT_PORT, startBroker } from './server/start-broker';
import { createStderrLogger } from './server/logger';

function parseInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`--${name} must be a non-negative integer, got '${value}'`);
  return parsed;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'advertised-host': { type: 'string' },
      'default-partitions': { type: 'string' },
      'listen-host': { type: 'string' },
      'log-level': { type: 'string' },
      fsync: { type: 'boolean' },
    },
  });
  const logger = createStderrLogger(values['log-level'] ?? process.env.LOG_LEVEL ?? 'info');
  const broker = await startBroker({
    port: parseInteger('port', values.port, DEFAULT_PORT),
    dataDir: values['data-dir'] === undefined ? undefined : path.resolve(values['data-dir']),
    advertisedHost: values['advertised-host'],
    listenHost: values['listen-host'],
    defaultPartitions: parseInteger('default-partitions', values['default-partitions'], DEFAULT_PARTITIONS) || DEFAULT_PARTITIONS,
    fsyncOnAppend: values.fsync ?? false,
    logger,
  });
  process.stdout.write(`kafka-broker ready on port ${broker.port} (data ${broker.dataDir})\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    broker.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: String(error) }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`kafka-broker failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
