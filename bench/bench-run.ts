import { dropDatabase } from '@campus/database';
import { DEMO_PASSWORD, ensureMysql, PlatformOptions, prefixedDatabaseName, ROOT, RunningPlatform, startPlatform, SubgraphName, SUBGRAPHS } from '@campus/platform';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

export const flag = (name: string) => process.argv.includes(`--${name}`);

/** The middle value; of an even count, the mean of the two middle ones. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Seconds per named phase of a dataset's generation, each timed from the end of the one before. */
export class PhaseClock {
  readonly phases: Record<string, number> = {};
  private mark = Date.now();

  /** The phase that just ended. */
  phase(name: string): void {
    this.record(name, (Date.now() - this.mark) / 1000);
  }

  /** A phase timed elsewhere (e.g. index builds within another step); the next phase starts now. */
  record(name: string, seconds: number): void {
    this.phases[name] = Math.round(seconds * 10) / 10;
    this.mark = Date.now();
  }
}

export interface BenchContext {
  mysqlUrl: string;
  databaseName: (name: SubgraphName) => string;
}

/** One benchmark: its databases and ports, how it finds or generates its dataset, and how it measures into a report. */
export interface BenchRun<Facts extends { generatedAt: string; generationSeconds: number }> {
  /** bench/reports/<name>.md, and the log and broker folders under tmp/. */
  name: string;
  databasePrefix: string;
  basePort: number;
  serviceEnv?: PlatformOptions['serviceEnv'];
  gatewayEnv?: PlatformOptions['gatewayEnv'];
  /** The organisation's root and first account; a province (PROV, province.admin) unless given. */
  bootstrap?: PlatformOptions['bootstrap'];
  /** The dataset already in the databases if it matches the settings, else null. */
  existing(context: BenchContext): Promise<Facts | null>;
  generate(context: BenchContext): Promise<Facts>;
  measure(context: BenchContext & { platform: RunningPlatform; facts: Facts; reused: boolean }): Promise<string>;
}

/** How a benchmark starts the platform on its databases and ports (again, e.g. with other environment, after stopping it). */
export function benchPlatformOptions(run: Pick<BenchRun<never>, 'name' | 'databasePrefix' | 'basePort' | 'serviceEnv' | 'gatewayEnv' | 'bootstrap'>, mysqlUrl: string): PlatformOptions {
  return {
    mysqlUrl,
    jwtSecret: 'bench-secret-0123456789abcdef0123456789',
    basePort: run.basePort,
    databasePrefix: run.databasePrefix,
    logDir: path.join(ROOT, 'tmp/bench-logs', run.name),
    devBrokerPort: run.basePort + 9,
    devBrokerDataDir: path.join(ROOT, 'tmp/bench-kafka', run.name),
    kafkaBrokers: process.env.KAFKA_BROKERS || undefined,
    bootstrap: run.bootstrap ?? { rootCode: 'PROV', rootName: '省教育厅', adminUsername: 'province.admin', adminPassword: DEMO_PASSWORD },
    logLevel: 'warn',
    serviceEnv: run.serviceEnv,
    gatewayEnv: run.gatewayEnv,
  };
}

/**
 * The life of a benchmark run: MySQL, the platform on the bench databases (dropped first when the dataset
 * must be generated anew), the dataset (reused unless --regenerate), the measurements, the report; with
 * --generate-only it stops after the dataset, with --drop it removes the databases at the end.
 */
export async function runBench<Facts extends { generatedAt: string; generationSeconds: number }>(run: BenchRun<Facts>): Promise<void> {
  const mysql = await ensureMysql(process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306', path.join(ROOT, '.data'), console.log);
  const context: BenchContext = { mysqlUrl: mysql.url, databaseName: (name) => prefixedDatabaseName(run.databasePrefix, name) };
  const dropAll = () => Promise.all(SUBGRAPHS.map((name) => dropDatabase(mysql.url, context.databaseName(name))));
  let facts = flag('regenerate') ? null : await run.existing(context).catch(() => null);
  const reused = facts !== null;
  if (facts) {
    console.log(`reusing the dataset generated ${facts.generatedAt} (pass --regenerate for a new one)`);
  } else {
    console.log('no matching dataset: starting from empty bench databases');
    await dropAll();
  }
  const platform = await startPlatform(benchPlatformOptions(run, mysql.url));
  try {
    if (!facts) {
      facts = await run.generate(context);
      console.log(`generated in ${facts.generationSeconds} s`);
    }
    if (flag('generate-only')) return;
    const report = await run.measure({ ...context, platform, facts, reused });
    mkdirSync(path.join(ROOT, 'bench/reports'), { recursive: true });
    writeFileSync(path.join(ROOT, `bench/reports/${run.name}.md`), report);
    console.log(report);
  } finally {
    await platform.stop();
    if (flag('drop')) await dropAll();
    await mysql.stop();
  }
}
