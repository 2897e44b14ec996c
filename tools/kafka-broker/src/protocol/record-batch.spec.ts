import { fixture } from './fixtures';
import { crc32c } from './primitives';
import { decodeProduceRequest } from './produce';
import { BatchField, computeBatchCrc, hasValidCrc, parseRecordBatchHeader, setBaseOffset, splitRecordSet } from './record-batch';

function producedBatch(): Buffer {
  const records = decodeProduceRequest(fixture('produce', 'v7_request')).topics[0].partitions[0].records;
  if (!records) throw new Error('fixture has no records');
  return Buffer.from(records);
}

describe('record batches (magic 2)', () => {
  it('CRC-32C check value: crc32c("123456789") = e3069283', () => {
    expect(crc32c(Buffer.from('123456789')).toString(16)).toBe('e3069283');
  });

  it('parses the header of a produced batch', () => {
    const batch = producedBatch();
    const header = parseRecordBatchHeader(batch);
    expect(header).toMatchObject({
      baseOffset: 0n,
      sizeInBytes: batch.length,
      magic: 2,
      compression: 0,
      isTransactional: false,
      isControl: false,
      producerId: 4004n,
      producerEpoch: 0,
      baseSequence: 0,
    });
    expect(header.recordCount).toBe(header.lastOffsetDelta + 1);
    expect(header.maxTimestamp).toBeGreaterThanOrEqual(header.firstTimestamp);
    expect(header.crc).toBe(computeBatchCrc(batch));
  });

  it('rewriting the base offset keeps the CRC valid (it covers bytes from the attributes on)', () => {
    const batch = producedBatch();
    const crcBefore = batch.readUInt32BE(BatchField.CRC);
    setBaseOffset(batch, 123456789012n);
    expect(parseRecordBatchHeader(batch).baseOffset).toBe(123456789012n);
    expect(batch.readUInt32BE(BatchField.CRC)).toBe(crcBefore);
    expect(hasValidCrc(batch)).toBe(true);
  });

  it('splits a record set into whole batches and rejects corrupt or truncated ones', () => {
    const batch = producedBatch();
    const two = Buffer.concat([batch, batch]);
    const split = splitRecordSet(two);
    expect(split.ok && split.batches.map((b) => b.length)).toEqual([batch.length, batch.length]);

    expect(splitRecordSet(batch.subarray(0, batch.length - 1))).toEqual({ ok: false, reason: 'truncated record batch' });
    const corrupt = Buffer.from(batch);
    corrupt[corrupt.length - 1] ^= 0xff;
    expect(splitRecordSet(corrupt)).toEqual({ ok: false, reason: 'record batch CRC mismatch' });
    expect(splitRecordSet(Buffer.alloc(0))).toEqual({ ok: false, reason: 'empty record set' });
  });
});
