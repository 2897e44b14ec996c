import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CompressionTypes, Consumer, ConsumerConfig, EachMessagePayload, Kafka, logLevel } from 'kafkajs';
import buildOffsetFetchV4 from 'kafkajs/src/protocol/requests/offsetFetch/v4/request';
import offsetFetchV4 from 'kafkajs/src/protocol/requests/offsetFetch/v4/response';
import { BrokerLogger, RunningBroker, startBroker } from './index';
import { createEncoder } from './protocol/primitives';

/**
 * kafkajs 2.2.4, with no special settings, against the dev broker started in-process on a free port
 * with a temporary data directory. Consumers use short waits and heartbeats so rebalances are quick.
 */
jest.setTimeout(30_000);

interface Received {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

const FAST_CONSUMER: Omit<ConsumerConfig, 'groupId'> = {
  sessionTimeout: 10_000,
  rebalanceTimeout: 3_000,
  heartbeatInterval: 200,
  maxWaitTimeInMs: 200,
};

let dataDir: string;
let broker: RunningBroker;
/** Warnings and errors the broker logged: a conforming client run causes none. */
const problems: { fields: Record<string, unknown>; message: string }[] = [];
const capturingLogger: BrokerLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: (fields, message) => problems.push({ fields, message }),
  error: (fields, message) => problems.push({ fields, message }),
};
const brokerOptions = () => ({ dataDir, logger: capturingLogger });
const openConsumers = new Set<Consumer>();

function kafka(clientId = 'conformance'): Kafka {
  // localhost resolves to ::1 or 127.0.0.1: the broker listens dual-stack.
  return new Kafka({ clientId, brokers: [`localhost:${broker.port}`], logLevel: logLevel.NOTHING });
}

function received({ topic, partition, message }: EachMessagePayload): Received {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) headers[name] = String(value);
  return { topic, partition, offset: message.offset, key: message.key?.toString() ?? null, value: message.value?.toString() ?? null, headers };
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Starts a consumer in `groupId` on `topic`; messages collect in the returned array. */
async function startConsumer(groupId: string, topic: string, fromBeginning = true) {
  const consumer = kafka(`consumer-${groupId}`).consumer({ groupId, ...FAST_CONSUMER });
  openConsumers.add(consumer);
  const messages: Received[] = [];
  const assignments: Record<string, number[]>[] = [];
  consumer.on(consumer.events.GROUP_JOIN, (event) => assignments.push(event.payload.memberAssignment));
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning });
  await consumer.run({ eachMessage: async (payload) => void messages.push(received(payload)) });
  const stop = async () => {
    await consumer.disconnect();
    openConsumers.delete(consumer);
  };
  return { consumer, messages, assignments, stop };
}

/** Reads `count` messages of `topic` in `groupId` from the start, then leaves the group. */
async function consumeAll(groupId: string, topic: string, count: number): Promise<Received[]> {
  const reader = await startConsumer(groupId, topic);
  await waitFor(() => reader.messages.length >= count, `${count} messages on ${topic}`);
  await reader.stop();
  return reader.messages;
}

async function produce(topic: string, messages: { key?: string; value: string; partition?: number }[], acks = -1): Promise<void> {
  const producer = kafka('producer').producer();
  await producer.connect();
  await producer.send({ topic, acks, messages });
  await producer.disconnect();
}

/**
 * One request built by kafkajs's own encoder, sent on a fresh socket, and its answer decoded and parsed
 * by kafkajs's own decoder: what kafkajs's Broker gets back before its admin API reshapes it
 * (admin.fetchOffsets reports metadata '' as null, so it cannot tell '' from null).
 */
async function kafkajsRoundTrip(
  request: { apiKey: number; apiVersion: number; encode(): Promise<{ buffer: Buffer }> },
  response: { decode(rawData: Buffer): Promise<unknown>; parse(data: unknown): Promise<unknown> },
): Promise<unknown> {
  const { buffer: body } = await request.encode();
  const frame = createEncoder().writeInt16(request.apiKey).writeInt16(request.apiVersion).writeInt32(1).writeString('conformance').writeBuffer(body).buffer;
  const answer = await new Promise<Buffer>((resolve, reject) => {
    const socket = net.connect(broker.port, '127.0.0.1');
    let received = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.length >= 4 && received.length >= 4 + received.readInt32BE(0)) {
        socket.destroy();
        resolve(received.subarray(8, 4 + received.readInt32BE(0))); // after size and correlation id
      }
    });
    socket.on('error', reject);
    socket.on('close', () => reject(new Error('connection closed before the answer')));
    socket.write(Buffer.concat([createEncoder().writeInt32(frame.length).buffer, frame]));
  });
  return response.parse(await response.decode(answer));
}

