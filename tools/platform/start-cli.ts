import 'reflect-metadata';
import { DEMO_JWT_SECRET, GATEWAY_SERVICE } from '@campus/config';
import { GraphQLClient } from '@campus/testing';
import path from 'node:path';
import { EXTRA_DEMO_LOGINS } from './demo-logins';
import { DEMO_ACCOUNTS, DEMO_BOOTSTRAP, DEMO_PASSWORD, seedDemoCampus } from './demo-seed';
import { ensureMysql } from './mysql';
import { startPlatform } from './platform';
import { ROOT } from './processes';

/** The demo deployment's settings; a real deployment sets its own secret and bootstrap account. */
const DEMO = {
  jwtSecret: DEMO_JWT_SECRET,
  bootstrap: DEMO_BOOTSTRAP,
};

function log(line: string): void {
  process.stdout.write(`[start] ${line}\n`);
}

async function main(): Promise<void> {
  const started = Date.now();
  const dataDir = path.join(ROOT, '.data');
  const mysql = await ensureMysql(process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306', dataDir, log);
  log(`MySQL at ${mysql.url}`);
  const platform = await startPlatform({
    mysqlUrl: mysql.url,
    jwtSecret: process.env.JWT_SECRET ?? DEMO.jwtSecret,
    basePort: Number(process.env.GATEWAY_PORT ?? GATEWAY_SERVICE.port),
    databasePrefix: process.env.DATABASE_PREFIX ?? 'campus',
    logDir: path.join(dataDir, 'logs'),
    bootstrap: DEMO.bootstrap,
    logLevel: process.env.LOG_LEVEL,
    kafkaBrokers: process.env.KAFKA_BROKERS || undefined,
    devBrokerDataDir: path.join(dataDir, 'kafka'),
  });
  let stopping = false;
  const stop = async () => {
    // Ctrl-C reaches this process twice (from the terminal and forwarded by the start script).
    if (stopping) return;
    stopping = true;
    log('stopping…');
    await platform.stop();
    await mysql.stop();
    log('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  const admin = await new GraphQLClient(platform.gatewayUrl).login(DEMO.bootstrap.adminUsername, DEMO.bootstrap.adminPassword);
  const seed = await seedDemoCampus(admin, log);
  log(seed.seeded ? 'demo campus loaded' : 'databases already hold data; demo not reloaded');

  const width = Math.max(...DEMO_ACCOUNTS.map((account) => account.username.length), DEMO.bootstrap.adminUsername.length);
  process.stdout.write(
    [
      '',
      `校园安全管理平台 ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      `  GraphQL gateway:  ${platform.gatewayUrl}`,
      `  Kafka:            ${platform.kafkaBrokers}${process.env.KAFKA_BROKERS ? '' : ' (dev broker, log in .data/kafka)'}`,
      `  service logs:     ${path.join(dataDir, 'logs')}`,
      `  demo mode:        introspection and field suggestions on, any CORS origin${process.env.JWT_SECRET ? '' : ', the demo JWT secret committed in the repo (anyone can sign tokens)'}; NODE_ENV=production refuses all of these`,
      `  demo logins (password ${DEMO_PASSWORD}):`,
      `    ${DEMO.bootstrap.adminUsername.padEnd(width)}  BUREAU_ADMIN         教育局（全县）`,
      ...DEMO_ACCOUNTS.map((account) => `    ${account.username.padEnd(width)}  ${account.role.padEnd(20)} ${account.description}`),
      ...EXTRA_DEMO_LOGINS.map(([username, role, description]) => `    ${username.padEnd(width)}  ${role.padEnd(20)} ${description}`),
      '  Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
}

main().catch((error) => {
  process.stderr.write(`[start] failed: ${(error as Error).message}\n`);
  process.exit(1);
});
