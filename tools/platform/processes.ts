import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';

/** The workspace root, from the source tree (tests) or the compiled one under dist/. */
export const ROOT = findRoot(__dirname);

function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'nx.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no nx.json above ${start}`);
    dir = parent;
  }
  return dir;
}

export interface ServiceProcess {
  name: string;
  port: number;
  logFile: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

/** Starts a compiled app with plain node; its JSON log goes to a file. */
export function startApp(name: string, port: number, env: NodeJS.ProcessEnv, logDir: string): ServiceProcess {
  return startCompiled(name, `dist/apps/${name}/src/main.js`, [], port, env, logDir);
}

/** Starts a compiled script (relative to the root) with the @campus/* mapping; output goes to <logDir>/<name>.log. */
export function startCompiled(
  name: string,
  script: string,
  args: string[],
  port: number,
  env: NodeJS.ProcessEnv,
  logDir: string,
): ServiceProcess {
  // Node options NODE_OPTIONS does not allow (e.g. --cpu-prof for the benchmarks' profiles).
  const merged: NodeJS.ProcessEnv = { ...process.env, ...env, PORT: String(port) };
  const { CAMPUS_NODE_ARGS: nodeArgs, ...childEnv } = merged;
  const nodeArgv = [...(nodeArgs ? nodeArgs.split(' ') : []), '-r', path.join(ROOT, 'tools/runtime/paths.js'), path.join(ROOT, script), ...args];
  return startProcess(name, process.execPath, nodeArgv, port, childEnv, logDir);
}

/** Starts any command (in the root, with exactly this environment) listening on `port`; output goes to <logDir>/<name>.log. */
export function startProcess(name: string, command: string, args: string[], port: number, env: NodeJS.ProcessEnv, logDir: string): ServiceProcess {
  mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `${name}.log`);
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { name, port, logFile, child, exited };
}

/** Waits until /readyz answers 200, failing early (with the log's tail) when the process dies. */
export async function waitUntilReady(service: ServiceProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let dead = false;
  void service.exited.then(() => (dead = true));
  while (Date.now() < deadline) {
    if (dead) throw new Error(`${service.name} exited during start:\n${tail(service.logFile)}`);
    try {
      const response = await fetch(`http://127.0.0.1:${service.port}/readyz`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${service.name} not ready after ${timeoutMs} ms:\n${tail(service.logFile)}`);
}

/** SIGTERM, then SIGKILL if it has not stopped within the grace period. */
export async function stopApp(service: ServiceProcess, graceMs = 10_000): Promise<void> {
  if (service.child.exitCode !== null || service.child.signalCode !== null) return;
  service.child.kill('SIGTERM');
  const timer = setTimeout(() => service.child.kill('SIGKILL'), graceMs);
  await service.exited;
  clearTimeout(timer);
}

export function tail(file: string, lines = 20): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Waits until something accepts TCP connections on the port (for processes without /readyz). */
export async function waitForPort(service: ServiceProcess, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null) throw new Error(`${service.name} exited during start:\n${tail(service.logFile)}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(service.port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${service.name} not listening after ${timeoutMs} ms:\n${tail(service.logFile)}`);
}
