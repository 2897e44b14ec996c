import { MigrationInterface, QueryRunner } from 'typeorm';

const ID = 'CHAR(32) CHARACTER SET ascii COLLATE ascii_bin';
const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Notifications (通知与提醒): each person's inbox, the deliveries of each notification to its channels (claimed
 * by one worker at a time), the units' group robots, the people's preferences, a person's e-mail address, and
 * the few hazard facts the notifications need (who is responsible for a hazard, from hazard-tracking's events).
 */
export class Notifications1765000001100 implements MigrationInterface {
  name = 'Notifications1765000001100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE person ADD COLUMN email VARCHAR(254) NULL');
    await queryRunner.query(`
      CREATE TABLE notification (
        id ${ID} NOT NULL,
        person_id ${ID} NOT NULL,
        kind VARCHAR(32) NOT NULL,
        title VARCHAR(200) NOT NULL,
        body VARCHAR(1000) NOT NULL,
        object_type VARCHAR(32) NULL,
        object_id ${ID} NULL,
        org_unit_id ${ID} NULL,
        org_path VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NULL,
        dedup_key VARCHAR(160) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        created_at DATETIME(3) NOT NULL,
        read_at DATETIME(3) NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_notification_dedup (person_id, dedup_key),
        KEY ix_notification_inbox (person_id, created_at, id),
        KEY ix_notification_unread (person_id, read_at)
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE notification_delivery (
        id ${ID} NOT NULL,
        notification_id ${ID} NOT NULL,
        channel VARCHAR(16) NOT NULL,
        target VARCHAR(254) NOT NULL,
        status VARCHAR(16) NOT NULL,
        attempts INT NOT NULL DEFAULT 0,
        next_attempt_at DATETIME(3) NOT NULL,
        last_error VARCHAR(1000) NULL,
        delivered_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_notification_delivery (notification_id, channel, target),
        KEY ix_notification_delivery_due (status, next_attempt_at),
        CONSTRAINT fk_notification_delivery FOREIGN KEY (notification_id) REFERENCES notification (id)
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE notification_robot (
        id ${ID} NOT NULL,
        org_unit_id ${ID} NOT NULL,
        org_path VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        kind VARCHAR(16) NOT NULL,
        name VARCHAR(50) NOT NULL,
        url VARCHAR(500) NOT NULL,
        secret VARCHAR(200) NULL,
        keyword VARCHAR(50) NULL,
        version INT NOT NULL,
        created_by_account_id ${ID} NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_notification_robot_path (org_path)
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE notification_preference (
        person_id ${ID} NOT NULL,
        kind VARCHAR(32) NOT NULL,
        email TINYINT(1) NOT NULL,
        robot TINYINT(1) NOT NULL,
        PRIMARY KEY (person_id, kind)
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE notification_hazard (
        hazard_id ${ID} NOT NULL,
        responsible_person_id ${ID} NULL,
        rectified_by_person_id ${ID} NULL,
        PRIMARY KEY (hazard_id)
      ) ${TABLE_OPTIONS}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['notification_hazard', 'notification_preference', 'notification_robot', 'notification_delivery', 'notification']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query('ALTER TABLE person DROP COLUMN email');
  }
}
