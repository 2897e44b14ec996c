import { createHash, Hash } from 'node:crypto';
import { pipeline, Readable, Transform, TransformCallback } from 'node:stream';
import { FileStore } from './file-store';
import { badUpload, fileTooLarge, unsupportedType } from './upload-errors';
import { describeTypes, DOCX, FileType, HEAD_BYTES, HeadVerdict, officeTypeOfZipTail, sniffHead, XLSX, ZIP_TAIL_BYTES } from './file-types';

/** What an inspected upload turned out to be, once its last byte has passed. */
export interface InspectedFile {
  type: FileType;
  size: number;
  sha256: string;
}

/**
 * Passes an upload through while checking it: its type by magic bytes (refused as soon as the head is
 * known, or at the end for a zip that must be an Office document), its size against the limit (refused
 * the moment it is exceeded), not empty; and computes its SHA-256 on the way. A refusal destroys the
 * stream with an UploadRefusedError, so whatever consumes it fails too.
 */
export class UploadInspector extends Transform {
  private readonly hash: Hash = createHash('sha256');
  private size = 0;
  private head = Buffer.alloc(0);
  private verdict: HeadVerdict | undefined;
  private tail = Buffer.alloc(0);
  private inspected: InspectedFile | null = null;

  constructor(
    private readonly allowed: readonly FileType[],
    private readonly maxBytes: number,
  ) {
    super();
  }

  /** The result; only after the stream has ended without error. */
  get result(): InspectedFile {
    if (!this.inspected) throw new Error('upload not inspected to its end');
    return this.inspected;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return callback(fileTooLarge(this.maxBytes));
    this.hash.update(chunk);
    if (this.verdict === undefined) {
      this.head = Buffer.concat([this.head, chunk]).subarray(0, HEAD_BYTES);
      if (this.head.length === HEAD_BYTES) {
        const refusal = this.judgeHead();
        if (refusal) return callback(refusal);
      }
    }
    if (this.verdict === 'ZIP') this.keepTail(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.size === 0) return callback(badUpload('文件为空'));
    if (this.verdict === undefined) {
      const refusal = this.judgeHead();
      if (refusal) return callback(refusal);
    }
    const type = this.verdict === 'ZIP' ? officeTypeOfZipTail(this.tail) : this.verdict;
    if (!type || !this.allowed.includes(type)) return callback(this.notAllowed());
    this.inspected = { type, size: this.size, sha256: this.hash.digest('hex') };
    callback();
  }

  private judgeHead(): Error | null {
    this.verdict = sniffHead(this.head);
    if (this.verdict === 'ZIP') return this.allowed.includes(DOCX) || this.allowed.includes(XLSX) ? null : this.notAllowed();
    return this.verdict && this.allowed.includes(this.verdict) ? null : this.notAllowed();
  }

  private keepTail(chunk: Buffer): void {
    const joined = Buffer.concat([this.tail, chunk]);
    this.tail = joined.subarray(Math.max(0, joined.length - ZIP_TAIL_BYTES));
  }

  private notAllowed(): Error {
    return unsupportedType(`文件类型不支持，只接受 ${describeTypes(this.allowed)} 文件（按文件内容识别）`);
  }
}

/**
 * Streams an upload through an inspector into the store under the key and says what it was; a refused
 * upload (type, size, empty) fails with its UploadRefusedError and leaves nothing stored.
 */
export async function storeInspected(store: FileStore, key: string, content: Readable, allowed: readonly FileType[], maxBytes: number): Promise<InspectedFile> {
  const inspector = new UploadInspector(allowed, maxBytes);
  await store.put(key, pipeline(content, inspector, () => undefined));
  return inspector.result;
}
