import { ROOT } from '@campus/platform';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * The statement OrgUnit.hazardStats sends for some unit paths and a period, built by the compiled service's
 * own statsQuery (in a child process, as tools/schema runs the compiled services), so the raw-SQL figures
 * time exactly what the service sends.
 */
const SCRIPT = `
require('reflect-metadata');
const stats = require(${JSON.stringify(path.join(ROOT, 'dist/apps/hazard-tracking/src/hazards/hazard-stats.js'))});
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const start = Date.parse(input.from + 'T00:00:00+08:00');
const until = Date.parse(input.to + 'T00:00:00+08:00') + 86400000;
const now = Date.parse(input.now);
const today = new Date(now + 8 * 3600000).toISOString().slice(0, 10);
const query = stats.statsQuery(input.paths, stats.periodPlan(start, until, now), start, until, today);
process.stdout.write(JSON.stringify({ sql: query.sql, params: query.params.map((p) => (p instanceof Date ? { date: p.toISOString() } : p)) }));
`;

export interface Statement {
  sql: string;
  params: unknown[];
}

export function hazardStatsStatement(paths: string[], from: string, to: string, now: Date): Statement {
  const output = execFileSync(process.execPath, ['-r', path.join(ROOT, 'tools/runtime/paths.js'), '-e', SCRIPT], {
    cwd: ROOT,
    input: JSON.stringify({ paths, from, to, now: now.toISOString() }),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const parsed = JSON.parse(output) as { sql: string; params: unknown[] };
  const revive = (param: unknown) => (param && typeof param === 'object' && 'date' in param ? new Date(String((param as { date: string }).date)) : param);
  return { sql: parsed.sql, params: parsed.params.map(revive) };
}
