import { dropDatabase } from '@campus/database';
import { GraphQLClient } from '@campus/testing';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { DEMO_PASSWORD, PlatformOptions, ROOT, RunningPlatform, SUBGRAPHS, seedDemoCampus, startPlatform } from '@campus/platform';

export const E2E_SECRET = 'e2e-secret-0123456789abcdef0123456789';

export interface PlatformFixture {
  platform: RunningPlatform;
  gateway: GraphQLClient;
  unitIds: Record<string, string>;
  /** Where each process writes its log (<service>.log). */
  logDir: string;
  as(username: string): Promise<GraphQLClient>;
  stop(): Promise<void>;
}

/**
 * The whole platform as compiled (five processes) on fresh databases, loaded with the demo campus.
 * Requires a build (the test command builds first).
 */
export async function startPlatformFixture(
  basePort: number,
  serviceEnv?: PlatformOptions['serviceEnv'],
  gatewayEnv?: PlatformOptions['gatewayEnv'],
): Promise<PlatformFixture> {
  const mysqlUrl = process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
  const databasePrefix = `e2e_${randomBytes(3).toString('hex')}`;
  const logDir = path.join(ROOT, 'tmp/e2e-logs', databasePrefix);
  const platform = await startPlatform({
    mysqlUrl,
    jwtSecret: E2E_SECRET,
    basePort,
    databasePrefix,
    logDir,
    devBrokerPort: basePort + 9,
    devBrokerDataDir: path.join(ROOT, 'tmp/e2e-kafka', databasePrefix),
    kafkaBrokers: process.env.KAFKA_BROKERS || undefined,
    serviceEnv,
    gatewayEnv,
    bootstrap: { rootCode: 'BUREAU', rootName: '某县教育体育局', adminUsername: 'bureau.admin', adminPassword: DEMO_PASSWORD },
  });
  const gateway = new GraphQLClient(platform.gatewayUrl);
  try {
    const admin = await gateway.login('bureau.admin', DEMO_PASSWORD);
    const { unitIds } = await seedDemoCampus(admin);
    return {
      platform,
      gateway,
      unitIds,
      logDir,
      as: (username) => gateway.login(username, DEMO_PASSWORD),
      stop: async () => {
        await platform.stop();
        await Promise.all(SUBGRAPHS.map((name) => dropDatabase(mysqlUrl, platform.databaseName(name))));
      },
    };
  } catch (error) {
    await platform.stop();
    throw error;
  }
}
