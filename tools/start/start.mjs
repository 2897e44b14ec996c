// The one start command: install what is missing, build, then run the platform with demo data.
import { spawn } from 'node:child_process';
import { compiledTool, installAndBuild, root } from '../runtime/prepare.mjs';

installAndBuild();
const [node, args] = compiledTool('tools/platform/start-cli.js');
const platform = spawn(node, args, { cwd: root, stdio: 'inherit' });
// Ctrl-C reaches the whole process group; the platform process stops the services, then we exit with it.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => platform.kill(signal));
platform.on('exit', (code) => process.exit(code ?? 0));
