// Shared first steps of the start and test commands: install what is missing, then build with tsc
// (which is also the typecheck). Plain Node, because it runs before anything is installed.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function step(label, command, args) {
  process.stdout.write(`[${label}]\n`);
  const started = Date.now();
  execFileSync(command, args, { cwd: root, stdio: 'inherit' });
  return (Date.now() - started) / 1000;
}

export function installAndBuild() {
  const installed = path.join(root, 'node_modules/.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (!existsSync(installed) || statSync(lock).mtimeMs > statSync(installed).mtimeMs) {
    step('install: npm ci', process.platform === 'win32' ? 'npm.cmd' : 'npm', ['ci', '--no-audit', '--no-fund']);
  }
  return step('build and typecheck: tsc', process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json']);
}

/** Runs a compiled tool with the @campus/* path mapping. */
export function compiledTool(relativeJs) {
  return [process.execPath, ['-r', path.join(root, 'tools/runtime/paths.js'), path.join(root, 'dist', relativeJs)]];
}
