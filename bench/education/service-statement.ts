import { ROOT } from '@campus/platform';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Statement } from '../hazards/service-statement';

/**
 * The statement OrgUnit.educationCoverage sends for some unit ids and a period: the compiled service's own
 * loadCoverage is run (in a child process, as bench/hazards does) with a stand-in data source that records
 * the statement instead of sending it, so the raw-SQL figures time exactly what the service sends.
 */
const SCRIPT = `
require('reflect-metadata');
const coverage = require(${JSON.stringify(path.join(ROOT, 'dist/apps/education-drills/src/activities/coverage.js'))});
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
let captured = null;
const manager = { query: async (sql, params) => { captured = captured || { sql, params }; throw new Error('recorded'); } };
const loaders = new Map();
const caller = { loaders: { get: (key, make) => (loaders.has(key) ? loaders.get(key) : (loaders.set(key, make()), loaders.get(key))) } };
const period = coverage.coveragePeriod({ from: input.from, to: input.to });
const sent = Promise.allSettled(input.ids.map((id) => coverage.loadCoverage(caller, { manager }, null, id, period)));
sent.then(() => {
  if (!captured) throw new Error('loadCoverage sent no statement');
  process.stdout.write(JSON.stringify({ sql: captured.sql, params: captured.params.map((p) => (p instanceof Date ? { date: p.toISOString() } : p)) }));
});
`;

function statement(input: { ids: string[]; from: string; to: string }): Statement {
  const output = execFileSync(process.execPath, ['-r', path.join(ROOT, 'tools/runtime/paths.js'), '-e', SCRIPT], {
    cwd: ROOT,
    input: JSON.stringify(input),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const parsed = JSON.parse(output) as { sql: string; params: unknown[] };
  const revive = (param: unknown) => (param && typeof param === 'object' && 'date' in param ? new Date(String((param as { date: string }).date)) : param);
  return { sql: parsed.sql, params: parsed.params.map(revive) };
}

/** What OrgUnit.educationCoverage sends for projected units (coverageOfUnits, through loadCoverage). */
export function coverageStatement(unitIds: string[], from: string, to: string): Statement {
  return statement({ ids: unitIds, from, to });
}

/**
 * Coverage counted from the attendance rows without the rollup (what the service sent before it kept one):
 * each unit's active people by an index range of their paths, each probed for attendance in the period.
 */
export function liveCoverageStatement(unitIds: string[], from: string, to: string): Statement {
  return {
    sql: `SELECT u.id, COUNT(p.id) AS population,
            SUM(EXISTS (SELECT 1 FROM education_attendance e WHERE e.person_id = p.id AND e.held_at >= ? AND e.held_at < ?)) AS covered
          FROM org_unit_projection u
          LEFT JOIN person_projection p ON p.org_path >= u.path AND p.org_path < CONCAT(u.path, '~') AND p.active = TRUE
          WHERE u.id IN (${unitIds.map(() => '?').join(', ')}) GROUP BY u.id`,
    params: [new Date(Date.parse(`${from}T00:00:00+08:00`)), new Date(Date.parse(`${to}T00:00:00+08:00`) + 86_400_000), ...unitIds],
  };
}
