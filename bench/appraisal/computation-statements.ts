import { ROOT } from '@campus/platform';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Statement } from '../hazards/service-statement';

/**
 * What the appraisal computation sends to MariaDB for some units and a period, step by step: the compiled
 * service's own metrics (values() of each metric its automatic indicators name, in the scheme's order) and veto checks
 * (findVetoes), run in a child process (the bench may not import an app) against the bench database
 * through a stand-in manager that sends each statement, times it and records it. So the floor re-runs
 * exactly the statements the computation sends, data-dependent ones (a vetoed unit's sources) included,
 * and the steps show how much of each indicator's time is SQL and how much is the service's own code.
 */
const SCRIPT = `
require('reflect-metadata');
const mysql = require('mysql2/promise');
const dist = ${JSON.stringify(path.join(ROOT, 'dist/apps/supervision-appraisal/src'))};
const { automaticMetric } = require(dist + '/metrics/metric-catalogue.js');
const { findVetoes } = require(dist + '/appraisals/veto-checks.js');
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;
(async () => {
  const connection = await mysql.createConnection({ uri: process.env.APPRAISAL_DB_URL, timezone: 'Z', dateStrings: ['DATE'] });
  const statements = [];
  const steps = [];
  let step = '';
  const manager = {
    query: async (sql, params = []) => {
      const start = process.hrtime.bigint();
      const [rows] = await connection.query(sql, params);
      statements.push({ step, sql, params: params.map((p) => (p instanceof Date ? { date: p.toISOString() } : p)), ms: ms(start), rows: Array.isArray(rows) ? rows.length : 0 });
      return rows;
    },
  };
  const run = async (label, work) => {
    step = label;
    const before = statements.length;
    const start = process.hrtime.bigint();
    await work();
    const sqlMs = statements.slice(before).reduce((sum, s) => sum + s.ms, 0);
    steps.push({ label, ms: ms(start), sqlMs, statements: statements.length - before });
  };
  for (const indicator of input.indicators) await run(indicator.label, () => automaticMetric(indicator.metric).values(manager, input.units, input.period));
  await run('一票否决 (' + input.vetoRules.join(', ') + ')', () => findVetoes(manager, input.vetoRules, input.units, input.period));
  await connection.end();
  process.stdout.write(JSON.stringify({ steps, statements }));
})().catch((error) => { console.error(error); process.exit(1); });
`;

export interface CapturedStatement extends Statement {
  step: string;
  /** As timed in the child process (the service's code around it excluded). */
  ms: number;
  rows: number;
}

export interface ComputationStep {
  label: string;
  /** The step's wall time: its statements and the service's code (rolling rows up to units, scoring inputs). */
  ms: number;
  sqlMs: number;
  statements: number;
}

export interface ComputationInput {
  indicators: { label: string; metric: string }[];
  vetoRules: string[];
  units: { id: string; path: string }[];
  period: { from: string; to: string; asOf: string };
}

export function captureComputation(appraisalDbUrl: string, input: ComputationInput): { steps: ComputationStep[]; statements: CapturedStatement[] } {
  const output = execFileSync(process.execPath, ['-r', path.join(ROOT, 'tools/runtime/paths.js'), '-e', SCRIPT], {
    cwd: ROOT,
    input: JSON.stringify(input),
    encoding: 'utf8',
    env: { ...process.env, APPRAISAL_DB_URL: appraisalDbUrl },
    maxBuffer: 256 * 1024 * 1024,
  });
  const parsed = JSON.parse(output) as { steps: ComputationStep[]; statements: CapturedStatement[] };
  const revive = (param: unknown) => (param && typeof param === 'object' && 'date' in param ? new Date(String((param as { date: string }).date)) : param);
  return { steps: parsed.steps, statements: parsed.statements.map((statement) => ({ ...statement, params: statement.params.map(revive) })) };
}
