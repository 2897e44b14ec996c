import os from 'node:os';
import { DatasetFacts } from './dataset';
import { Results, Timing } from './measurements';

const ms = (value: number) => (value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`);
const cell = (timing: Timing | null) => (timing ? `${ms(timing.p50)} | ${ms(timing.p95)}` : '– | –');
const share = (part: number, whole: number) => `${((part / whole) * 100).toFixed(1)}%`;

function datasetSection(facts: DatasetFacts, results: Results, reused: boolean): string[] {
  const rows = facts.rows;
  const totalStatuses = Object.values(results.statuses).reduce((a, b) => a + b, 0);
  const categories = Object.entries(results.categories).sort((a, b) => b[1] - a[1]);
  const categoryTotal = categories.reduce((sum, [, n]) => sum + n, 0);
  return [
    '## Dataset',
    `${reused ? 'Reused from an earlier run: generated' : 'Generated'} ${facts.generatedAt} in **${facts.generationSeconds} s** (seed ${facts.seed}; \`--regenerate\` for a new one): ${Object.entries(facts.phases).map(([name, seconds]) => `${name} ${seconds} s`).join('; ')}. Hazards go in with LOAD DATA LOCAL INFILE, 5,000 a chunk over 2 connections, the secondary indexes built afterwards.`,
    '',
    '| rows | |',
    '|---|---|',
    `| org units: the province bureau → ${rows.city} city bureaus → ${rows.county} county bureaus → schools → their departments/colleges | ${rows.org_unit} |`,
    `| schools | ${rows.school} |`,
    `| people, places | ${rows.person}, ${rows.place} |`,
    `| hazards | ${rows.hazard} |`,
    `| rectification plans | ${rows.hazard_plan} |`,
    `| overdue markers, escalations (open hazards past their deadline) | ${rows.hazard_overdue}, ${rows.hazard_escalation} |`,
    `| hazard_monthly rows (unit × month) | ${rows.hazard_monthly} |`,
    `| hazard step rows | 0 (the statistics no longer read them; see below) |`,
    '',
    `- Hazards per school (long tail): min ${facts.hazardsPerSchool.min}, median ${facts.hazardsPerSchool.p50}, p90 ${facts.hazardsPerSchool.p90}, p99 ${facts.hazardsPerSchool.p99}, max ${facts.hazardsPerSchool.max}.`,
    `- Discovered over 3 years with the school calendar (back-to-school checks in late Feb–Mar and Sep, quiet holidays, few at weekends) and growing use; 40% at the school itself, the rest at its departments/colleges.`,
    `- Status: ${Object.entries(results.statuses).filter(([, n]) => n > 0).map(([status, n]) => `${status} ${share(n, totalStatuses)}`).join(', ')} — old hazards archived or closed, open ones recent, ~1% of general and ~6% of major hazards dragging for weeks (悬而不决).`,
    `- MAJOR ${share(results.majorShare, 1)}; categories: ${categories.slice(0, 6).map(([category, n]) => `${category} ${share(n, categoryTotal)}`).join(', ')}, … (15 in all).`,
    `- Sample units: school «${facts.samples.school.name}» (${facts.samples.school.hazards} hazards, the largest of its county), county «${facts.samples.county.name}» (${facts.samples.county.hazards}, the county nearest the average), the province (${facts.samples.province.hazards}).`,
    '',
  ];
}

function resultsSection(results: Results): string[] {
  return [
    '## Figures',
    `p50 | p95 over the runs shown, after warm-up runs (3 for the main figures, 1 for the variants) and one more after a 1 s pause (InnoDB keeps a scan's pages only when they are read again a second later). Period for the statistics: ${results.period.from} … ${results.period.to} unless stated. Gateway = an HTTP POST to the gateway as a signed-in user (the school's safety office, the county bureau admin, the province admin), the subgraphs behind it, everything on this machine. Raw SQL = the same statement(s) sent straight to MariaDB: for the ledger the page-and-total statement plus the unit, person and place lookups the gateway's entity fetches make; for the statistics the statement the service builds (its own statsQuery, compiled).`,
    '',
    '| operation | gateway p50 | gateway p95 | raw SQL p50 | raw SQL p95 | runs | |',
    '|---|---|---|---|---|---|---|',
    ...results.rows.map((row) => `| ${row.name} | ${cell(row.gateway)} | ${cell(row.sql)} | ${row.gateway?.runs ?? ''}/${row.sql?.runs ?? ''} | ${row.note} |`),
    '',
    `Ledger nodes selected: \`${results.ledgerFields}\`.`,
    '',
    '### Answers checked',
    ...results.checks.map((check) => `- ${check.ok ? 'ok' : '**MISMATCH**'} — ${check.name}: ${check.detail}`),
    '',
    '### Before and after (raw SQL on the same data)',
    ...results.comparisons.flatMap((comparison) => [
      '',
      `**${comparison.name}**`,
      '',
      '| variant | p50 | p95 | runs |',
      '|---|---|---|---|',
      ...comparison.variants.map((variant) => `| ${variant.label} | ${ms(variant.timing.p50)} | ${ms(variant.timing.p95)} | ${variant.timing.runs} |`),
    ]),
    '',
  ];
}

