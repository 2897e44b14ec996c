// The one test command: install, build and typecheck, then lint, schema staleness, unit, integration
// and end-to-end tests (tools/test/run-tests.ts).
import { spawnSync } from 'node:child_process';
import { compiledTool, installAndBuild, root } from '../runtime/prepare.mjs';

const started = Date.now();
const buildSeconds = installAndBuild();
const [node, args] = compiledTool('tools/test/run-tests.js');
const result = spawnSync(node, [...args, `--build-seconds=${buildSeconds}`, `--started=${started}`], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
