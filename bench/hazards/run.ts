import 'reflect-metadata';
/**
 * Hazard ledger and dashboard benchmark at province scale.
 *   npm run bench:hazards [-- --regenerate] [--runs 30] [--schools 2000] [--hazards 1000000] [--generate-only] [--drop]
 * Starts the platform on the bench databases (bench_*; the services migrate them), generates the dataset
 * into them unless a matching one is there already, then measures the ledger, unit statistics and the
 * all-schools rollup through the gateway and as raw SQL. Writes bench/reports/hazards.md.
 */
import { dropDatabase } from '@campus/database';
import { DEMO_PASSWORD, ensureMysql, prefixedDatabaseName, ROOT, startPlatform, SubgraphName, SUBGRAPHS } from '@campus/platform';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { existingDataset, generateDataset } from './dataset';
import { measureAll } from './measurements';
import { hazardReport } from './report';

const PREFIX = 'bench';
const BASE_PORT = 4300;
const BROKER_PORT = 4309;

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const flag = (name: string) => process.argv.includes(`--${name}`);

async function main(): Promise<void> {
  const settings = { schools: option('schools', 2000), hazards: option('hazards', 1_000_000), runs: option('runs', 30) };
  const mysql = await ensureMysql(process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306', path.join(ROOT, '.data'), console.log);
  const databaseName = (name: SubgraphName) => prefixedDatabaseName(PREFIX, name);
  const hazardDb = databaseName('hazard-tracking');
  let facts = flag('regenerate') ? null : await existingDataset(mysql.url, hazardDb, settings).catch(() => null);
  const reused = facts !== null;
  if (!facts) {
    console.log('no matching dataset: starting from empty bench databases');
    await Promise.all(SUBGRAPHS.map((name) => dropDatabase(mysql.url, databaseName(name))));
  } else {
    console.log(`reusing the dataset generated ${facts.generatedAt} (pass --regenerate for a new one)`);
  }
  const platform = await startPlatform({
    mysqlUrl: mysql.url,
    jwtSecret: 'bench-secret-0123456789abcdef0123456789',
    basePort: BASE_PORT,
    databasePrefix: PREFIX,
    logDir: path.join(ROOT, 'tmp/bench-logs/hazards'),
    devBrokerPort: BROKER_PORT,
    devBrokerDataDir: path.join(ROOT, 'tmp/bench-kafka/hazards'),
    kafkaBrokers: process.env.KAFKA_BROKERS || undefined,
    bootstrap: { rootCode: 'PROV', rootName: '省教育厅', adminUsername: 'province.admin', adminPassword: DEMO_PASSWORD },
    logLevel: 'warn',
    // The dataset carries the escalations already due; the hourly scheduler stays out of the measurements.
    serviceEnv: { 'hazard-tracking': { SCHEDULER_INTERVAL_SECONDS: '3600' } },
  });
  try {
    if (!facts) {
      facts = await generateDataset(
        {
          mysqlUrl: mysql.url,
          responsibilityDb: databaseName('responsibility-network'),
          hazardDb,
          schools: settings.schools,
          hazards: settings.hazards,
          years: 3,
          seed: 20260101,
          password: DEMO_PASSWORD,
          connections: 2,
        },
        console.log,
      );
      console.log(`generated in ${facts.generationSeconds} s`);
    }
    if (flag('generate-only')) return;
    const results = await measureAll({ gatewayUrl: platform.gatewayUrl, mysqlUrl: mysql.url, hazardDb, responsibilityDb: databaseName('responsibility-network'), facts, runs: settings.runs, password: DEMO_PASSWORD, log: console.log });
    const report = hazardReport(facts, results, reused, new URL(mysql.url).host);
    mkdirSync(path.join(ROOT, 'bench/reports'), { recursive: true });
    writeFileSync(path.join(ROOT, 'bench/reports/hazards.md'), report);
    console.log(report);
  } finally {
    await platform.stop();
    if (flag('drop')) await Promise.all(SUBGRAPHS.map((name) => dropDatabase(mysql.url, databaseName(name))));
    await mysql.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
