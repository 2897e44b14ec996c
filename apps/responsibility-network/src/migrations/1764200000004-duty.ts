import { MigrationInterface, QueryRunner } from 'typeorm';

const ID = 'CHAR(32) CHARACTER SET ascii COLLATE ascii_bin';
const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
// Shift names are compared exactly in code, so the database compares them byte for byte too.
const SHIFT_NAME = 'VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin';

export class Duty1764200000004 implements MigrationInterface {
  name = 'Duty1764200000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE duty_roster (
        id ${ID} NOT NULL,
        org_unit_id ${ID} NOT NULL,
        org_path VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        name VARCHAR(100) NOT NULL,
        start_date DATE NOT NULL,
        end_date DATE NOT NULL,
        period_kind VARCHAR(16) NOT NULL,
        shifts JSON NOT NULL,
        created_by_account_id ${ID} NOT NULL,
        version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_duty_roster_org_path (org_path),
        KEY ix_duty_roster_unit_dates (org_unit_id, start_date, end_date),
        KEY ix_duty_roster_start (start_date, id),
        CONSTRAINT fk_duty_roster_unit FOREIGN KEY (org_unit_id) REFERENCES org_unit (id)
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE duty_slot (
        id ${ID} NOT NULL,
        roster_id ${ID} NOT NULL,
        duty_date DATE NOT NULL,
        shift_name ${SHIFT_NAME} NOT NULL,
        leader_person_id ${ID} NULL,
        updated_by_account_id ${ID} NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_duty_slot (roster_id, duty_date, shift_name),
        KEY ix_duty_slot_leader (leader_person_id),
        CONSTRAINT fk_duty_slot_roster FOREIGN KEY (roster_id) REFERENCES duty_roster (id),
        CONSTRAINT fk_duty_slot_leader FOREIGN KEY (leader_person_id) REFERENCES person (id)
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE duty_slot_officer (
        slot_id ${ID} NOT NULL,
        person_id ${ID} NOT NULL,
        position INT NOT NULL,
        PRIMARY KEY (slot_id, person_id),
        KEY ix_duty_slot_officer_person (person_id),
        CONSTRAINT fk_duty_slot_officer_slot FOREIGN KEY (slot_id) REFERENCES duty_slot (id) ON DELETE CASCADE,
        CONSTRAINT fk_duty_slot_officer_person FOREIGN KEY (person_id) REFERENCES person (id)
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE duty_handover_note (
        id ${ID} NOT NULL,
        roster_id ${ID} NOT NULL,
        duty_date DATE NOT NULL,
        shift_name ${SHIFT_NAME} NOT NULL,
        note TEXT NOT NULL,
        written_by_account_id ${ID} NOT NULL,
        written_by_person_id ${ID} NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_duty_handover_note_recent (roster_id, created_at, id),
        CONSTRAINT fk_duty_handover_note_roster FOREIGN KEY (roster_id) REFERENCES duty_roster (id),
        CONSTRAINT fk_duty_handover_note_person FOREIGN KEY (written_by_person_id) REFERENCES person (id)
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE duty_log_entry (
        id ${ID} NOT NULL,
        roster_id ${ID} NOT NULL,
        occurred_at DATETIME(3) NOT NULL,
        category VARCHAR(16) NOT NULL,
        content TEXT NOT NULL,
        duty_date DATE NULL,
        shift_name ${SHIFT_NAME} NULL,
        recorded_by_account_id ${ID} NOT NULL,
        recorded_by_person_id ${ID} NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_duty_log_entry_recent (roster_id, occurred_at, id),
        CONSTRAINT fk_duty_log_entry_roster FOREIGN KEY (roster_id) REFERENCES duty_roster (id),
        CONSTRAINT fk_duty_log_entry_person FOREIGN KEY (recorded_by_person_id) REFERENCES person (id)
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE duty_gap_report (
        id ${ID} NOT NULL,
        roster_id ${ID} NOT NULL,
        duty_date DATE NOT NULL,
        shift_name ${SHIFT_NAME} NOT NULL,
        missing VARCHAR(16) NOT NULL,
        reported_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_duty_gap_report (roster_id, duty_date, shift_name, missing),
        CONSTRAINT fk_duty_gap_report_roster FOREIGN KEY (roster_id) REFERENCES duty_roster (id)
      ) ${TABLE_OPTIONS}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE duty_gap_report');
    await queryRunner.query('DROP TABLE duty_log_entry');
    await queryRunner.query('DROP TABLE duty_handover_note');
    await queryRunner.query('DROP TABLE duty_slot_officer');
    await queryRunner.query('DROP TABLE duty_slot');
    await queryRunner.query('DROP TABLE duty_roster');
  }
}
