import { crc32c } from './primitives';

/** Byte positions inside a record batch (magic 2). */
export const BatchField = {
  BASE_OFFSET: 0,
  BATCH_LENGTH: 8,
  PARTITION_LEADER_EPOCH: 12,
  MAGIC: 16,
  CRC: 17,
  ATTRIBUTES: 21,
  LAST_OFFSET_DELTA: 23,
  FIRST_TIMESTAMP: 27,
  MAX_TIMESTAMP: 35,
  PRODUCER_ID: 43,
  PRODUCER_EPOCH: 51,
  BASE_SEQUENCE: 53,
  RECORD_COUNT: 57,
  RECORDS: 61,
} as const;

/** baseOffset + batchLength: the batch length counts the bytes after these 12. */
export const BATCH_LOG_OVERHEAD = 12;
export const RECORD_BATCH_HEADER_SIZE = BatchField.RECORDS;
export const RECORD_BATCH_MAGIC = 2;

const COMPRESSION_MASK = 0x07;
const TRANSACTIONAL_FLAG = 0x10;
const CONTROL_FLAG = 0x20;

export interface RecordBatchHeader {
  baseOffset: bigint;
  /** Total size of the batch in bytes, including baseOffset and batchLength. */
  sizeInBytes: number;
  magic: number;
  crc: number;
  attributes: number;
  compression: number;
  isTransactional: boolean;
  isControl: boolean;
  lastOffsetDelta: number;
  firstTimestamp: bigint;
  maxTimestamp: bigint;
  producerId: bigint;
  producerEpoch: number;
  baseSequence: number;
  recordCount: number;
}

/** Reads the fixed header of the record batch at `position` in `buffer`. */
export function parseRecordBatchHeader(buffer: Buffer, position = 0): RecordBatchHeader {
  const at = (field: number) => position + field;
  const attributes = buffer.readInt16BE(at(BatchField.ATTRIBUTES));
  return {
    baseOffset: buffer.readBigInt64BE(at(BatchField.BASE_OFFSET)),
    sizeInBytes: buffer.readInt32BE(at(BatchField.BATCH_LENGTH)) + BATCH_LOG_OVERHEAD,
    magic: buffer.readInt8(at(BatchField.MAGIC)),
    crc: buffer.readUInt32BE(at(BatchField.CRC)),
    attributes,
    compression: attributes & COMPRESSION_MASK,
    isTransactional: (attributes & TRANSACTIONAL_FLAG) !== 0,
    isControl: (attributes & CONTROL_FLAG) !== 0,
    lastOffsetDelta: buffer.readInt32BE(at(BatchField.LAST_OFFSET_DELTA)),
    firstTimestamp: buffer.readBigInt64BE(at(BatchField.FIRST_TIMESTAMP)),
    maxTimestamp: buffer.readBigInt64BE(at(BatchField.MAX_TIMESTAMP)),
    producerId: buffer.readBigInt64BE(at(BatchField.PRODUCER_ID)),
    producerEpoch: buffer.readInt16BE(at(BatchField.PRODUCER_EPOCH)),
    baseSequence: buffer.readInt32BE(at(BatchField.BASE_SEQUENCE)),
    recordCount: buffer.readInt32BE(at(BatchField.RECORD_COUNT)),
  };
}

/** The CRC-32C the batch should carry: over bytes [attributes, end). */
export function computeBatchCrc(batch: Buffer): number {
  return crc32c(batch.subarray(BatchField.ATTRIBUTES));
}

export function hasValidCrc(batch: Buffer): boolean {
  return batch.readUInt32BE(BatchField.CRC) === computeBatchCrc(batch);
}

/** Overwrites the batch's base offset in place; the CRC does not cover it, so it stays valid. */
export function setBaseOffset(batch: Buffer, baseOffset: bigint): void {
  batch.writeBigInt64BE(baseOffset, BatchField.BASE_OFFSET);
}

/** Bytes of a whole batch starting at `position`, or 0 if `buffer` holds less than a whole batch there. */
export function completeBatchSizeAt(buffer: Buffer, position: number): number {
  if (buffer.length - position < RECORD_BATCH_HEADER_SIZE) return 0;
  const size = buffer.readInt32BE(position + BatchField.BATCH_LENGTH) + BATCH_LOG_OVERHEAD;
  if (size < RECORD_BATCH_HEADER_SIZE || buffer.length - position < size) return 0;
  return size;
}

export type RecordSetSplit = { ok: true; batches: Buffer[] } | { ok: false; reason: string };

/** Splits a produce request's record set into whole magic-2 batches with valid CRCs. */
export function splitRecordSet(records: Buffer): RecordSetSplit {
  const batches: Buffer[] = [];
  let position = 0;
  while (position < records.length) {
    const size = completeBatchSizeAt(records, position);
    if (size === 0) return { ok: false, reason: 'truncated record batch' };
    const batch = records.subarray(position, position + size);
    if (batch.readInt8(BatchField.MAGIC) !== RECORD_BATCH_MAGIC) return { ok: false, reason: 'record batch magic is not 2' };
    if (!hasValidCrc(batch)) return { ok: false, reason: 'record batch CRC mismatch' };
    batches.push(batch);
    position += size;
  }
  if (batches.length === 0) return { ok: false, reason: 'empty record set' };
  return { ok: true, batches };
}
