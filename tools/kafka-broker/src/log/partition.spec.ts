import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixture } from '../protocol/fixtures';
import { decodeProduceRequest } from '../protocol/produce';
import { BatchField, computeBatchCrc, hasValidCrc, parseRecordBatchHeader } from '../protocol/record-batch';
import { LogManager } from './log-manager';
import { Partition } from './partition';

/** The golden produce batch (idempotent producer 4004, epoch 0), re-sequenced and re-checksummed. */
function batchWithSequence(baseSequence: number, producerEpoch = 0): Buffer {
  const records = decodeProduceRequest(fixture('produce', 'v7_request')).topics[0].partitions[0].records;
  const batch = Buffer.from(records ?? Buffer.alloc(0));
  batch.writeInt16BE(producerEpoch, BatchField.PRODUCER_EPOCH);
  batch.writeInt32BE(baseSequence, BatchField.BASE_SEQUENCE);
  batch.writeUInt32BE(computeBatchCrc(batch), BatchField.CRC);
  return batch;
}

const RECORDS_PER_BATCH = parseRecordBatchHeader(batchWithSequence(0)).recordCount;

describe('partition log', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kafka-broker-log-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('stamps base offsets, answers a retried duplicate with the original offset and rejects sequence gaps', async () => {
    const file = path.join(dir, '0.log');
    const partition = await Partition.open('t', 0, file, false);
    expect(await partition.append([batchWithSequence(0)])).toEqual({ errorCode: 0, baseOffset: 0n });
    expect(await partition.append([batchWithSequence(0)])).toEqual({ errorCode: 0, baseOffset: 0n });
    expect(partition.logEndOffset).toBe(BigInt(RECORDS_PER_BATCH));
    expect(await partition.append([batchWithSequence(RECORDS_PER_BATCH)])).toEqual({ errorCode: 0, baseOffset: BigInt(RECORDS_PER_BATCH) });
    expect(await partition.append([batchWithSequence(RECORDS_PER_BATCH * 5)])).toEqual({ errorCode: 45, baseOffset: -1n });
    expect(partition.logEndOffset).toBe(BigInt(2 * RECORDS_PER_BATCH));
    await partition.close();

    // A restart rebuilds the index and the producer state from the file.
    const reopened = await Partition.open('t', 0, file, false);
    expect(reopened.logEndOffset).toBe(BigInt(2 * RECORDS_PER_BATCH));
    expect(await reopened.append([batchWithSequence(RECORDS_PER_BATCH)])).toEqual({ errorCode: 0, baseOffset: BigInt(RECORDS_PER_BATCH) });
    // A new epoch starts over.
    expect(await reopened.append([batchWithSequence(0, 1)])).toEqual({ errorCode: 0, baseOffset: BigInt(2 * RECORDS_PER_BATCH) });
    expect(await reopened.append([batchWithSequence(RECORDS_PER_BATCH * 2, 0)])).toEqual({ errorCode: 47, baseOffset: -1n });
    await reopened.close();
  });

  it('reads whole batches from the one containing the offset, at least one past the byte limit', async () => {
    const partition = await Partition.open('t', 0, path.join(dir, '0.log'), false);
    for (let i = 0; i < 3; i += 1) await partition.append([batchWithSequence(i * RECORDS_PER_BATCH)]);
    const batchSize = batchWithSequence(0).length;

    const fromMiddle = await partition.log.read(BigInt(RECORDS_PER_BATCH + 1), 10 * batchSize, true);
    expect(fromMiddle.length).toBe(2 * batchSize);
    expect(parseRecordBatchHeader(fromMiddle).baseOffset).toBe(BigInt(RECORDS_PER_BATCH));
    expect(hasValidCrc(fromMiddle.subarray(0, batchSize))).toBe(true);

    expect((await partition.log.read(0n, 1, true)).length).toBe(batchSize);
    expect((await partition.log.read(0n, 1, false)).length).toBe(0);
    expect((await partition.log.read(partition.logEndOffset, 1000, true)).length).toBe(0);
    await partition.close();
  });

  it('drops a torn batch at the end of the file on open', async () => {
    const file = path.join(dir, '0.log');
    const partition = await Partition.open('t', 0, file, false);
    await partition.append([batchWithSequence(0)]);
    await partition.close();
    await fs.appendFile(file, batchWithSequence(RECORDS_PER_BATCH).subarray(0, 100));

    const reopened = await Partition.open('t', 0, file, false);
    expect(reopened.logEndOffset).toBe(BigInt(RECORDS_PER_BATCH));
    expect((await fs.stat(file)).size).toBe(batchWithSequence(0).length);
    await reopened.close();
  });

  it('keeps topics, partition counts and the producer id counter across restarts', async () => {
    const logs = await LogManager.open({ dataDir: dir, defaultPartitions: 3, fsyncOnAppend: false });
    expect((await logs.createTopic('orders', -1)).errorCode).toBe(0);
    expect((await logs.createTopic('orders', 1)).errorCode).toBe(36);
    expect((await logs.createTopic('bad/name', 1)).errorCode).toBe(17);
    expect((await logs.createPartitions('orders', 5, false)).errorCode).toBe(0);
    const firstId = await logs.allocateProducerId();
    const partition = logs.partition('orders', 4);
    if (!partition) throw new Error('partition 4 missing');
    await logs.append(partition, [batchWithSequence(0)]);
    await logs.close();

    const reopened = await LogManager.open({ dataDir: dir, defaultPartitions: 3, fsyncOnAppend: false });
    expect(reopened.topicNames()).toEqual(['orders']);
    expect(reopened.partitionCount('orders')).toBe(5);
    expect(reopened.partition('orders', 4)?.logEndOffset).toBe(BigInt(RECORDS_PER_BATCH));
    expect(await reopened.allocateProducerId()).toBe(firstId + 1n);
    expect((await reopened.deleteTopic('orders')).errorCode).toBe(0);
    expect(reopened.topicNames()).toEqual([]);
    await reopened.close();
  });
});
