import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { RECORD_BATCH_HEADER_SIZE, RECORD_BATCH_MAGIC, RecordBatchHeader, parseRecordBatchHeader, setBaseOffset } from '../protocol/record-batch';

/** Where one stored batch sits in the log file, by offset. */
export interface BatchIndexEntry {
  baseOffset: bigint;
  lastOffset: bigint;
  maxTimestamp: bigint;
  position: number;
  size: number;
}

export interface ScannedBatch {
  header: RecordBatchHeader;
  position: number;
}

const SCAN_CHUNK_BYTES = 1 << 20;

/**
 * One partition's log: a single file of magic-2 record batches, stored exactly as produced except for
 * the base offset, plus an in-memory index (offset -> file position) rebuilt by scanning on open.
 * Callers serialise appends; reads see only batches whose write has completed.
 */
export class PartitionLog {
  /** Offsets start at 0: the dev broker never deletes old segments. */
  readonly logStartOffset = 0n;
  private readonly index: BatchIndexEntry[] = [];
  private fileSize = 0;
  private endOffset = 0n;

  private constructor(
    private readonly file: FileHandle,
    private readonly fsyncOnAppend: boolean,
  ) {}

  /** Opens (creating if needed) the log file, indexes every whole batch and drops a torn tail. */
  static async open(filePath: string, fsyncOnAppend: boolean, onBatch?: (batch: ScannedBatch) => void): Promise<PartitionLog> {
    // Not 'a+': on Linux positional writes to a file opened for appending are ignored.
    await fs.writeFile(filePath, '', { flag: 'a' });
    const file = await fs.open(filePath, 'r+');
    const log = new PartitionLog(file, fsyncOnAppend);
    try {
      await log.rebuildIndex(onBatch);
    } catch (error) {
      await file.close();
      throw error;
    }
    return log;
  }

  get logEndOffset(): bigint {
    return this.endOffset;
  }

  get sizeInBytes(): number {
    return this.fileSize;
  }

  /** Stamps the batch with the log-end offset, writes it and returns its base offset. */
  async append(batch: Buffer): Promise<bigint> {
    const header = parseRecordBatchHeader(batch);
    const baseOffset = this.endOffset;
    setBaseOffset(batch, baseOffset);
    const position = this.fileSize;
    await this.writeFully(batch, position);
    if (this.fsyncOnAppend) await this.file.datasync();
    this.addToIndex(header, baseOffset, position, batch.length);
    return baseOffset;
  }

  /**
   * Whole batches from the one containing `fetchOffset`, up to `maxBytes`; with `atLeastOneBatch`
   * the first batch is returned even when it alone is larger.
   */
  async read(fetchOffset: bigint, maxBytes: number, atLeastOneBatch: boolean): Promise<Buffer> {
    const first = this.indexOfBatchContaining(fetchOffset);
    if (first < 0) return Buffer.alloc(0);
    let last = first - 1;
    let bytes = 0;
    while (last + 1 < this.index.length) {
      const next = this.index[last + 1];
      const withinLimit = bytes + next.size <= maxBytes;
      if (!withinLimit && !(atLeastOneBatch && last < first)) break;
      bytes += next.size;
      last += 1;
    }
    if (last < first) return Buffer.alloc(0);
    return this.readRange(this.index[first].position, bytes);
  }

  /** The first batch whose max timestamp is at or after `timestamp` (batch granularity), or null. */
  findByTimestamp(timestamp: bigint): { offset: bigint; timestamp: bigint } | null {
    const entry = this.index.find((e) => e.maxTimestamp >= timestamp);
    return entry ? { offset: entry.baseOffset, timestamp: entry.maxTimestamp } : null;
  }

  async close(): Promise<void> {
    await this.file.close();
  }

  private indexOfBatchContaining(offset: bigint): number {
    let low = 0;
    let high = this.index.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (this.index[middle].lastOffset >= offset) {
        found = middle;
        high = middle - 1;
      } else {
        low = middle + 1;
      }
    }
    return found;
  }

  private addToIndex(header: RecordBatchHeader, baseOffset: bigint, position: number, size: number): void {
    const lastOffset = baseOffset + BigInt(header.lastOffsetDelta);
    this.index.push({ baseOffset, lastOffset, maxTimestamp: header.maxTimestamp, position, size });
    this.fileSize = position + size;
    this.endOffset = lastOffset + 1n;
  }

  private async rebuildIndex(onBatch?: (batch: ScannedBatch) => void): Promise<void> {
    const { size: fileSize } = await this.file.stat();
    const chunk = Buffer.alloc(SCAN_CHUNK_BYTES);
    let chunkStart = 0;
    let chunkLength = 0;
    let position = 0;
    while (position < fileSize) {
      if (position + RECORD_BATCH_HEADER_SIZE > chunkStart + chunkLength) {
        chunkStart = position;
        chunkLength = (await this.file.read(chunk, 0, SCAN_CHUNK_BYTES, position)).bytesRead;
        if (chunkLength < RECORD_BATCH_HEADER_SIZE) break;
      }
      const header = parseRecordBatchHeader(chunk, position - chunkStart);
      const isWholeBatch = header.magic === RECORD_BATCH_MAGIC && header.sizeInBytes >= RECORD_BATCH_HEADER_SIZE && position + header.sizeInBytes <= fileSize;
      if (!isWholeBatch) break;
      this.addToIndex(header, header.baseOffset, position, header.sizeInBytes);
      onBatch?.({ header, position });
      position += header.sizeInBytes;
    }
    if (position < fileSize) await this.file.truncate(position);
    this.fileSize = position;
  }

  private async writeFully(buffer: Buffer, position: number): Promise<void> {
    let written = 0;
    while (written < buffer.length) {
      const result = await this.file.write(buffer, written, buffer.length - written, position + written);
      written += result.bytesWritten;
    }
  }

  private async readRange(position: number, length: number): Promise<Buffer> {
    const buffer = Buffer.alloc(length);
    let read = 0;
    while (read < length) {
      const result = await this.file.read(buffer, read, length - read, position + read);
      if (result.bytesRead === 0) break;
      read += result.bytesRead;
    }
    return buffer.subarray(0, read);
  }
}
