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
const sent = input.paths
  ? coverage.coverageByPaths(manager, input.paths, period).catch(() => null)
  : Promise.allSettled(input.ids.map((id) => coverage.loadCoverage(caller, { manager }, null, id, period)));
sent.then(() => {
  if (!captured) throw new Error('loadCoverage sent no statement');
  process.stdout.write(JSON.stringify({ sql: captured.sql, params: captured.params.map((p) => (p instanceof Date ? { date: p.toISOString() } : p)) }));
});
`;

function statement(input: { ids?: string[]; paths?: string[]; from: string; to: string }): Statement {
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

/** What the service's coverageByPaths sends for unit paths (literal prefixes; its fallback for unprojected units). */
export function coverageByPathsStatement(paths: string[], from: string, to: string): Statement {
  return statement({ paths, from, to });
}
