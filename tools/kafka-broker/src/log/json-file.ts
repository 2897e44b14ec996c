import { promises as fs } from 'node:fs';

/** Reads a JSON file, or returns `fallback` when it does not exist yet. */
export async function readJsonFile<T>(filePath: string, fallback: T): Promise<T> {
  try {
    return JSON.parse(await fs.readFile(filePath, 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return fallback;
    throw error;
  }
}

/** Writes a JSON file so that a crash leaves either the old or the new content: temp file, fsync, rename. */
export async function writeJsonFileAtomically(filePath: string, value: unknown): Promise<void> {
  const temporaryPath = `${filePath}.tmp`;
  const file = await fs.open(temporaryPath, 'w');
  try {
    await file.writeFile(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
    await file.sync();
  } finally {
    await file.close();
  }
  await fs.rename(temporaryPath, filePath);
}
