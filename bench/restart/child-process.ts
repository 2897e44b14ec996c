import { readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';

/**
 * The pid of this process's child running the compiled app (dist/apps/<name>/src/main.js). The platform
 * keeps its children to itself; a crash is simulated with a SIGKILL to exactly that pid.
 */
export function childPidOf(name: string): number {
  const script = `dist/apps/${name}/src/main.js`;
  const children = readdirSync(`/proc/${process.pid}/task`).flatMap((task) =>
    readFileSync(`/proc/${process.pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
  );
  const match = children.find((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').some((arg) => arg.endsWith(script));
    } catch {
      return false; // exited meanwhile
    }
  });
  if (!match) throw new Error(`no child process runs ${script}`);
  return match;
}

/** Resolves once nothing accepts connections on the port any more (the killed process's socket is gone). */
export async function portClosed(port: number): Promise<void> {
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (!open) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
