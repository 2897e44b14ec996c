import os from 'node:os';
import { Timing } from '../hazards/measurements';
import { EducationFacts } from './dataset';
import { Results, Row } from './measurements';

const ms = (value: number) => (value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`);
const cell = (timing: Timing | null) => (timing ? `${ms(timing.p50)} | ${ms(timing.p95)}` : '– | –');

function verdict(row: Row): string {
  if (row.goal === null) return '–';
  if (!row.gateway) return `≤ ${ms(row.goal)}: **not measured** (the gateway request failed)`;
  const p95 = row.gateway.p95;
  return p95 <= row.goal ? `≤ ${ms(row.goal)}: **met**` : `≤ ${ms(row.goal)}: **missed** by ${ms(p95 - row.goal)} (×${(p95 / row.goal).toFixed(1)})`;
}

function datasetSection(facts: EducationFacts, reused: boolean): string[] {
  const rows = facts.rows;
  const people = rows.person_projection;
  const histogram = ['0', '1', '2', '3', '4', '5', '6+'].map((bucket) => `${bucket}: ${(((facts.attendedPerPerson[bucket] ?? 0) / people) * 100).toFixed(1)}%`).join(', ');
  return [
    '## Dataset',
    `${reused ? 'Reused from an earlier run: generated' : 'Generated'} ${facts.generatedAt} in **${facts.generationSeconds} s** (seed ${facts.seed}; \`--regenerate\` for a new one): ${Object.entries(facts.phases).map(([name, seconds]) => `${name} ${seconds} s`).join('; ')}. People, activities and attendance go in with LOAD DATA LOCAL INFILE (bench/hazards/loader.ts), 20,000 rows a chunk over 2 connections, the secondary indexes of person_projection and education_attendance built afterwards.`,
    '',
    '| rows | |',
    '|---|---|',
    `| org units: the province bureau → ${rows.city} city bureaus → ${rows.county} county bureaus → schools → their departments/colleges (responsibility-network, and education-drills' org_unit_projection) | ${rows.org_unit} |`,
    `| schools | ${rows.school} |`,
    `| people (education-drills' person_projection: STAFF/STUDENT/CONTRACTOR, ~4% inactive) | ${people} |`,
    `| education activities (one audience unit each) | ${rows.education_activity} |`,
    `| attendance rows | ${rows.education_attendance} |`,
    `| coverage rollup rows: population / day / consecutive-day pairs (per unit, kind, topic) | ${rows.education_coverage_population ?? '–'} / ${rows.education_coverage_day ?? '–'} / ${rows.education_coverage_next ?? '–'} |`,
    '',
    `- Period: ${facts.period.from} … ${facts.period.to} (the year ending on the day of generation); activities on term weekdays mostly, few at weekends and in the winter and summer holidays.`,
    `- People per school (long tail): min ${facts.peoplePerSchool.min}, median ${facts.peoplePerSchool.p50}, p90 ${facts.peoplePerSchool.p90}, p99 ${facts.peoplePerSchool.p99}, max ${facts.peoplePerSchool.max}; ~9% staff, ~2% contractors, the rest students (in the colleges where the school has any).`,
    `- Activities per school in the year: min ${facts.activitiesPerSchool.min}, median ${facts.activitiesPerSchool.p50}, p90 ${facts.activitiesPerSchool.p90}, max ${facts.activitiesPerSchool.max} (6 + 1 per 120 people, at most 120): whole-school assemblies, students' class meetings, staff and contractor training, one department's.`,
    `- Activities attended per person: ${histogram}.`,
    `- Only the ${rows.org_unit} units and the few accounts' people exist in responsibility-network; the measured accounts are province.admin (province), county.admin (BUREAU_ADMIN of the county) and school.office (SAFETY_OFFICE of the school), as in bench/hazards.`,
    `- Sample units: school «${facts.samples.school.name}» (${facts.samples.school.people} people, the largest of its county), the province's largest school «${facts.samples.largest.name}» (${facts.samples.largest.people}), county «${facts.samples.county.name}» (${facts.samples.county.people}, the county nearest the average), the province (${facts.samples.province.people}).`,
    '',
  ];
}

function explainSection(results: Results): string[] {
  return results.explains.flatMap(({ name, plan }) => [
    '',
    `**EXPLAIN: ${name}**`,
    '',
    '| id | select_type | table | type | key | rows | Extra |',
    '|---|---|---|---|---|---|---|',
    ...plan.map((row) => `| ${row.id} | ${row.select_type} | ${row.table} | ${row.type} | ${row.key ?? ''} | ${row.rows} | ${row.Extra ?? ''} |`),
  ]);
}

export function educationReport(facts: EducationFacts, results: Results, reused: boolean, mysqlHost: string, findings: string): string {
  return [
    '# Education coverage and sign-in import at province scale',
    '',
    `Run ${new Date().toISOString()} by \`npm run bench:education\` (measurements ${results.totalSeconds} s).`,
    '',
    '## Machine',
    `- ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`,
    `- MariaDB ${results.server.version} at ${mysqlHost}, innodb_buffer_pool_size ${results.server.bufferPoolMiB} MiB`,
    '- The four subgraphs, the gateway and the dev Kafka broker on the same machine, one process each.',
    '',
    ...datasetSection(facts, reused),
    '## Figures',
    `p50 | p95 over the runs shown; the gateway request and the raw statement alternate run after run, after 2 warm-up runs of each, a 1 s pause and one more. Period: ${facts.period.from} … ${facts.period.to}, all kinds of people, any topic. Gateway = an HTTP POST to the gateway as the signed-in user, the subgraphs behind it, everything on this machine. Raw SQL = the statement OrgUnit.educationCoverage sends (apps/education-drills/src/activities/coverage.ts, taken from the compiled service's own loadCoverage) sent straight to MariaDB. The goals are for the gateway p95.`,
    '',
    '| operation | gateway p50 | gateway p95 | raw SQL p50 | raw SQL p95 | runs | goal (gateway p95) | |',
    '|---|---|---|---|---|---|---|---|',
    ...results.rows.map((row) => `| ${row.name} | ${cell(row.gateway)} | ${cell(row.sql)} | ${row.gateway?.runs ?? row.sql.runs} | ${verdict(row)} | ${row.note} |`),
    '',
    `- ${results.pageLimit}`,
    '',
    '### Answers checked',
    ...results.checks.map((check) => `- ${check.ok ? 'ok' : '**MISMATCH**'} — ${check.name}: ${check.detail}`),
    '',
    '### The rollup beside a count from the attendance rows (raw SQL)',
    '',
    'OrgUnit.educationCoverage reads the coverage rollup (apps/education-drills/src/activities/coverage-rollup.ts: per unit, kind and topic, people with attendance per day minus pairs of consecutive attendance days). The live count is what it sent before: each unit\'s active people by an index range of their paths, each probed for attendance in the period (bench/education/service-statement.ts).',
    '',
    '| units | rollup (what the field sends) p50 / p95 | live count p50 / p95 | runs |',
    '|---|---|---|---|',
    ...results.variants.map((v) => `| ${v.name} | ${ms(v.units.p50)} / ${ms(v.units.p95)} | ${v.live ? `${ms(v.live.p50)} / ${ms(v.live.p95)}` : 'left out (minutes)'} | ${v.units.runs}/${v.live?.runs ?? 0} |`),
    '',
    '### Plans',
    ...explainSection(results),
    '',
    findings,
  ].join('\n');
}
