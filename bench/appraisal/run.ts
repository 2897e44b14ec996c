import 'reflect-metadata';
/**
 * Appraisal benchmark at province scale.
 *   npm run bench:appraisal [-- --regenerate] [--schools 2000] [--hazards 1000000] [--people 1500000] [--attendance 5000000]
 *                            [--year-end-runs 3] [--events 40] [--export-runs 5] [--generate-only] [--drop]
 * Starts the platform on its own bench_appr_* databases and ports (4620–4629), writes the org tree and
 * supervision-appraisal's facts straight into them unless a matching dataset is there already, then
 * measures through the gateway beside the raw statements: the year-end computation of a 15-indicator
 * scheme for every school, one event to an updated process appraisal, and the results export.
 * Writes bench/reports/appraisal.md (with bench/appraisal/findings.md when present).
 */
import { DEMO_PASSWORD, ROOT } from '@campus/platform';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { option, runBench } from '../bench-run';
import { existingAppraisalDataset, generateAppraisalDataset } from './dataset';
import { measureAll } from './measurements';
import { appraisalReport } from './report';

const schools = option('schools', 2000);
const settings = {
  schools,
  hazards: option('hazards', schools * 500),
  people: option('people', schools * 750),
  attendance: option('attendance', schools * 2500),
  yearEndRuns: option('year-end-runs', 3),
  events: option('events', 40),
  exportRuns: option('export-runs', 5),
};

runBench({
  name: 'appraisal',
  databasePrefix: 'bench_appr',
  basePort: 4620,
  // The dataset is the facts as of its generation; hazard-tracking's hourly scheduler stays out of the measurements.
  serviceEnv: { 'hazard-tracking': { SCHEDULER_INTERVAL_SECONDS: '3600' } },
  existing: ({ mysqlUrl, databaseName }) => existingAppraisalDataset(mysqlUrl, databaseName('supervision-appraisal'), settings),
  generate: ({ mysqlUrl, databaseName }) =>
    generateAppraisalDataset(
      {
        mysqlUrl,
        responsibilityDb: databaseName('responsibility-network'),
        hazardDb: databaseName('hazard-tracking'),
        appraisalDb: databaseName('supervision-appraisal'),
        schools: settings.schools,
        hazards: settings.hazards,
        people: settings.people,
        attendance: settings.attendance,
        seed: 20261201,
        password: DEMO_PASSWORD,
        connections: 2,
      },
      console.log,
    ),
  measure: async ({ platform, mysqlUrl, databaseName, facts, reused }) => {
    const results = await measureAll({
      gatewayUrl: platform.gatewayUrl,
      appraisalUrl: platform.subgraphUrl('supervision-appraisal'),
      responsibilityUrl: platform.subgraphUrl('responsibility-network'),
      gatewaySecret: platform.gatewaySecret,
      mysqlUrl,
      appraisalDb: databaseName('supervision-appraisal'),
      facts,
      yearEndRuns: settings.yearEndRuns,
      events: settings.events,
      exportRuns: settings.exportRuns,
      password: DEMO_PASSWORD,
      log: console.log,
    });
    const findingsFile = path.join(ROOT, 'bench/appraisal/findings.md');
    const findings = existsSync(findingsFile) ? readFileSync(findingsFile, 'utf8') : '';
    return appraisalReport(facts, results, reused, new URL(mysqlUrl).host, findings);
  },
}).catch((error) => {
  console.error(error);
  process.exit(1);
});
