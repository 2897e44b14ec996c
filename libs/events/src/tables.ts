import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Events waiting to be published, written in the same transaction as the change they describe. */
@Entity('event_outbox')
export class OutboxRow {
  /** Publication order. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'event_id', type: 'char', length: 36 })
  eventId: string;

  @Column({ name: 'event_type', type: 'varchar', length: 100 })
  eventType: string;

  @Column({ name: 'schema_version', type: 'int' })
  schemaVersion: number;

  @Column({ type: 'varchar', length: 200 })
  topic: string;

  @Column({ name: 'aggregate_id', type: 'varchar', length: 64 })
  aggregateId: string;

  @Column({ type: 'longtext' })
  payload: string;

  @Column({ name: 'trace_id', type: 'varchar', length: 64, nullable: true })
  traceId: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'datetime', precision: 3, nullable: true })
  sentAt: Date | null;
}

/** Events already applied: a redelivered event finds its id here and has no second effect. */
@Entity('event_inbox')
export class InboxRow {
  @PrimaryColumn({ name: 'event_id', type: 'char', length: 36 })
  eventId: string;

  @Column({ name: 'event_type', type: 'varchar', length: 100 })
  eventType: string;

  @Column({ name: 'processed_at', type: 'datetime', precision: 3 })
  processedAt: Date;
}

/** Messages that kept failing (or never could succeed), parked with their error so the partition moves on. */
@Entity('event_dead_letter')
export class DeadLetterRow {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'event_id', type: 'varchar', length: 64, nullable: true })
  eventId: string | null;

  @Column({ name: 'event_type', type: 'varchar', length: 100, nullable: true })
  eventType: string | null;

  @Column({ type: 'varchar', length: 200 })
  topic: string;

  @Column({ name: 'partition_no', type: 'int' })
  partition: number;

  @Column({ name: 'message_offset', type: 'bigint' })
  offset: string;

  @Column({ type: 'longtext', nullable: true })
  payload: string | null;

  @Column({ type: 'text' })
  error: string;

  @Column({ type: 'int' })
  attempts: number;

  @Column({ name: 'failed_at', type: 'datetime', precision: 3 })
  failedAt: Date;
}

export const EVENT_ENTITIES = [OutboxRow, InboxRow, DeadLetterRow];

/** The event tables every service has; each service lists this migration in its own MIGRATIONS. */
export class EventTables1764100000000 implements MigrationInterface {
  name = 'EventTables1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE event_outbox (
        id BIGINT NOT NULL AUTO_INCREMENT,
        event_id CHAR(36) CHARACTER SET ascii NOT NULL,
        event_type VARCHAR(100) NOT NULL,
        schema_version INT NOT NULL,
        topic VARCHAR(200) NOT NULL,
        aggregate_id VARCHAR(64) NOT NULL,
        payload LONGTEXT NOT NULL,
        trace_id VARCHAR(64) NULL,
        created_at DATETIME(3) NOT NULL,
        sent_at DATETIME(3) NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_outbox_event (event_id),
        KEY ix_outbox_pending (sent_at, id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE event_inbox (
        event_id CHAR(36) CHARACTER SET ascii NOT NULL,
        event_type VARCHAR(100) NOT NULL,
        processed_at DATETIME(3) NOT NULL,
        PRIMARY KEY (event_id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE event_dead_letter (
        id BIGINT NOT NULL AUTO_INCREMENT,
        event_id VARCHAR(64) NULL,
        event_type VARCHAR(100) NULL,
        topic VARCHAR(200) NOT NULL,
        partition_no INT NOT NULL,
        message_offset BIGINT NOT NULL,
        payload LONGTEXT NULL,
        error TEXT NOT NULL,
        attempts INT NOT NULL,
        failed_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        KEY ix_dead_letter_event (event_id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE event_dead_letter');
    await queryRunner.query('DROP TABLE event_inbox');
    await queryRunner.query('DROP TABLE event_outbox');
  }
}
