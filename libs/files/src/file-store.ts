import { Readable } from 'node:stream';

/** A stored file opened for reading. */
export interface StoredFile {
  stream: Readable;
  size: number;
}

/**
 * Where uploaded files live. Keys are made by the service (letters, digits, '/', '-'), never by users.
 * put stores the whole stream or nothing: when the stream fails (a refused upload), nothing is left.
 */
export interface FileStore {
  put(key: string, content: Readable): Promise<void>;
  /** Throws StoredFileMissingError when nothing is stored under the key. */
  get(key: string): Promise<StoredFile>;
  /** Removes the file; a missing file is no error. */
  delete(key: string): Promise<void>;
}

export class StoredFileMissingError extends Error {
  constructor(readonly key: string) {
    super(`no stored file under ${key}`);
    this.name = 'StoredFileMissingError';
  }
}

const KEY = /^[a-z0-9]+(?:[/-][a-z0-9]+)*$/;

export function checkStorageKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`invalid storage key: ${key}`);
  return key;
}
