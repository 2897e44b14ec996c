import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';

export interface CommittedOffset {
  offset: bigint;
  /** '' when the commit carried none (Kafka's NO_METADATA); never null. */
  metadata: string;
}

export interface OffsetEntry extends CommittedOffset {
  topic: string;
  partition: number;
}

/** topic → partition → committed offset */
export type GroupOffsets = Map<string, Map<number, CommittedOffset>>;

/**
 * One line of the journal: a commit, or the deletion of a group's offsets. Journals written before
 * metadata was normalised may hold `metadata: null`; it reads back as ''.
 */
type JournalRecord =
  | { group: string; commits: { topic: string; partition: number; offset: string; metadata: string | null }[] }
  | { group: string; deleted: true };

export const OFFSETS_FILE = 'consumer-offsets.jsonl';

/** Rewrite the journal on load once it holds this many lines and at least twice as many as live offsets. */
const COMPACT_MIN_LINES = 1000;

/**
 * Committed offsets of every group, kept in memory and journalled to an append-only JSON-lines file.
 * Every append is fsync'd before it returns, so a commit that was answered survives a crash. The
 * journal is replayed (and compacted if large or torn) when the store opens.
 */
export class OffsetStore {
  private constructor(
    private readonly path: string,
    private readonly offsets: Map<string, GroupOffsets>,
    private fd: number | undefined,
    private size: number,
  ) {}

  static async open(dataDir: string, log: (message: string, fields?: Record<string, unknown>) => void): Promise<OffsetStore> {
    await mkdir(dataDir, { recursive: true });
    const path = join(dataDir, OFFSETS_FILE);
    const { offsets, lines, badLines, endsCleanly } = replay(await readJournal(path));
    const liveEntries = [...offsets.values()].reduce((sum, topics) => sum + countEntries(topics), 0);

    // A torn last line must go before anything is appended, or the next record would be glued onto it.
    if (badLines > 0 || !endsCleanly || (lines >= COMPACT_MIN_LINES && lines >= 2 * liveEntries)) {
      await writeSnapshot(dataDir, path, offsets);
      log('compacted the offsets journal', { path, lines, badLines, liveEntries });
    }

    const fd = openSync(path, 'a');
    await fsyncDirectory(dataDir); // the file's directory entry must be durable too
    return new OffsetStore(path, offsets, fd, fstatSync(fd).size);
  }

  groupIds(): string[] {
    return [...this.offsets.keys()];
  }

  /** Every partition the group has committed an offset for, by topic. */
  committedPartitions(groupId: string): { name: string; partitionIndexes: number[] }[] {
    return [...(this.offsets.get(groupId) ?? [])].map(([name, partitions]) => ({
      name,
      partitionIndexes: [...partitions.keys()].sort((a, b) => a - b),
    }));
  }

  get(groupId: string, topic: string, partition: number): CommittedOffset | undefined {
    return this.offsets.get(groupId)?.get(topic)?.get(partition);
  }

  /** Journals, then applies. Throws (leaving memory untouched) if the journal cannot be written. */
  commit(groupId: string, entries: OffsetEntry[]): void {
    this.append({
      group: groupId,
      commits: entries.map(({ topic, partition, offset, metadata }) => ({ topic, partition, offset: offset.toString(), metadata })),
    });
    applyCommits(this.offsets, groupId, entries);
  }

  deleteGroup(groupId: string): void {
    if (!this.offsets.has(groupId)) return;
    this.append({ group: groupId, deleted: true });
    this.offsets.delete(groupId);
  }

  close(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
  }

  private append(record: JournalRecord): void {
    if (this.fd === undefined) throw new Error(`offset store ${this.path} is closed`);
    const bytes = Buffer.from(`${JSON.stringify(record)}\n`);
    try {
      let written = 0;
      while (written < bytes.length) written += writeSync(this.fd, bytes, written);
      fsyncSync(this.fd);
      this.size += bytes.length;
    } catch (error) {
      // Cut off whatever part of the line made it, so the journal stays line-aligned.
      try {
        ftruncateSync(this.fd, this.size);
      } catch {
        // The original error is the one worth reporting.
      }
      throw error;
    }
  }
}

async function readJournal(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

function replay(text: string): { offsets: Map<string, GroupOffsets>; lines: number; badLines: number; endsCleanly: boolean } {
  const offsets = new Map<string, GroupOffsets>();
  const lines = text.split('\n').filter((line) => line.length > 0);
  let badLines = 0;
  for (const line of lines) {
    const record = parseRecord(line);
    if (!record) {
      badLines += 1;
    } else if ('deleted' in record) {
      offsets.delete(record.group);
    } else {
      applyCommits(offsets, record.group, record.commits);
    }
  }
  return { offsets, lines: lines.length, badLines, endsCleanly: text.length === 0 || text.endsWith('\n') };
}

function parseRecord(line: string): { group: string; deleted: true } | { group: string; commits: OffsetEntry[] } | undefined {
  try {
    const record = JSON.parse(line) as JournalRecord;
    if (typeof record.group !== 'string') return undefined;
    if ('deleted' in record) return { group: record.group, deleted: true };
    if (!Array.isArray(record.commits)) return undefined;
    const commits = record.commits.map(({ topic, partition, offset, metadata }) => {
      if (typeof topic !== 'string' || !Number.isInteger(partition)) throw new Error('malformed commit');
      return { topic, partition, offset: BigInt(offset), metadata: metadata ?? '' };
    });
    return { group: record.group, commits };
  } catch {
    return undefined;
  }
}

function applyCommits(offsets: Map<string, GroupOffsets>, groupId: string, entries: OffsetEntry[]): void {
  let topics = offsets.get(groupId);
  if (!topics) offsets.set(groupId, (topics = new Map()));
  for (const { topic, partition, offset, metadata } of entries) {
    let partitions = topics.get(topic);
    if (!partitions) topics.set(topic, (partitions = new Map()));
    partitions.set(partition, { offset, metadata });
  }
}

function countEntries(topics: GroupOffsets): number {
  return [...topics.values()].reduce((sum, partitions) => sum + partitions.size, 0);
}

/** Write-temp-then-rename: either the old journal or the complete snapshot survives a crash. */
async function writeSnapshot(dataDir: string, path: string, offsets: Map<string, GroupOffsets>): Promise<void> {
  const lines = [...offsets].map(([group, topics]) => {
    const commits = [...topics].flatMap(([topic, partitions]) =>
      [...partitions].map(([partition, { offset, metadata }]) => ({ topic, partition, offset: offset.toString(), metadata })),
    );
    return `${JSON.stringify({ group, commits } satisfies JournalRecord)}\n`;
  });
  const temporary = `${path}.tmp`;
  const file = await open(temporary, 'w');
  try {
    await file.writeFile(lines.join(''));
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temporary, path);
  await fsyncDirectory(dataDir);
}

async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
