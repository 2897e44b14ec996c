// The one start command: install what is missing, build, then run the platform with demo data.
// Plain Node (no dependencies), because it runs before anything is installed.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function step(label, command, args) {
  process.stdout.write(`[start] ${label}\n`);
  execFileSync(command, args, { cwd: root, stdio: 'inherit' });
}

const installed = path.join(root, 'node_modules/.package-lock.json');
const lock = path.join(root, 'package-lock.json');
if (!existsSync(installed) || statSync(lock).mtimeMs > statSync(installed).mtimeMs) {
  step('installing dependencies (npm ci)', npm, ['ci', '--no-audit', '--no-fund']);
}
step('building (tsc)', process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json']);

const platform = spawn(
  process.execPath,
  ['-r', path.join(root, 'tools/runtime/paths.js'), path.join(root, 'dist/tools/platform/start-cli.js')],
  { cwd: root, stdio: 'inherit' },
);
// Ctrl-C reaches the whole process group; the platform process stops the services, then we exit with it.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => platform.kill(signal));
platform.on('exit', (code) => process.exit(code ?? 0));
