import { dropDatabase } from '@campus/database';
import { GraphQLClient } from '@campus/testing';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { DEMO_BOOTSTRAP, DEMO_PASSWORD, PlatformOptions, RunningPlatform, SUBGRAPHS, SubgraphName, seedDemoCampus, startPlatform } from '@campus/platform';
import { copyDemoTemplate, E2E_SECRET, fileDirEnv, mysqlUrl, platformDirs, publishedDemoTemplate } from './demo-template';

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
 * The whole platform as compiled (five processes) on its own databases, holding the demo campus: a copy of
 * the run's template (tools/jest/e2e-global-setup.js), or loaded through the API when there is none.
 * Requires a build (the test command builds first).
 */
export async function startPlatformFixture(
  basePort: number,
  serviceEnv?: PlatformOptions['serviceEnv'],
  gatewayEnv?: PlatformOptions['gatewayEnv'],
): Promise<PlatformFixture> {
  const databasePrefix = `e2e_${randomBytes(3).toString('hex')}`;
  const dirs = platformDirs(databasePrefix);
  const logDir = path.join(dirs.dir, 'logs');
  const env = withOwnEnv(fileDirEnv(databasePrefix), serviceEnv);
  const template = publishedDemoTemplate();
  if (template) await copyDemoTemplate(template, databasePrefix, env);
  const platform = await startPlatform({
    mysqlUrl: mysqlUrl(),
    jwtSecret: E2E_SECRET,
    basePort,
    databasePrefix,
    logDir,
    devBrokerPort: basePort + 9,
    devBrokerDataDir: dirs.kafka,
    kafkaBrokers: process.env.KAFKA_BROKERS || undefined,
    serviceEnv: env,
    gatewayEnv,
    bootstrap: DEMO_BOOTSTRAP,
    organisationReady: template !== undefined,
  });
  const gateway = new GraphQLClient(platform.gatewayUrl);
  try {
    const admin = await gateway.login(DEMO_BOOTSTRAP.adminUsername, DEMO_PASSWORD);
    const { unitIds } = await seedDemoCampus(admin);
    return {
      platform,
      gateway,
      unitIds,
      logDir,
      as: (username) => gateway.login(username, DEMO_PASSWORD),
      stop: async () => {
        await platform.stop();
        await Promise.all(SUBGRAPHS.map((name) => dropDatabase(mysqlUrl(), platform.databaseName(name))));
      },
    };
  } catch (error) {
    await platform.stop();
    throw error;
  }
}

/** The suite's own variables over the platform's defaults, service by service. */
function withOwnEnv(
  defaults: Partial<Record<SubgraphName, NodeJS.ProcessEnv>>,
  own: Partial<Record<SubgraphName, NodeJS.ProcessEnv>> = {},
): Partial<Record<SubgraphName, NodeJS.ProcessEnv>> {
  return Object.fromEntries(SUBGRAPHS.map((name) => [name, { ...defaults[name], ...own[name] }]));
}
