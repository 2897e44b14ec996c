import { EventConsumer, EventSubscriber, EventTables1764100000000, EVENT_ENTITIES, HEADERS, IncomingMessage, OrgUnitRenamed, on, onBatch, onlyFor } from '@campus/events';
import { createTestDatabase, TestDatabase } from '@campus/testing';
import { logger } from './fault-harness';

/** A subscriber that never connects: the test hands messages to the consumer itself. */
const NO_SUBSCRIBER: EventSubscriber = { subscribe: async () => ({ stop: async () => undefined }) };

function message(eventId: string, name: string): IncomingMessage {
  return {
    topic: 'campus.responsibility-network.events',
    partition: 0,
    offset: '0',
    key: 'unit-a',
    value: JSON.stringify({ id: 'unita', name, path: '/unita/' }),
    headers: { [HEADERS.eventType]: OrgUnitRenamed.type, [HEADERS.schemaVersion]: String(OrgUnitRenamed.version), [HEADERS.eventId]: eventId },
  };
}

describe('EventConsumer with several modules reacting to one event type', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('consumer_handlers', EVENT_ENTITIES, [EventTables1764100000000]);
    await db.dataSource.query('CREATE TABLE effect (id INT AUTO_INCREMENT PRIMARY KEY, module VARCHAR(20) NOT NULL, name VARCHAR(50) NOT NULL)');
  });
  afterAll(() => db.drop());
  beforeEach(() => db.dataSource.query('DELETE FROM effect'));

  const effects = async () => (await db.dataSource.query('SELECT module, name FROM effect ORDER BY id')) as { module: string; name: string }[];
  const handler = (module: string, fail?: () => boolean) =>
    on(OrgUnitRenamed, async (manager, { payload }) => {
      await manager.query('INSERT INTO effect (module, name) VALUES (?, ?)', [module, payload.name]);
      if (fail?.()) throw new Error(`${module} failed`);
    });

  it('runs every handler once, in module order, and a redelivery runs none', async () => {
    const consumer = new EventConsumer(db.dataSource, NO_SUBSCRIBER, [handler('projection'), handler('coverage')], { groupId: 'test', logger });
    await consumer.receive(message('event-1', '新名称'));
    await consumer.receive(message('event-1', '新名称'));
    expect(await effects()).toEqual([
      { module: 'projection', name: '新名称' },
      { module: 'coverage', name: '新名称' },
    ]);
  });

  it('commits all handlers or none: a failing second handler undoes the first, and the retry applies both once', async () => {
    let failures = 1;
    const consumer = new EventConsumer(db.dataSource, NO_SUBSCRIBER, [handler('projection'), handler('coverage', () => failures-- > 0)], {
      groupId: 'test',
      logger,
      retryBaseMs: 1,
    });
    await consumer.receive(message('event-2', '再改名'));
    expect(await effects()).toEqual([
      { module: 'projection', name: '再改名' },
      { module: 'coverage', name: '再改名' },
    ]);
  });

  it('runs afterCommit once the effect is committed (it reads it), and not for a redelivery', async () => {
    const seen: number[] = [];
    const counted = on(
      OrgUnitRenamed,
      async (manager, { payload }) => void (await manager.query('INSERT INTO effect (module, name) VALUES (?, ?)', ['counted', payload.name])),
      () => void db.dataSource.query("SELECT COUNT(*) AS n FROM effect WHERE module = 'counted'").then(([row]: { n: string }[]) => seen.push(Number(row.n))),
    );
    const consumer = new EventConsumer(db.dataSource, NO_SUBSCRIBER, [counted], { groupId: 'test', logger });
    await consumer.receive(message('event-3', '三改'));
    await consumer.receive(message('event-3', '三改'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen).toEqual([1]);
  });

  it('skips an event none of its handlers acts on without an inbox row, and applies the others once', async () => {
    const consumer = new EventConsumer(db.dataSource, NO_SUBSCRIBER, [onlyFor(handler('renamed-a'), (payload) => payload.name.startsWith('甲'))], { groupId: 'test', logger });
    await consumer.receiveBatch([message('only-1', '乙一'), message('only-2', '甲二'), message('only-3', '乙三')]);
    await consumer.receive(message('only-4', '乙四'));
    expect((await effects()).map((effect) => effect.name)).toEqual(['甲二']);
    const inbox: { event_id: string }[] = await db.dataSource.query("SELECT event_id FROM event_inbox WHERE event_id LIKE 'only-%' ORDER BY event_id");
    expect(inbox.map((row) => row.event_id)).toEqual(['only-2']);
  });

  describe('a batch of messages (one partition, in order)', () => {
    const parked = async () => (await db.dataSource.query('SELECT event_id FROM event_dead_letter ORDER BY id')) as { event_id: string }[];

    it('applies the batch in one transaction: each event once (an event applied before, or twice in the batch, skipped), in order, afterCommit once', async () => {
      let wakes = 0;
      const consumer = new EventConsumer(db.dataSource, NO_SUBSCRIBER, [on(OrgUnitRenamed, handler('batch').handle, () => void wakes++)], { groupId: 'test', logger });
      await consumer.receive(message('batch-1', '甲'));
      await consumer.receiveBatch([message('batch-1', '甲'), message('batch-2', '乙'), message('batch-3', '丙'), message('batch-2', '乙')]);
      expect((await effects()).map((effect) => effect.name)).toEqual(['甲', '乙', '丙']);
      expect(wakes).toBe(2);
    });

    it('parks a poison message of a batch and applies the rest around it, in order', async () => {
      const consumer = new EventConsumer(db.dataSource, NO_SUBSCRIBER, [handler('batch')], { groupId: 'test', logger });
      const poison = { ...message('batch-poison', 'x'), value: '{"id":' };
      await consumer.receiveBatch([message('batch-4', '丁'), poison, message('batch-5', '戊')]);
      expect((await effects()).map((effect) => effect.name)).toEqual(['丁', '戊']);
      expect((await parked()).map((row) => row.event_id)).toContain('batch-poison');
    });

    it('applies a batch again, as a batch, when its transaction met a lock conflict with another transaction', async () => {
      const runs: number[] = [];
      const holder = db.dataSource.createQueryRunner();
      await holder.startTransaction();
      await holder.query("INSERT INTO effect (module, name) VALUES ('held', 'row')");
      const [{ id: heldId }] = await holder.query('SELECT LAST_INSERT_ID() AS id');
      const locking = onBatch(OrgUnitRenamed, async (manager, events) => {
        runs.push(events.length);
        for (const { payload } of events) await manager.query('INSERT INTO effect (module, name) VALUES (?, ?)', ['locked', payload.name]);
        if (runs.length > 1) return;
        // The first attempt waits for the row another transaction holds, and gives up (ER_LOCK_WAIT_TIMEOUT); then that one ends.
        await manager.query('SET SESSION innodb_lock_wait_timeout = 1');
        try {
          await manager.query('SELECT id FROM effect WHERE id = ? FOR UPDATE', [heldId]);
        } finally {
          await manager.query('SET SESSION innodb_lock_wait_timeout = DEFAULT');
          await holder.rollbackTransaction();
          await holder.release();
        }
      });
      const consumer = new EventConsumer(db.dataSource, NO_SUBSCRIBER, [locking], { groupId: 'test', logger });
      await consumer.receiveBatch([message('lock-1', '壬'), message('lock-2', '癸')]);
      expect(runs).toEqual([2, 2]);
      expect((await effects()).map((effect) => effect.name)).toEqual(['壬', '癸']);
    });

    it('undoes the whole batch when one handler fails, then applies each event on its own, the failing one after its retry', async () => {
      let failures = 1;
      const consumer = new EventConsumer(db.dataSource, NO_SUBSCRIBER, [handler('batch', () => failures-- > 0)], { groupId: 'test', logger, retryBaseMs: 1 });
      await consumer.receiveBatch([message('batch-6', '己'), message('batch-7', '庚'), message('batch-8', '辛')]);
      expect((await effects()).map((effect) => effect.name)).toEqual(['己', '庚', '辛']);
    });
  });
});
