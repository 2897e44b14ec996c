import 'reflect-metadata';
/**
 * Education coverage and sign-in import benchmark at province scale.
 *   npm run bench:education [-- --regenerate] [--runs 30] [--import-runs 5] [--schools 2000] [--people 1500000]
 *                            [--attendance 5000000] [--generate-only] [--drop] [--skip-all-schools]
 * Starts the platform on its own bench_edu_* databases and ports (4600–4609), generates the dataset into
 * them unless a matching one is there already, then measures OrgUnit.educationCoverage of a school, a
 * county, the province and all schools in one query, and an import of a 5,000-row sign-in sheet, through
 * the gateway and as raw SQL. Writes bench/reports/education.md (with bench/education/findings.md).
 */
import { dropDatabase } from '@campus/database';
import { DEMO_PASSWORD, ensureMysql, prefixedDatabaseName, ROOT, startPlatform, SubgraphName, SUBGRAPHS } from '@campus/platform';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { existingEducationDataset, generateEducationDataset } from './dataset';
import { measureAll } from './measurements';
import { educationReport } from './report';

const PREFIX = 'bench_edu';
const BASE_PORT = 4600;
const BROKER_PORT = 4609;

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const flag = (name: string) => process.argv.includes(`--${name}`);

async function main(): Promise<void> {
  const schools = option('schools', 2000);
  // People and attendance scale with the schools unless given: 750 people and 2,500 attendance rows a school.
  const settings = {
    schools,
    people: option('people', schools * 750),
    attendance: option('attendance', schools * 2500),
    runs: option('runs', 30),
    importRuns: option('import-runs', 5),
  };
  const mysql = await ensureMysql(process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306', path.join(ROOT, '.data'), console.log);
  const databaseName = (name: SubgraphName) => prefixedDatabaseName(PREFIX, name);
  const educationDb = databaseName('education-drills');
  let facts = flag('regenerate') ? null : await existingEducationDataset(mysql.url, educationDb, settings).catch(() => null);
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
    logDir: path.join(ROOT, 'tmp/bench-logs/education'),
    devBrokerPort: BROKER_PORT,
    devBrokerDataDir: path.join(ROOT, 'tmp/bench-kafka/education'),
    kafkaBrokers: process.env.KAFKA_BROKERS || undefined,
    bootstrap: { rootCode: 'PROV', rootName: '省教育厅', adminUsername: 'province.admin', adminPassword: DEMO_PASSWORD },
    logLevel: 'warn',
  });
  try {
    if (!facts) {
      facts = await generateEducationDataset(
        {
          mysqlUrl: mysql.url,
          responsibilityDb: databaseName('responsibility-network'),
          educationDb,
          schools: settings.schools,
          people: settings.people,
          attendance: settings.attendance,
          seed: 20260201,
          password: DEMO_PASSWORD,
          connections: 2,
        },
        console.log,
      );
      console.log(`generated in ${facts.generationSeconds} s`);
    }
    if (flag('generate-only')) return;
    const results = await measureAll({ gatewayUrl: platform.gatewayUrl, mysqlUrl: mysql.url, educationDb, facts, runs: settings.runs, importRuns: settings.importRuns, skipAllSchools: flag('skip-all-schools'), password: DEMO_PASSWORD, log: console.log });
    const findingsFile = path.join(ROOT, 'bench/education/findings.md');
    const findings = existsSync(findingsFile) ? readFileSync(findingsFile, 'utf8') : '';
    const report = educationReport(facts, results, reused, new URL(mysql.url).host, findings);
    mkdirSync(path.join(ROOT, 'bench/reports'), { recursive: true });
    writeFileSync(path.join(ROOT, 'bench/reports/education.md'), report);
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
