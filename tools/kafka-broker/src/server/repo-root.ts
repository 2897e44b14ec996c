import { existsSync } from 'node:fs';
import path from 'node:path';

/** The workspace root (the directory holding nx.json) above `start`, from the source tree or dist/; else the cwd. */
export function findRepoRoot(start: string = __dirname): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'nx.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

/** `.data/kafka` under the repository root. */
export function defaultDataDir(): string {
  return path.join(findRepoRoot(), '.data', 'kafka');
}
