import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { checkStorageKey, FileStore, StoredFile, StoredFileMissingError } from './file-store';

/**
 * Files under a directory on local disk. A file is written under .partial/ and renamed into
 * place once complete, so a key never names a half-written file.
 */
export class DiskStore implements FileStore {
  constructor(private readonly root: string) {}

  async put(key: string, content: Readable): Promise<void> {
    const target = this.pathOf(key);
    const partial = path.join(this.root, '.partial', randomUUID());
    await mkdir(path.dirname(partial), { recursive: true });
    const sink = createWriteStream(partial, { flags: 'wx', flush: true });
    try {
      await pipeline(content, sink);
      await mkdir(path.dirname(target), { recursive: true });
      await rename(partial, target);
    } catch (error) {
      // Refused before the file was open (a content type seen in the first bytes), the pipeline fails first and the
      // file is created after: remove it once the stream has closed, or an empty partial file stays behind.
      if (!sink.closed) await new Promise<void>((resolve) => sink.once('close', () => resolve()));
      await removeIfPresent(partial);
      throw error;
    }
  }

  async get(key: string): Promise<StoredFile> {
    const file = this.pathOf(key);
    try {
      const { size } = await stat(file);
      return { stream: createReadStream(file), size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new StoredFileMissingError(key);
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await removeIfPresent(this.pathOf(key));
  }

  private pathOf(key: string): string {
    return path.join(this.root, ...checkStorageKey(key).split('/'));
  }
}

async function removeIfPresent(file: string): Promise<void> {
  try {
    await unlink(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