const DESIGN = `## Indexes and rollups chosen, and why

**OrgUnit.hazardStats** used to fetch one row per hazard of the subtree, joined with its plan and every step (to find
acceptance and closing), and count in Node: a province-year meant ~380,000 rows and seconds (see "original" above,
without any step rows), and each unit of a list was its own statement. Now:

- *The loop's facts on the hazard*: \`accepted_at\`, \`accepted_on_time\` and \`closed_at\` are written once, at the first
  acceptance / closing, by \`recordHazardChange\` (hazards/hazard-rollup.ts); the statistics never read \`hazard_step\`.
- *\`hazard_monthly\`, a maintained rollup*: per unit (\`org_path\`) and month of discovery, counters by status, category
  and grade, accepted with a deadline / on time, closed and the summed time to close. \`recordHazardChange\` keeps it in
  the transaction of every change (a new hazard, each status change, a corrected category or grade). The hazard row
  remembers what it is counted under (\`rollup_status/category/grade\`), so each call moves exactly that hazard's counts,
  whether the caller saved the hazard before or after (assessment changes category and grade inside a transition).
  Keyed by the unit's own path, it follows moved units as the hazards do (it is in \`SCOPED_TABLES\`): no
  reorganisation makes it wrong. PRIMARY KEY (month, org_path), read with \`month IN (…)\`: a school or county is one
  short range per month, a province reads only the period's months. A million hazards make ~230,000 rows (units ×
  months with hazards).
- *A period* is summed from the whole months in \`hazard_monthly\`; a partial month is read from \`hazard\` when that part
  is the smaller, otherwise summed whole minus the part outside the period — for a period ending today that is the
  rest of the month, an empty range. So at most half a month of hazards is ever read. Overdue depends on today and is
  counted live from open hazards. It is all one statement (UNION ALL; no grouping for a single unit, grouping by the
  asked-for path prefix otherwise), and **every unit of a request with the same period is counted by that one
  statement** through a per-request DataLoader (unit paths from the projection in one query too): the 2,000-school
  rollup is one statement, not 2,000.
- *Covering indexes on hazard* for what is still read live:
  \`ix_hazard_discovered (discovered_at, org_path, status, category, grade, accepted_on_time, closed_at)\` — the partial
  months, for any subtree (without it the province statement falls back to scanning the table);
  \`ix_hazard_open (status, deadline, org_path, discovered_at)\` — open hazards past their deadline: the overdue count
  and the ledger's overdue filter, without reading table rows.
  An \`(org_path, discovered_at, …)\` twin was tried and dropped: it saved about 1 ms for a county.

Why per unit rather than per school or per bureau: per-bureau totals would make a province a handful of rows, but a
school moving to another county would leave them wrong; per-unit rows stay exact under any move and still shrink the
data about 4×, and whole months are never read as hazards. The province figures are now dominated by summing
~80,000 rollup rows; if that must get faster, the next step is a second table per school and month, kept the same
way and rebuilt for the schools concerned when a department moves between schools. With the default 128 MiB buffer
pool the hazard table's wide scans read through the OS cache; a production-sized pool makes the live parts faster
still, and the rollup's gain (reading far fewer rows) holds either way.

**The ledger (hazards query, hazard.service.ts).** What it needs, from the figures above:
- \`(org_path, created_at, id)\` (exists) — a school's or county's newest-first page is a prefix scan.
- \`(created_at, id)\` (\`ix_hazard_recent\`, added) — a bureau's newest-first page reads the index backwards and stops
  after 101 rows (milliseconds instead of sorting the whole subtree).
- \`ix_hazard_open\` (added) — the overdue filter (\`status IN (…) AND deadline < today\`). The deadline-soonest order
  sorts by an expression (\`COALESCE(deadline, …)\`), so it sorts whatever the filters leave: cheap with a status
  filter, a sort of the whole subtree for a bureau without one.
- \`ix_hazard_discovered\` (added) — discovery-date filters and the discovered-latest order of wide subtrees.
- The total is what stays expensive for a wide subtree: \`COUNT(*)\` of a province reads a million index entries
  whatever the index, and it is nearly all of the province page's time. Options, cheapest first: compute
  \`totalCount\` only when the query selects it; take it from \`hazard_monthly\` when the filter is only unit / whole
  months / one of status, category or grade (~230,000 short rows instead of a million index entries; above, its pages
  compete with the hazard scans for the 128 MiB pool); otherwise cap it ("10,000+").
- A status + category filter is served by the page index plus row checks. No index per filter combination: an
  \`(status, created_at)\` index was tried and made schools' and counties' filtered pages many times slower (a
  county's 50 ms became 420 ms), the optimizer preferring it to their path prefix.
- Free-text search (\`LIKE '%…%'\`) cannot use an index; at this scale it needs a unit or date range with it, or a
  FULLTEXT (ngram) index.
`;

export function hazardReport(facts: DatasetFacts, results: Results, reused: boolean, mysqlHost: string): string {
  return [
    '# Hazard ledger and dashboards at province scale',
    '',
    `Run ${new Date().toISOString()} by \`npm run bench:hazards\` (measurements ${results.totalSeconds} s).`,
    '',
    '## Machine',
    `- ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`,
    `- MariaDB ${results.server.version} at ${mysqlHost}, innodb_buffer_pool_size ${results.server.bufferPoolMiB} MiB (the default: the hazard table and its indexes do not fit, so wide scans read through the OS cache)`,
    '- The four subgraphs, the gateway and the dev Kafka broker on the same machine, one process each.',
    '',
    ...datasetSection(facts, results, reused),
    ...resultsSection(results),
    DESIGN,
  ].join('\n');
}
