import { dropDatabase } from '@campus/database';
import { GraphQLClient } from '@campus/testing';
import type { RowDataPacket } from 'mysql2';
import { createConnection } from 'mysql2/promise';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DEMO_BOOTSTRAP, ROOT, SUBGRAPHS, SubgraphName, prefixedDatabaseName, seedDemoCampus, startPlatform } from '@campus/platform';

/**
 * The demo campus loaded once per end-to-end run (Jest's global setup) and copied for each suite:
 * loading it through the API takes ~10 s, copying its databases, broker log and files well under one.
 * The copy is taken with every process stopped, so outbox, broker offsets and consumers' tables agree.
 */
export interface DemoTemplate {
  databasePrefix: string;
  /** kafka/ (the dev broker's data) and one directory per file-store variable. */
  dir: string;
}

export const E2E_SECRET = 'e2e-secret-0123456789abcdef0123456789';
const TEMPLATE_VARIABLE = 'E2E_DEMO_TEMPLATE';
const TEMPLATE_PORT = 4610;

/** Where each subgraph keeps uploaded files (its <PREFIX>_DIR variable). */
export const FILE_DIR_VARIABLES: Partial<Record<SubgraphName, string>> = {
  'hazard-tracking': 'EVIDENCE_DIR',
  'education-drills': 'EDUCATION_DOCUMENTS_DIR',
  'supervision-appraisal': 'SUPERVISION_PHOTOS_DIR',
};

export function mysqlUrl(): string {
  return process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
}

/** Directories of one platform's broker data and files, given its database prefix. */
export function platformDirs(databasePrefix: string) {
  const dir = path.join(ROOT, 'tmp/e2e-data', databasePrefix);
  return { dir, kafka: path.join(dir, 'kafka'), files: (variable: string) => path.join(dir, variable.toLowerCase()) };
}

export function fileDirEnv(databasePrefix: string): Partial<Record<SubgraphName, NodeJS.ProcessEnv>> {
  const dirs = platformDirs(databasePrefix);
  return Object.fromEntries(Object.entries(FILE_DIR_VARIABLES).map(([service, variable]) => [service, { [variable]: dirs.files(variable) }]));
}

/** Starts a platform on fresh databases, loads the demo campus and stops it again. */
export async function buildDemoTemplate(): Promise<DemoTemplate> {
  const databasePrefix = `e2e_tpl_${randomBytes(3).toString('hex')}`;
  const dirs = platformDirs(databasePrefix);
  const platform = await startPlatform({
    mysqlUrl: mysqlUrl(),
    jwtSecret: E2E_SECRET,
    basePort: TEMPLATE_PORT,
    databasePrefix,
    logDir: path.join(dirs.dir, 'logs'),
    devBrokerPort: TEMPLATE_PORT + 9,
    devBrokerDataDir: dirs.kafka,
    serviceEnv: fileDirEnv(databasePrefix),
    bootstrap: DEMO_BOOTSTRAP,
  });
  try {
    const admin = await new GraphQLClient(platform.gatewayUrl).login(DEMO_BOOTSTRAP.adminUsername, DEMO_BOOTSTRAP.adminPassword);
    await seedDemoCampus(admin);
  } finally {
    await platform.stop();
  }
  return { databasePrefix, dir: dirs.dir };
}

export function publishDemoTemplate(template: DemoTemplate): void {
  process.env[TEMPLATE_VARIABLE] = JSON.stringify(template);
}

/** A copy of the broker's data works only with the dev broker: none with KAFKA_BROKERS (a real Kafka). */
export function templateWanted(): boolean {
  return !process.env.KAFKA_BROKERS;
}

/** The run's template, when Jest's global setup built one. */
export function publishedDemoTemplate(): DemoTemplate | undefined {
  const value = templateWanted() ? process.env[TEMPLATE_VARIABLE] : undefined;
  return value ? (JSON.parse(value) as DemoTemplate) : undefined;
}

/**
 * Copies the template to a new platform: its databases under databasePrefix, the broker's data and the
 * files into the directories the suite's own environment names (or the platform's own ones).
 */
export async function copyDemoTemplate(
  template: DemoTemplate,
  databasePrefix: string,
  serviceEnv: Partial<Record<SubgraphName, NodeJS.ProcessEnv>>,
): Promise<void> {
  const from = platformDirs(template.databasePrefix);
  cpSync(from.kafka, platformDirs(databasePrefix).kafka, { recursive: true });
  for (const [service, variable] of Object.entries(FILE_DIR_VARIABLES) as [SubgraphName, string][]) {
    const target = serviceEnv[service]?.[variable];
    if (target && existsSync(from.files(variable))) cpSync(from.files(variable), target, { recursive: true });
  }
  await Promise.all(
    SUBGRAPHS.map((name) => copyDatabase(prefixedDatabaseName(template.databasePrefix, name), prefixedDatabaseName(databasePrefix, name))),
  );
}

export async function removeDemoTemplate(template: DemoTemplate): Promise<void> {
  await Promise.all(SUBGRAPHS.map((name) => dropDatabase(mysqlUrl(), prefixedDatabaseName(template.databasePrefix, name))));
  rmSync(template.dir, { recursive: true, force: true });
}

/**
 * Every table with its rows, then its triggers (the append-only logs' refusals of UPDATE and DELETE): `CREATE TABLE
 * … LIKE` copies no trigger. Foreign keys are left unchecked while the tables fill in any order.
 */
async function copyDatabase(from: string, to: string): Promise<void> {
  const connection = await createConnection({ uri: mysqlUrl(), multipleStatements: true });
  try {
    const [tables] = await connection.query<({ name: string } & RowDataPacket)[]>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE'",
      [from],
    );
    const statements = [`CREATE DATABASE \`${to}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`, 'SET FOREIGN_KEY_CHECKS = 0'];
    for (const { name } of tables) {
      statements.push(`CREATE TABLE \`${to}\`.\`${name}\` LIKE \`${from}\`.\`${name}\``, `INSERT INTO \`${to}\`.\`${name}\` SELECT * FROM \`${from}\`.\`${name}\``);
    }
    await connection.query(statements.join(';\n'));
    for (const trigger of await triggersOf(connection, from)) {
      await connection.query(`CREATE TRIGGER \`${to}\`.\`${trigger.name}\` ${trigger.timing} ${trigger.event} ON \`${to}\`.\`${trigger.tableName}\` FOR EACH ROW ${trigger.body}`);
    }
  } finally {
    await connection.end();
  }
}

async function triggersOf(connection: Awaited<ReturnType<typeof createConnection>>, schema: string) {
  const [triggers] = await connection.query<({ name: string; timing: string; event: string; tableName: string; body: string } & RowDataPacket)[]>(
    `SELECT trigger_name AS name, action_timing AS timing, event_manipulation AS event, event_object_table AS tableName, action_statement AS body
     FROM information_schema.triggers WHERE trigger_schema = ? ORDER BY event_object_table, action_order`,
    [schema],
  );
  return triggers;
}
