import { EventConsumer, EventTables1764100000000, EVENT_ENTITIES, HazardRegistered, kafkaTransport, on, OutboxRelay, recordEvent, EventTransport, PayloadOf } from '@campus/events';
import { createLogger } from '@campus/logger';
import { createTestDatabase, TestDatabase } from '@campus/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ServiceProcess, startCompiled, stopApp, waitForPort } from '@campus/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

export const logger = createLogger('event-faults', process.env.LOG_LEVEL ?? 'silent');

/** The effect of an event in the consuming service: one row per application, never deduplicated by the table. */
class EffectTable1764100000009 implements MigrationInterface {
  name = 'EffectTable1764100000009';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE effect (
      id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
      hazard_id VARCHAR(64) NOT NULL,
      seq INT NOT NULL,
      instance VARCHAR(20) NOT NULL
    ) ENGINE=InnoDB`);
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE effect');
  }
}

/** A dev broker as its own process, stoppable and restartable on the same port and log directory. */
export class BrokerProcess {
  private process: ServiceProcess | null = null;
  readonly dataDir = mkdtempSync(path.join(tmpdir(), 'campus-kafka-'));

  constructor(readonly port: number) {}

  get brokers(): string[] {
    return [`127.0.0.1:${this.port}`];
  }

  async start(): Promise<void> {
    this.process = startCompiled(
      'kafka-broker',
      'dist/tools/kafka-broker/src/main.js',
      ['--port', String(this.port), '--data-dir', this.dataDir],
      this.port,
      {},
      path.join(this.dataDir, 'logs'),
    );
    await waitForPort(this.process);
  }

  async stop(): Promise<void> {
    if (this.process) await stopApp(this.process);
    this.process = null;
  }
}

/** A producing and a consuming service's databases (fresh per file) around one broker. */
export class FaultHarness {
  producerDb: TestDatabase;
  consumerDb: TestDatabase;
  private readonly transports: EventTransport[] = [];
  private readonly relays: OutboxRelay[] = [];
  private readonly consumers: EventConsumer[] = [];

  constructor(readonly broker: BrokerProcess) {}

  async setUp(label: string): Promise<void> {
    this.producerDb = await createTestDatabase(`${label}_p`, EVENT_ENTITIES, [EventTables1764100000000]);
    this.consumerDb = await createTestDatabase(`${label}_c`, EVENT_ENTITIES, [EventTables1764100000000, EffectTable1764100000009]);
  }

  transport(clientId: string): EventTransport {
    const transport = kafkaTransport({ brokers: this.broker.brokers, clientId, logger, topicPartitions: 3 });
    this.transports.push(transport);
    return transport;
  }

  async startRelay(options: { afterPublish?: () => Promise<void> } = {}): Promise<OutboxRelay> {
    const relay = new OutboxRelay(this.producerDb.dataSource, await this.transport('relay').publisher(), {
      logger,
      lockName: `${this.producerDb.name}.relay`,
      pollIntervalMs: 50,
      maxBackoffMs: 500,
      afterPublish: options.afterPublish,
    });
    relay.start();
    this.relays.push(relay);
    return relay;
  }

  async startConsumer(instance: string, groupId = 'appraisal'): Promise<EventConsumer> {
    const consumer = new EventConsumer(
      this.consumerDb.dataSource,
      this.transport(`consumer-${instance}`),
      [
        on(HazardRegistered, async (manager, { payload }) => {
          await manager.query('INSERT INTO effect (hazard_id, seq, instance) VALUES (?, ?, ?)', [
            payload.id,
            Number(payload.code),
            instance,
          ]);
        }),
      ],
      { groupId, logger, maxAttempts: 3, retryBaseMs: 20 },
    );
    await consumer.start();
    this.consumers.push(consumer);
    return consumer;
  }

  /** Records a "hazard registered" event in the producer's outbox, as hazard-tracking does. */
  async register(hazardId: string, seq: number): Promise<void> {
    await this.producerDb.dataSource.transaction((manager) => recordEvent(manager, HazardRegistered, hazardId, hazardPayload(hazardId, seq)));
  }

  async effects(): Promise<{ hazard_id: string; seq: number; instance: string }[]> {
    return this.consumerDb.dataSource.query('SELECT hazard_id, seq, instance FROM effect ORDER BY id');
  }

  async waitForEffects(count: number, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((await this.effects()).length < count) {
      if (Date.now() > deadline) throw new Error(`only ${(await this.effects()).length} of ${count} effects after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async tearDown(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.stop().catch(() => undefined)));
    await Promise.all(this.relays.map((relay) => relay.stop().catch(() => undefined)));
    await Promise.all(this.transports.map((transport) => transport.close().catch(() => undefined)));
    await this.producerDb?.drop();
    await this.consumerDb?.drop();
  }
}

export function hazardPayload(hazardId: string, seq: number): PayloadOf<typeof HazardRegistered> {
  const now = new Date().toISOString();
  return {
    id: hazardId,
    code: String(seq),
    orgUnitId: 'unit1',
    orgPath: '/root/unit1/',
    category: 'FIRE',
    grade: 'GENERAL',
    source: 'SELF_INSPECTION',
    status: 'REGISTERED',
    discoveredAt: now,
    registeredAt: now,
  };
}
