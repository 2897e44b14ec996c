import 'reflect-metadata';
/**
 * Hazard ledger and dashboard benchmark at province scale.
 *   npm run bench:hazards [-- --regenerate] [--runs 30] [--schools 2000] [--hazards 1000000] [--generate-only] [--drop]
 * Starts the platform on the bench databases (bench_*; the services migrate them), generates the dataset
 * into them unless a matching one is there already, then measures the ledger, unit statistics and the
 * all-schools rollup through the gateway and as raw SQL. Writes bench/reports/hazards.md.
 */
import { DEMO_PASSWORD } from '@campus/platform';
import { option, runBench } from '../bench-run';
import { existingDataset, generateDataset } from './dataset';
import { measureAll } from './measurements';
import { hazardReport } from './report';

const settings = { schools: option('schools', 2000), hazards: option('hazards', 1_000_000), runs: option('runs', 30) };

runBench({
  name: 'hazards',
  databasePrefix: 'bench',
  basePort: 4300,
  // The dataset carries the escalations already due; the hourly scheduler stays out of the measurements.
  serviceEnv: { 'hazard-tracking': { SCHEDULER_INTERVAL_SECONDS: '3600' } },
  existing: ({ mysqlUrl, databaseName }) => existingDataset(mysqlUrl, databaseName('hazard-tracking'), settings),
  generate: ({ mysqlUrl, databaseName }) =>
    generateDataset(
      {
        mysqlUrl,
        responsibilityDb: databaseName('responsibility-network'),
        hazardDb: databaseName('hazard-tracking'),
        schools: settings.schools,
        hazards: settings.hazards,
        years: 3,
        seed: 20260101,
        password: DEMO_PASSWORD,
        connections: 2,
      },
      console.log,
    ),
  measure: async ({ platform, mysqlUrl, databaseName, facts, reused }) => {
    const results = await measureAll({
      gatewayUrl: platform.gatewayUrl,
      mysqlUrl,
      hazardDb: databaseName('hazard-tracking'),
      responsibilityDb: databaseName('responsibility-network'),
      facts,
      runs: settings.runs,
      password: DEMO_PASSWORD,
      log: console.log,
    });
    return hazardReport(facts, results, reused, new URL(mysqlUrl).host);
  },
}).catch((error) => {
  console.error(error);
  process.exit(1);
});
