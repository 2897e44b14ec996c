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
import { DEMO_PASSWORD, ROOT } from '@campus/platform';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { flag, option, runBench } from '../bench-run';
import { existingEducationDataset, generateEducationDataset } from './dataset';
import { measureAll } from './measurements';
import { educationReport } from './report';

const schools = option('schools', 2000);
// People and attendance scale with the schools unless given: 750 people and 2,500 attendance rows a school.
const settings = {
  schools,
  people: option('people', schools * 750),
  attendance: option('attendance', schools * 2500),
  runs: option('runs', 30),
  importRuns: option('import-runs', 5),
};

runBench({
  name: 'education',
  databasePrefix: 'bench_edu',
  basePort: 4600,
  existing: ({ mysqlUrl, databaseName }) => existingEducationDataset(mysqlUrl, databaseName('education-drills'), settings),
  generate: ({ mysqlUrl, databaseName }) =>
    generateEducationDataset(
      {
        mysqlUrl,
        responsibilityDb: databaseName('responsibility-network'),
        educationDb: databaseName('education-drills'),
        schools: settings.schools,
        people: settings.people,
        attendance: settings.attendance,
        seed: 20260201,
        password: DEMO_PASSWORD,
        connections: 2,
      },
      console.log,
    ),
  measure: async ({ platform, mysqlUrl, databaseName, facts, reused }) => {
    const results = await measureAll({
      gatewayUrl: platform.gatewayUrl,
      mysqlUrl,
      educationDb: databaseName('education-drills'),
      facts,
      runs: settings.runs,
      importRuns: settings.importRuns,
      skipAllSchools: flag('skip-all-schools'),
      password: DEMO_PASSWORD,
      log: console.log,
    });
    const findingsFile = path.join(ROOT, 'bench/education/findings.md');
    const findings = existsSync(findingsFile) ? readFileSync(findingsFile, 'utf8') : '';
    return educationReport(facts, results, reused, new URL(mysqlUrl).host, findings);
  },
}).catch((error) => {
  console.error(error);
  process.exit(1);
});