beforeAll(async () => {
  process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kafka-broker-conformance-'));
  broker = await startBroker({ port: 0, ...brokerOptions() });
});

afterAll(async () => {
  await Promise.all([...openConsumers].map((c) => c.disconnect()));
  expect(problems).toEqual([]);
  await broker.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('kafkajs 2.2.4 against the dev broker', () => {
  it('auto-creates a topic on produce (default 3 partitions) and stores acks 0, 1 and -1 produces', async () => {
    const producer = kafka('acks').producer();
    await producer.connect();
    expect(await producer.send({ topic: 'acks', acks: 0, messages: [{ value: 'acks-0', partition: 0 }] })).toEqual([]);
    const [one] = await producer.send({ topic: 'acks', acks: 1, messages: [{ value: 'acks-1', partition: 0 }] });
    const [all] = await producer.send({ topic: 'acks', acks: -1, messages: [{ value: 'acks-all', partition: 0 }] });
    await producer.disconnect();
    expect(one).toMatchObject({ errorCode: 0, baseOffset: '1' });
    expect(all).toMatchObject({ errorCode: 0, baseOffset: '2', logAppendTime: '-1', logStartOffset: '0' });

    const admin = kafka('admin').admin();
    await admin.connect();
    const metadata = await admin.fetchTopicMetadata({ topics: ['acks'] });
    await admin.disconnect();
    expect(metadata.topics[0].partitions).toHaveLength(3);

    const messages = await consumeAll('acks-readers', 'acks', 3);
    expect(messages.map((m) => [m.partition, m.offset, m.value])).toEqual([
      [0, '0', 'acks-0'],
      [0, '1', 'acks-1'],
      [0, '2', 'acks-all'],
    ]);
  });

  it('round-trips keys, headers and gzip-compressed batches', async () => {
    const producer = kafka('gzip').producer();
    await producer.connect();
    await producer.send({
      topic: 'gzip',
      compression: CompressionTypes.GZIP,
      messages: [
        { key: 'k1', value: 'compressed one', partition: 1, headers: { trace: 'abc', kind: Buffer.from('bytes') } },
        { key: null, value: 'compressed two', partition: 1 },
      ],
    });
    await producer.send({ topic: 'gzip', messages: [{ key: 'k3', value: 'plain', partition: 1, headers: { trace: 'def' } }] });
    await producer.disconnect();

    const messages = await consumeAll('gzip-readers', 'gzip', 3);
    expect(messages).toEqual([
      { topic: 'gzip', partition: 1, offset: '0', key: 'k1', value: 'compressed one', headers: { trace: 'abc', kind: 'bytes' } },
      { topic: 'gzip', partition: 1, offset: '1', key: null, value: 'compressed two', headers: {} },
      { topic: 'gzip', partition: 1, offset: '2', key: 'k3', value: 'plain', headers: { trace: 'def' } },
    ]);
  });

  it('accepts an idempotent producer (InitProducerId, sequences) and appends each batch once', async () => {
    const producer = kafka('idempotent').producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    for (let batch = 0; batch < 4; batch += 1) {
      const [result] = await producer.send({ topic: 'idempotent', messages: [{ value: `b${batch}-m0`, partition: 0 }, { value: `b${batch}-m1`, partition: 0 }] });
      expect(result).toMatchObject({ errorCode: 0, baseOffset: String(batch * 2) });
    }
    await producer.disconnect();
    const admin = kafka('admin').admin();
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets('idempotent');
    await admin.disconnect();
    expect(offsets.find((o) => o.partition === 0)).toMatchObject({ high: '8', low: '0' });
    const messages = await consumeAll('idempotent-readers', 'idempotent', 8);
    expect(messages.map((m) => m.value)).toEqual(['b0-m0', 'b0-m1', 'b1-m0', 'b1-m1', 'b2-m0', 'b2-m1', 'b3-m0', 'b3-m1']);
  });

  it('admin: createTopics, fetchTopicMetadata, fetchTopicOffsets; a group reads everything and commits', async () => {
    const admin = kafka('admin').admin();
    await admin.connect();
    expect(await admin.createTopics({ topics: [{ topic: 'orders', numPartitions: 3 }] })).toBe(true);
    expect(await admin.createTopics({ topics: [{ topic: 'orders', numPartitions: 3 }] })).toBe(false);
    const metadata = await admin.fetchTopicMetadata({ topics: ['orders'] });
    expect(metadata.topics[0].partitions.map((p) => [p.partitionId, p.leader, p.replicas, p.isr])).toEqual([
      [0, 0, [0], [0]],
      [1, 0, [0], [0]],
      [2, 0, [0], [0]],
    ]);
    await expect(admin.fetchTopicMetadata({ topics: ['no-such-topic'] })).rejects.toThrow();
    expect(await admin.listTopics()).not.toContain('no-such-topic');

    await produce('orders', Array.from({ length: 12 }, (_, i) => ({ key: `order-${i}`, value: `order ${i}`, partition: i % 3 })));
    const offsets = await admin.fetchTopicOffsets('orders');
    expect(offsets.map((o) => [o.partition, o.high, o.low])).toEqual([
      [0, '4', '0'],
      [1, '4', '0'],
      [2, '4', '0'],
    ]);

    const messages = await consumeAll('order-readers', 'orders', 12);
    expect(new Set(messages.map((m) => m.value)).size).toBe(12);
    const [committed] = await admin.fetchOffsets({ groupId: 'order-readers', topics: ['orders'] });
    expect(committed.partitions.map((p) => [p.partition, p.offset]).sort()).toEqual([
      [0, '4'],
      [1, '4'],
      [2, '4'],
    ]);

    const { groups } = await admin.listGroups();
    expect(groups).toEqual(expect.arrayContaining([{ groupId: 'order-readers', protocolType: 'consumer' }]));
    const described = await admin.describeGroups(['order-readers']);
    expect(described.groups[0]).toMatchObject({ groupId: 'order-readers', state: 'Empty', protocolType: 'consumer', members: [] });
    await admin.disconnect();
  });

  it('two consumers in one group split the partitions, and one takes all when the other stops', async () => {
    const admin = kafka('admin').admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'shared', numPartitions: 4 }] });
    await admin.disconnect();

    const first = await startConsumer('sharers', 'shared');
    await waitFor(() => first.assignments.length >= 1, 'the first member to join');
    const second = await startConsumer('sharers', 'shared');
    const latest = (member: { assignments: Record<string, number[]>[] }) => member.assignments[member.assignments.length - 1]?.shared ?? [];
    await waitFor(() => latest(first).length > 0 && latest(second).length > 0 && latest(first).length + latest(second).length === 4, 'a shared assignment');
    expect([...latest(first), ...latest(second)].sort()).toEqual([0, 1, 2, 3]);

    await produce('shared', [0, 1, 2, 3].map((partition) => ({ value: `to ${partition}`, partition })));
    await waitFor(() => first.messages.length + second.messages.length >= 4, 'messages on both members');
    expect(first.messages.length).toBeGreaterThan(0);
    expect(second.messages.length).toBeGreaterThan(0);

    await second.stop();
    await waitFor(() => latest(first).length === 4, 'the remaining member to take every partition');
    await first.stop();
  });

  it('resets to the earliest offset when a fetch is past the end (OFFSET_OUT_OF_RANGE)', async () => {
    await produce('resets', [{ value: 'r0', partition: 0 }, { value: 'r1', partition: 0 }]);
    const reader = await startConsumer('resetters', 'resets');
    await waitFor(() => reader.messages.filter((m) => m.partition === 0).length >= 2, 'the first read');
    reader.consumer.seek({ topic: 'resets', partition: 0, offset: '1000' });
    await waitFor(() => reader.messages.filter((m) => m.partition === 0).length >= 4, 'a re-read after the reset');
    await reader.stop();
    expect(reader.messages.filter((m) => m.partition === 0).map((m) => m.offset)).toEqual(['0', '1', '0', '1']);
  });

  it('keeps the log and committed offsets across a broker restart on the same data directory', async () => {
    await produce('durable', [0, 1, 2].map((i) => ({ value: `before ${i}`, partition: 0 })));
    await consumeAll('durable-readers', 'durable', 3);

    const port = broker.port;
    await broker.stop();
    broker = await startBroker({ port, ...brokerOptions() });

    await produce('durable', [{ value: 'after 0', partition: 0 }]);
    const resumed = await consumeAll('durable-readers', 'durable', 1);
    expect(resumed.map((m) => [m.offset, m.value])).toEqual([['3', 'after 0']]);
    const everything = await consumeAll('durable-fresh', 'durable', 4);
    expect(everything.map((m) => m.value)).toEqual(['before 0', 'before 1', 'before 2', 'after 0']);
  });

  it('OffsetFetch answers metadata "" for an offset committed without metadata, as Apache Kafka does, and given metadata as given', async () => {
    const topic = 'checkpoints';
    const groupId = 'checkpointers';
    const admin = kafka('admin').admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 2 }] });
    await produce(topic, [0, 0, 1, 1].map((partition, i) => ({ value: `c${i}`, partition })));

    const consumer = kafka(`consumer-${groupId}`).consumer({ groupId, ...FAST_CONSUMER });
    openConsumers.add(consumer);
    let seen = 0;
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ autoCommit: false, eachMessage: async () => void (seen += 1) });
    await waitFor(() => seen >= 4, '4 messages on checkpoints');
    // kafkajs sends metadata null (-1) when none is given.
    await consumer.commitOffsets([
      { topic, partition: 0, offset: '2' },
      { topic, partition: 1, offset: '2', metadata: 'checkpoint 7' },
    ]);
    await consumer.disconnect();
    openConsumers.delete(consumer);

    // Apache Kafka stores a null commit metadata as '' (OffsetAndMetadata.NoMetadata); kafkajs's own
    // OffsetFetch tests decode its answers with metadata ''.
    const fetchOffsets = () =>
      kafkajsRoundTrip(buildOffsetFetchV4({ groupId, topics: [{ topic, partitions: [{ partition: 0 }, { partition: 1 }] }] }), offsetFetchV4);
    const expected = {
      throttleTime: 0,
      clientSideThrottleTime: 0,
      errorCode: 0,
      responses: [
        {
          topic,
          partitions: [
            { partition: 0, offset: '2', metadata: '', errorCode: 0 },
            { partition: 1, offset: '2', metadata: 'checkpoint 7', errorCode: 0 },
          ],
        },
      ],
    };
    expect(await fetchOffsets()).toEqual(expected);
    const [viaAdmin] = await admin.fetchOffsets({ groupId, topics: [topic] });
    expect(viaAdmin.partitions.map((p) => [p.partition, p.offset, p.metadata]).sort()).toEqual([
      [0, '2', null], // kafkajs's admin reports '' as null
      [1, '2', 'checkpoint 7'],
    ]);
    await admin.disconnect();

    // The same after a restart: the offsets journal stores and reloads it that way.
    const port = broker.port;
    await broker.stop();
    broker = await startBroker({ port, ...brokerOptions() });
    expect(await fetchOffsets()).toEqual(expected);
  });

  it('admin extras: createPartitions, fetchTopicOffsetsByTimestamp, deleteGroups, deleteTopics', async () => {
    const admin = kafka('admin').admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'extras', numPartitions: 1 }] });
    await admin.createPartitions({ topicPartitions: [{ topic: 'extras', count: 2 }] });
    expect((await admin.fetchTopicMetadata({ topics: ['extras'] })).topics[0].partitions).toHaveLength(2);

    await produce('extras', [{ value: 'old', partition: 0 }]);
    const cutoff = Date.now() + 1;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await produce('extras', [{ value: 'new', partition: 0 }]);
    const byTime = await admin.fetchTopicOffsetsByTimestamp('extras', cutoff);
    expect(byTime.find((o) => o.partition === 0)?.offset).toBe('1');
    expect(byTime.find((o) => o.partition === 1)?.offset).toBe('0');

    await consumeAll('extras-readers', 'extras', 2);
    const [deleted] = await admin.deleteGroups(['extras-readers']);
    expect(deleted).toMatchObject({ groupId: 'extras-readers', errorCode: 0 });
    expect((await admin.listGroups()).groups.map((g) => g.groupId)).not.toContain('extras-readers');

    await admin.deleteTopics({ topics: ['extras'] });
    expect(await admin.listTopics()).not.toContain('extras');
    await admin.disconnect();
  });
});
