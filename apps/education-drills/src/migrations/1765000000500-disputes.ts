import { MigrationInterface, QueryRunner } from 'typeorm';

const ID = 'CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL';
const OPTIONAL_ID = 'CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL';
const PATH = 'VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL';
const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
const APPEND_ONLY = "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'risk_register_access_log is append-only'";

/** 师生矛盾纠纷台账: disputes, their mediation steps, and the append-only log of every read of the people-at-risk registers. */
export class Disputes1765000000500 implements MigrationInterface {
  name = 'Disputes1765000000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE dispute (
        id ${ID}, org_unit_id ${ID}, org_path ${PATH},
        category VARCHAR(24) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        cause VARCHAR(1000) NOT NULL,
        parties JSON NOT NULL,
        found_on DATE NOT NULL,
        found_by VARCHAR(100) NOT NULL,
        registered_by_account_id ${ID},
        registered_by_name VARCHAR(100) NULL,
        risk_level VARCHAR(16) NOT NULL,
        status VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        outcome_on DATE NULL,
        outcome_note VARCHAR(500) NULL,
        escalated_to VARCHAR(200) NULL,
        closed_on DATE NULL,
        closing_note VARCHAR(500) NULL,
        version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_dispute_path (org_path, status),
        KEY ix_dispute_recent (created_at, id)
      ) ${TABLE}`);
    await queryRunner.query(`
      CREATE TABLE dispute_mediation (
        id ${ID}, dispute_id ${ID},
        occurred_on DATE NOT NULL,
        mediator VARCHAR(100) NOT NULL,
        action VARCHAR(1000) NOT NULL,
        outcome VARCHAR(500) NOT NULL,
        recorded_by_account_id ${ID},
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_dispute_mediation_dispute (dispute_id, occurred_on)
      ) ${TABLE}`);
    await queryRunner.query(`
      CREATE TABLE risk_register_access_log (
        id BIGINT NOT NULL AUTO_INCREMENT,
        register VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        record_id ${ID}, org_unit_id ${ID}, org_path ${PATH},
        account_id ${ID},
        person_id ${OPTIONAL_ID},
        access_kind VARCHAR(16) NOT NULL,
        request_id VARCHAR(64) NOT NULL,
        accessed_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        KEY ix_risk_register_access_log_path (org_path, id),
        KEY ix_risk_register_access_log_record (record_id, id)
      ) ${TABLE}`);
    // Append-only in the database itself; only org_path may change, when a unit moves.
    await queryRunner.query(`
      CREATE TRIGGER risk_register_access_log_no_update BEFORE UPDATE ON risk_register_access_log FOR EACH ROW
      BEGIN
        IF NOT (NEW.id <=> OLD.id AND NEW.register <=> OLD.register AND NEW.record_id <=> OLD.record_id AND NEW.org_unit_id <=> OLD.org_unit_id
                AND NEW.account_id <=> OLD.account_id AND NEW.person_id <=> OLD.person_id AND NEW.access_kind <=> OLD.access_kind
                AND NEW.request_id <=> OLD.request_id AND NEW.accessed_at <=> OLD.accessed_at) THEN
          ${APPEND_ONLY};
        END IF;
      END`);
    await queryRunner.query(`
      CREATE TRIGGER risk_register_access_log_no_delete BEFORE DELETE ON risk_register_access_log FOR EACH ROW
      BEGIN
        ${APPEND_ONLY};
      END`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE risk_register_access_log');
    await queryRunner.query('DROP TABLE dispute_mediation');
    await queryRunner.query('DROP TABLE dispute');
  }
}
