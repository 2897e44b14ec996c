import type { Logger } from '@campus/logger';
import { Admin, Kafka, KafkaMessage, logLevel, LogEntry } from 'kafkajs';
import { EventPublisher, EventTransport, IncomingMessage, OutgoingMessage } from './transport';

export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  logger: Logger;
  /** Partitions of topics this service creates (its own topic and those it subscribes to). */
  topicPartitions?: number;
}

const LEVELS: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'debug',
  [logLevel.DEBUG]: 'debug',
};

/** Messages handed to the consumer at once at most (one transaction applies them). */
const MAX_HANDLED_BATCH = 1000;

function incomingOf(topic: string, partition: number, message: KafkaMessage): IncomingMessage {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? String(value[0]) : String(value);
  }
  return { topic, partition, offset: message.offset, key: message.key?.toString() ?? null, value: message.value?.toString() ?? null, headers };
}

/** kafkajs behind the EventTransport interface: idempotent producer with acks = all, consumer groups. */
export function kafkaTransport(settings: KafkaSettings): EventTransport {
  const kafka = new Kafka({
    clientId: settings.clientId,
    brokers: settings.brokers,
    retry: { initialRetryTime: 100, retries: 5 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, ...fields } = log;
        settings.logger[LEVELS[level] ?? 'debug']({ kafka: fields }, `kafkajs: ${message}`);
      },
  });
  let admin: Admin | null = null;
  const connectedAdmin = async () => {
    if (!admin) {
      admin = kafka.admin();
      await admin.connect();
    }
    return admin;
  };
  const ensureTopics = async (topics: string[]) => {
    const client = await connectedAdmin();
    const existing = new Set(await client.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic));
    if (missing.length) {
      await client.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions: settings.topicPartitions ?? 3 })),
      });
    }
  };

  return {
    async publisher(): Promise<EventPublisher> {
      const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: true });
      // Connects on first use and again after a failure, so a broker that is away at start only delays publishing.
      let connected = false;
      const ensured = new Set<string>();
      return {
        async publish(messages: OutgoingMessage[]) {
          if (!connected) {
            await producer.connect();
            connected = true;
          }
          const topics = [...new Set(messages.map((message) => message.topic))];
          const unknown = topics.filter((topic) => !ensured.has(topic));
          if (unknown.length) {
            await ensureTopics(unknown);
            unknown.forEach((topic) => ensured.add(topic));
          }
          const topicMessages = topics.map((topic) => ({
            topic,
            messages: messages
              .filter((message) => message.topic === topic)
              .map((message) => ({ key: message.key, value: message.value, headers: message.headers })),
          }));
          try {
            await producer.sendBatch({ acks: -1, topicMessages });
          } catch (error) {
            connected = false;
            await producer.disconnect().catch(() => undefined);
            throw error;
          }
        },
        close: () => producer.disconnect(),
      };
    },

    async subscribe(groupId, topics, handle) {
      await ensureTopics(topics);
      // A member that died (kill -9) holds its partitions until its session lapses: 10 s, heartbeats every 3 s.
      const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: true, sessionTimeout: 10_000, heartbeatInterval: 3_000, maxWaitTimeInMs: 1_000 });
      try {
        await consumer.connect();
        await consumer.subscribe({ topics, fromBeginning: true });
      } catch (error) {
        await consumer.disconnect().catch(() => undefined);
        throw error;
      }
      await consumer.run({
        eachBatchAutoResolve: false,
        eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
          for (let start = 0; start < batch.messages.length; start += MAX_HANDLED_BATCH) {
            if (!isRunning() || isStale()) return;
            const part = batch.messages.slice(start, start + MAX_HANDLED_BATCH);
            await handle(part.map((message) => incomingOf(batch.topic, batch.partition, message)));
            resolveOffset(part[part.length - 1].offset);
            await heartbeat();
          }
        },
      });
      return { stop: () => consumer.disconnect() };
    },

    async ping() {
      await (await connectedAdmin()).describeCluster();
    },

    async close() {
      await admin?.disconnect();
      admin = null;
    },
  };
}
