import { HEADERS, topicOf } from '@campus/events';
import { Kafka, logLevel } from 'kafkajs';
import { BrokerProcess, FaultHarness, hazardPayload } from './fault-harness';

/** Real MariaDB, a real dev-broker process, kafkajs: the ways events get lost or doubled, and why they do not. */
describe('event backbone under faults', () => {
  let nextPort = 19300 + Math.floor(Math.random() * 500);
  let harness: FaultHarness;
  let broker: BrokerProcess;

  beforeEach(async () => {
    broker = new BrokerProcess(nextPort++);
    await broker.start();
    harness = new FaultHarness(broker);
    await harness.setUp('faults');
  });

  afterEach(async () => {
    await harness.tearDown();
    await broker.stop();
  });

  const once = (effects: { hazard_id: string }[]) => new Set(effects.map((effect) => effect.hazard_id)).size === effects.length;

  it('delivers every event registered while the broker was down, once it returns', async () => {
    await harness.startConsumer('a');
    await harness.startRelay();
    await harness.register('h-before', 0);
    await harness.waitForEffects(1);

    await broker.stop();
    for (let seq = 1; seq <= 20; seq++) await harness.register(`h${seq}`, seq);
    await new Promise((resolve) => setTimeout(resolve, 500)); // the relay fails and backs off meanwhile
    await broker.start();

    await harness.waitForEffects(21);
    const effects = await harness.effects();
    expect(effects).toHaveLength(21);
    expect(once(effects)).toBe(true);
    const [{ pending }] = await harness.producerDb.dataSource.query('SELECT COUNT(*) AS pending FROM event_outbox WHERE sent_at IS NULL');
    expect(Number(pending)).toBe(0);
  });

  it('applies an event once when the relay died after sending and before marking it sent', async () => {
    await harness.startConsumer('a');
    let crashes = 0;
    await harness.startRelay({
      afterPublish: async () => {
        if (crashes++ === 0) throw new Error('relay killed after send, before mark');
      },
    });
    for (let seq = 1; seq <= 5; seq++) await harness.register(`h${seq}`, seq);
    await harness.waitForEffects(5);
    await new Promise((resolve) => setTimeout(resolve, 500)); // let the resent copies arrive too

    const effects = await harness.effects();
    expect(effects).toHaveLength(5);
    expect(once(effects)).toBe(true);
    const offsets = await new Kafka({ brokers: broker.brokers, logLevel: logLevel.NOTHING }).admin();
    await offsets.connect();
    const ends = await offsets.fetchTopicOffsets(topicOf('hazard-tracking'));
    await offsets.disconnect();
    const published = ends.reduce((sum, partition) => sum + Number(partition.high), 0);
    expect(published).toBeGreaterThan(5); // the batch really went out twice
  });

  it('has no second effect when a consumer dies after its effect but before committing the offset', async () => {
    const first = await harness.startConsumer('a');
    await harness.startRelay();
    for (let seq = 1; seq <= 10; seq++) await harness.register(`h${seq}`, seq);
    await harness.waitForEffects(10);
    await first.stop();

    // As if no offset had been committed: the group reads the partitions from the start again.
    const admin = new Kafka({ brokers: broker.brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    await admin.resetOffsets({ groupId: 'appraisal', topic: topicOf('hazard-tracking'), earliest: true });
    await admin.disconnect();

    await harness.startConsumer('b');
    await harness.register('h11', 11);
    await harness.waitForEffects(11);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const effects = await harness.effects();
    expect(effects).toHaveLength(11);
    expect(effects.filter((effect) => effect.instance === 'b').map((effect) => effect.hazard_id)).toEqual(['h11']);
  });

  it('publishes each event once while two instances of the producing service run their relays', async () => {
    await harness.startConsumer('a');
    await harness.startRelay();
    await harness.startRelay(); // a second instance: it waits on the lock
    for (let seq = 1; seq <= 30; seq++) await harness.register(`h${seq}`, seq);
    await harness.waitForEffects(30);
    await new Promise((resolve) => setTimeout(resolve, 500));

    const admin = new Kafka({ brokers: broker.brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const ends = await admin.fetchTopicOffsets(topicOf('hazard-tracking'));
    await admin.disconnect();
    expect(ends.reduce((sum, partition) => sum + Number(partition.high), 0)).toBe(30);
  });

  it('parks a poison message and keeps processing the partition behind it', async () => {
    await harness.startConsumer('a');
    const producer = new Kafka({ brokers: broker.brokers, logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    const headers = (id: string) => ({ [HEADERS.eventType]: 'hazard.registered', [HEADERS.schemaVersion]: '1', [HEADERS.eventId]: id });
    await producer.send({
      topic: topicOf('hazard-tracking'),
      acks: -1,
      messages: [
        { key: 'same-key', value: '{"not":"a hazard"}', headers: headers('00000000-0000-4000-8000-000000000001') },
        { key: 'same-key', value: 'not json at all', headers: headers('00000000-0000-4000-8000-000000000002') },
        { key: 'same-key', value: JSON.stringify(hazardPayload('h-after', 1)), headers: headers('00000000-0000-4000-8000-000000000003') },
      ],
    });
    await producer.disconnect();

    await harness.waitForEffects(1);
    expect((await harness.effects()).map((effect) => effect.hazard_id)).toEqual(['h-after']);
    const parked = await harness.consumerDb.dataSource.query('SELECT event_id, error FROM event_dead_letter ORDER BY id');
    expect(parked.map((row: any) => row.event_id)).toEqual(['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002']);
    expect(parked[0].error).toContain('hazard.registered');
    expect(parked[1].error).toContain('not JSON');
  });

  it('shares partitions between two instances of a consuming service, each effect once, order kept per aggregate', async () => {
    await harness.startConsumer('a');
    await harness.startRelay();
    const aggregates = Array.from({ length: 12 }, (_, index) => `agg${index}`);
    let seq = 0;
    for (const aggregate of aggregates) await harness.register(aggregate, ++seq);
    await harness.waitForEffects(12);

    await harness.startConsumer('b'); // joins: the group rebalances while events keep coming
    for (let round = 0; round < 4; round++) {
      for (const aggregate of aggregates) await harness.register(aggregate, ++seq);
    }
    await harness.waitForEffects(60);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const effects = await harness.effects();
    expect(effects).toHaveLength(60);
    const instances = new Set(effects.filter((effect) => effect.seq > 12).map((effect) => effect.instance));
    expect(instances).toEqual(new Set(['a', 'b']));
    for (const aggregate of aggregates) {
      const seqs = effects.filter((effect) => effect.hazard_id === aggregate).map((effect) => effect.seq);
      expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
      expect(seqs).toHaveLength(5);
    }
  });

  it('keeps the log and the committed offsets across a broker restart', async () => {
    const first = await harness.startConsumer('a');
    await harness.startRelay();
    for (let seq = 1; seq <= 6; seq++) await harness.register(`h${seq}`, seq);
    await harness.waitForEffects(6);
    await first.stop();
    await broker.stop();
    await broker.start();

    // The log survived: a new group reads all six from the beginning.
    const reader = new Kafka({ brokers: broker.brokers, logLevel: logLevel.NOTHING }).consumer({ groupId: 'auditor' });
    await reader.connect();
    await reader.subscribe({ topic: topicOf('hazard-tracking'), fromBeginning: true });
    const seen: string[] = [];
    await reader.run({ eachMessage: async ({ message }) => void seen.push(String(message.headers?.[HEADERS.eventId])) });
    const deadline = Date.now() + 20_000;
    while (seen.length < 6 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    await reader.disconnect();
    expect(seen).toHaveLength(6);

    // The offsets survived: the original group resumes after what it committed, so only the new event arrives.
    const admin = new Kafka({ brokers: broker.brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const committed = await admin.fetchOffsets({ groupId: 'appraisal', topics: [topicOf('hazard-tracking')] });
    await admin.disconnect();
    expect(committed[0].partitions.reduce((sum, partition) => sum + Number(partition.offset), 0)).toBe(6);
    await harness.startConsumer('b');
    await harness.register('h7', 7);
    await harness.waitForEffects(7);
    const [{ inbox }] = await harness.consumerDb.dataSource.query('SELECT COUNT(*) AS inbox FROM event_inbox');
    expect(Number(inbox)).toBe(7);
  });
});
