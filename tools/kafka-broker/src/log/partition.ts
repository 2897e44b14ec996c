import { ErrorCode } from '../protocol/error-codes';
import { parseRecordBatchHeader } from '../protocol/record-batch';
import { PartitionLog } from './partition-log';
import { ProducerStateTable, isIdempotentBatch } from './producer-state';

export interface AppendResult {
  errorCode: number;
  /** Base offset of the first batch (the original one for a retried duplicate); -1 on error. */
  baseOffset: bigint;
}

/** A partition: its log plus idempotent-producer state, with appends applied one at a time. */
export class Partition {
  private appendQueue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly topic: string,
    readonly index: number,
    readonly log: PartitionLog,
    private readonly producers: ProducerStateTable,
  ) {}

  /** Opens the partition's log file and rebuilds producer state from the batches in it. */
  static async open(topic: string, index: number, filePath: string, fsyncOnAppend: boolean): Promise<Partition> {
    const producers = new ProducerStateTable();
    const log = await PartitionLog.open(filePath, fsyncOnAppend, ({ header }) => {
      if (isIdempotentBatch(header)) producers.record(header, header.baseOffset);
    });
    return new Partition(topic, index, log, producers);
  }

  get logEndOffset(): bigint {
    return this.log.logEndOffset;
  }

  /** Appends whole, CRC-checked batches after any appends already queued; the write completes before this resolves. */
  append(batches: readonly Buffer[]): Promise<AppendResult> {
    const result = this.appendQueue.then(() => this.appendNow(batches));
    this.appendQueue = result.catch(() => undefined);
    return result;
  }

  /** Waits for queued appends, then closes the log file. */
  async close(): Promise<void> {
    await this.appendQueue;
    await this.log.close();
  }

  private async appendNow(batches: readonly Buffer[]): Promise<AppendResult> {
    let firstBaseOffset: bigint | null = null;
    for (const batch of batches) {
      const header = parseRecordBatchHeader(batch);
      let baseOffset: bigint;
      if (isIdempotentBatch(header)) {
        const check = this.producers.check(header);
        if (check.kind === 'out-of-order') return { errorCode: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER, baseOffset: -1n };
        if (check.kind === 'fenced-epoch') return { errorCode: ErrorCode.INVALID_PRODUCER_EPOCH, baseOffset: -1n };
        if (check.kind === 'duplicate') {
          baseOffset = check.baseOffset;
        } else {
          baseOffset = await this.log.append(batch);
          this.producers.record(header, baseOffset);
        }
      } else {
        baseOffset = await this.log.append(batch);
      }
      firstBaseOffset ??= baseOffset;
    }
    return { errorCode: ErrorCode.NONE, baseOffset: firstBaseOffset ?? -1n };
  }
}
