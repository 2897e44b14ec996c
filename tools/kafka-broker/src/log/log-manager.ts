import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ErrorCode } from '../protocol/error-codes';
import { AppendNotifier, partitionKey } from './append-notifier';
import { readJsonFile, writeJsonFileAtomically } from './json-file';
import { AppendResult, Partition } from './partition';
import { isValidTopicName } from './topic-name';

export interface LogManagerOptions {
  dataDir: string;
  /** Partitions of an auto-created topic, or of one created with num_partitions -1. */
  defaultPartitions: number;
  /** fsync every append (a clean stop keeps everything either way). */
  fsyncOnAppend: boolean;
}

/** `topics.json`: the topic catalog. */
interface TopicCatalogFile {
  topics: Record<string, { partitions: number }>;
}

/** `producer-ids.json`: the next id InitProducerId hands out. */
interface ProducerIdFile {
  nextProducerId: string;
}

export interface TopicChange {
  errorCode: number;
  errorMessage: string | null;
}

const MAX_PARTITIONS = 10_000;

/**
 * Every topic and partition on disk: `<dataDir>/topics.json` lists topics and partition counts,
 * `<dataDir>/topics/<topic>/<partition>.log` holds each partition's batches.
 */
export class LogManager {
  readonly notifier = new AppendNotifier();
  private readonly topics = new Map<string, Partition[]>();
  private nextProducerId = 1n;
  /** Topic creation, deletion and growth run one at a time. */
  private adminQueue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly options: LogManagerOptions) {}

  static async open(options: LogManagerOptions): Promise<LogManager> {
    const manager = new LogManager(options);
    await fs.mkdir(manager.topicsDir, { recursive: true });
    const catalog = await readJsonFile<TopicCatalogFile>(manager.catalogPath, { topics: {} });
    for (const [name, { partitions }] of Object.entries(catalog.topics)) {
      manager.topics.set(name, await manager.openPartitions(name, 0, partitions));
    }
    const producerIds = await readJsonFile<ProducerIdFile>(manager.producerIdsPath, { nextProducerId: '1' });
    manager.nextProducerId = BigInt(producerIds.nextProducerId);
    return manager;
  }

  get defaultPartitions(): number {
    return this.options.defaultPartitions;
  }

  topicNames(): string[] {
    return [...this.topics.keys()].sort();
  }

  hasTopic(name: string): boolean {
    return this.topics.has(name);
  }

  partitionCount(topic: string): number | undefined {
    return this.topics.get(topic)?.length;
  }

  partition(topic: string, index: number): Partition | undefined {
    return this.topics.get(topic)?.[index];
  }

  /** Appends to an existing partition and wakes Fetch requests waiting on it. */
  async append(partition: Partition, batches: readonly Buffer[]): Promise<AppendResult> {
    const result = await partition.append(batches);
    if (result.errorCode === ErrorCode.NONE) this.notifier.notify(partitionKey(partition.topic, partition.index));
    return result;
  }

  /** Creates a topic; -1 partitions means the broker default. */
  createTopic(name: string, numPartitions: number): Promise<TopicChange> {
    return this.runAdmin(async () => {
      if (!isValidTopicName(name)) return { errorCode: ErrorCode.INVALID_TOPIC_EXCEPTION, errorMessage: `invalid topic name '${name}'` };
      if (this.topics.has(name)) return { errorCode: ErrorCode.TOPIC_ALREADY_EXISTS, errorMessage: `topic '${name}' already exists` };
      const count = numPartitions === -1 ? this.options.defaultPartitions : numPartitions;
      if (count < 1 || count > MAX_PARTITIONS) return { errorCode: ErrorCode.INVALID_PARTITIONS, errorMessage: `invalid partition count ${count}` };
      await fs.mkdir(this.topicDir(name), { recursive: true });
      this.topics.set(name, await this.openPartitions(name, 0, count));
      await this.saveCatalog();
      return { errorCode: ErrorCode.NONE, errorMessage: null };
    });
  }

  deleteTopic(name: string): Promise<TopicChange> {
    return this.runAdmin(async () => {
      const partitions = this.topics.get(name);
      if (!partitions) return { errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, errorMessage: null };
      this.topics.delete(name);
      await this.saveCatalog();
      await Promise.all(partitions.map((p) => p.close()));
      await fs.rm(this.topicDir(name), { recursive: true, force: true });
      this.notifier.wakeAll();
      return { errorCode: ErrorCode.NONE, errorMessage: null };
    });
  }

  /** Grows a topic to `count` partitions (never shrinks). */
  createPartitions(name: string, count: number, validateOnly: boolean): Promise<TopicChange> {
    return this.runAdmin(async () => {
      const partitions = this.topics.get(name);
      if (!partitions) return { errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, errorMessage: `topic '${name}' does not exist` };
      if (count <= partitions.length || count > MAX_PARTITIONS) {
        return { errorCode: ErrorCode.INVALID_PARTITIONS, errorMessage: `topic '${name}' has ${partitions.length} partitions; cannot change to ${count}` };
      }
      if (validateOnly) return { errorCode: ErrorCode.NONE, errorMessage: null };
      partitions.push(...(await this.openPartitions(name, partitions.length, count)));
      await this.saveCatalog();
      return { errorCode: ErrorCode.NONE, errorMessage: null };
    });
  }

  /** A new idempotent-producer id; the counter survives restarts. */
  allocateProducerId(): Promise<bigint> {
    return this.runAdmin(async () => {
      const producerId = this.nextProducerId;
      this.nextProducerId += 1n;
      await writeJsonFileAtomically(this.producerIdsPath, { nextProducerId: this.nextProducerId.toString() } satisfies ProducerIdFile);
      return producerId;
    });
  }

  /** Waits for queued appends and admin work, then closes every log file. */
  async close(): Promise<void> {
    this.notifier.wakeAll();
    await this.adminQueue;
    const partitions = [...this.topics.values()].flat();
    this.topics.clear();
    await Promise.all(partitions.map((p) => p.close()));
  }

  private get topicsDir(): string {
    return path.join(this.options.dataDir, 'topics');
  }

  private get catalogPath(): string {
    return path.join(this.options.dataDir, 'topics.json');
  }

  private get producerIdsPath(): string {
    return path.join(this.options.dataDir, 'producer-ids.json');
  }

  private topicDir(name: string): string {
    return path.join(this.topicsDir, name);
  }

  private async openPartitions(topic: string, from: number, to: number): Promise<Partition[]> {
    await fs.mkdir(this.topicDir(topic), { recursive: true });
    const opening: Promise<Partition>[] = [];
    for (let index = from; index < to; index += 1) {
      opening.push(Partition.open(topic, index, path.join(this.topicDir(topic), `${index}.log`), this.options.fsyncOnAppend));
    }
    return Promise.all(opening);
  }

  private async saveCatalog(): Promise<void> {
    const catalog: TopicCatalogFile = { topics: {} };
    for (const [name, partitions] of this.topics) catalog.topics[name] = { partitions: partitions.length };
    await writeJsonFileAtomically(this.catalogPath, catalog);
  }

  private runAdmin<T>(work: () => Promise<T>): Promise<T> {
    const result = this.adminQueue.then(work);
    this.adminQueue = result.catch(() => undefined);
    return result;
  }
}
