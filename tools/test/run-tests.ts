import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureMysql, ROOT } from '@campus/platform';
import { ensureChromium } from './chromium';

interface Step {
  label: string;
  command: string;
  args: string[];
}

const bin = (name: string) => path.join(ROOT, 'node_modules/.bin', name);

const STEPS: Step[] = [
  // The module-boundary rule reads Nx's project graph and silently skips itself when none is cached.
  { label: 'project graph (nx)', command: bin('nx'), args: ['show', 'projects'] },
  { label: 'lint (eslint, module boundaries)', command: bin('eslint'), args: ['.', '--max-warnings', '0'] },
  {
    label: 'schema and policy files current, no undeclared breaking API change',
    command: process.execPath,
    args: ['-r', path.join(ROOT, 'tools/runtime/paths.js'), path.join(ROOT, 'dist/tools/schema/schemas.js'), '--check'],
  },
  // Jest's default of one worker less than the cores leaves one of two cores idle while integration tests wait on MariaDB.
  { label: 'unit and integration tests', command: bin('jest'), args: ['--selectProjects', 'unit', 'integration', '--ci', '--maxWorkers=100%'] },
  // In band: each suite boots a whole platform, which is CPU-bound; two at once measured slower (742 s against 687 s).
  { label: 'end-to-end tests', command: bin('jest'), args: ['--selectProjects', 'e2e', '--runInBand', '--ci'] },
];

function argument(name: string): string | undefined {
  return process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
}

async function main(): Promise<void> {
  ensureChromium((line) => process.stdout.write(`[chromium] ${line}\n`));
  const mysqlUrl = process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
  const mysql = await ensureMysql(mysqlUrl, path.join(ROOT, '.data'), (line) => process.stdout.write(`[mysql] ${line}\n`));
  const timings: [string, number][] = [['build and typecheck (tsc)', Number(argument('build-seconds') ?? 0)]];
  let failed: string | null = null;
  try {
    for (const step of STEPS) {
      process.stdout.write(`[${step.label}]\n`);
      const started = Date.now();
      const result = spawnSync(step.command, step.args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, MYSQL_URL: mysqlUrl, NX_DAEMON: 'false' } });
      timings.push([step.label, (Date.now() - started) / 1000]);
      if (result.status !== 0) {
        failed = step.label;
        break;
      }
    }
  } finally {
    await mysql.stop();
  }
  const total = (Date.now() - Number(argument('started') ?? Date.now())) / 1000;
  process.stdout.write(`\n${timings.map(([label, seconds]) => `  ${seconds.toFixed(1).padStart(6)} s  ${label}`).join('\n')}\n`);
  process.stdout.write(`  ${total.toFixed(1).padStart(6)} s  total\n`);
  if (failed) {
    process.stdout.write(`FAILED: ${failed}\n`);
    process.exit(1);
  }
  process.stdout.write('all checks passed\n');
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
