import type { RecordBatchHeader } from '../protocol/record-batch';

/** How many recent batches per producer a partition remembers to recognise retried duplicates (Kafka: 5). */
export const REMEMBERED_BATCHES_PER_PRODUCER = 5;
const MAX_SEQUENCE = 0x7fffffff;

interface AppendedBatch {
  baseSequence: number;
  lastSequence: number;
  baseOffset: bigint;
}

interface ProducerEntry {
  epoch: number;
  /** Oldest first, at most REMEMBERED_BATCHES_PER_PRODUCER. */
  batches: AppendedBatch[];
}

export type SequenceCheck =
  | { kind: 'append' }
  | { kind: 'duplicate'; baseOffset: bigint }
  | { kind: 'out-of-order' }
  | { kind: 'fenced-epoch' };

type ProducerFields = Pick<RecordBatchHeader, 'producerId' | 'producerEpoch' | 'baseSequence' | 'lastOffsetDelta'>;

export function isIdempotentBatch(batch: Pick<RecordBatchHeader, 'producerId'>): boolean {
  return batch.producerId >= 0n;
}

function lastSequenceOf(batch: ProducerFields): number {
  return (batch.baseSequence + batch.lastOffsetDelta) % (MAX_SEQUENCE + 1);
}

function nextSequence(sequence: number): number {
  return sequence === MAX_SEQUENCE ? 0 : sequence + 1;
}

/** Idempotent-producer state of one partition: the last batches' sequences per producer id. */
export class ProducerStateTable {
  private readonly producers = new Map<bigint, ProducerEntry>();

  /** Decides what to do with a batch from an idempotent producer before it is appended. */
  check(batch: ProducerFields): SequenceCheck {
    const entry = this.producers.get(batch.producerId);
    if (!entry || batch.producerEpoch > entry.epoch) return { kind: 'append' };
    if (batch.producerEpoch < entry.epoch) return { kind: 'fenced-epoch' };
    const duplicate = entry.batches.find((b) => b.baseSequence === batch.baseSequence && b.lastSequence === lastSequenceOf(batch));
    if (duplicate) return { kind: 'duplicate', baseOffset: duplicate.baseOffset };
    const latest = entry.batches[entry.batches.length - 1];
    if (latest && batch.baseSequence !== nextSequence(latest.lastSequence)) return { kind: 'out-of-order' };
    return { kind: 'append' };
  }

  /** Remembers an appended (or, on start, a scanned) batch. */
  record(batch: ProducerFields, baseOffset: bigint): void {
    let entry = this.producers.get(batch.producerId);
    if (!entry || batch.producerEpoch > entry.epoch) {
      entry = { epoch: batch.producerEpoch, batches: [] };
      this.producers.set(batch.producerId, entry);
    }
    entry.batches.push({ baseSequence: batch.baseSequence, lastSequence: lastSequenceOf(batch), baseOffset });
    if (entry.batches.length > REMEMBERED_BATCHES_PER_PRODUCER) entry.batches.shift();
  }
}
