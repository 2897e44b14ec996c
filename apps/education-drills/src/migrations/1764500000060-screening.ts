import { MigrationInterface, QueryRunner } from 'typeorm';

const ID = 'CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL';
const OPTIONAL_ID = 'CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL';
const PATH = 'VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL';
const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
const APPEND_ONLY = "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'screening_access_log is append-only'";

/** 心理问题学生排查干预台账: records, their interventions and follow-ups, and the append-only log of every read. */
export class Screening1764500000060 implements MigrationInterface {
  name = 'Screening1764500000060';

  async up(queryRunner: QueryRunner): Promise<void> {
    // open_student_id (the student while the record is open, else null): one open record per student, whatever two counsellors do at once.
    await queryRunner.query(`
      CREATE TABLE screening_record (
        id ${ID}, org_unit_id ${ID}, org_path ${PATH},
        student_id ${ID},
        screening_date DATE NOT NULL,
        instrument VARCHAR(16) NOT NULL,
        instrument_note VARCHAR(100) NULL,
        risk_level VARCHAR(16) NOT NULL,
        finding VARCHAR(1000) NULL,
        counselor_account_id ${ID},
        counselor_person_id ${OPTIONAL_ID},
        counselor_name VARCHAR(100) NULL,
        status VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        next_follow_up_date DATE NULL,
        referral_institution VARCHAR(200) NULL,
        referral_date DATE NULL,
        referral_note VARCHAR(500) NULL,
        closed_on DATE NULL,
        closing_note VARCHAR(500) NULL,
        open_student_id ${OPTIONAL_ID},
        version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY ux_screening_record_open_student (open_student_id),
        KEY ix_screening_record_path (org_path, status, risk_level),
        KEY ix_screening_record_due (status, next_follow_up_date),
        KEY ix_screening_record_student (student_id)
      ) ${TABLE}`);
    await queryRunner.query(`
      CREATE TABLE screening_entry (
        id ${ID}, record_id ${ID},
        kind VARCHAR(16) NOT NULL,
        occurred_on DATE NOT NULL,
        action VARCHAR(1000) NOT NULL,
        performed_by VARCHAR(100) NOT NULL,
        next_follow_up_date DATE NULL,
        risk_level_after VARCHAR(16) NULL,
        recorded_by_account_id ${ID},
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_screening_entry_record (record_id, occurred_on)
      ) ${TABLE}`);
    await queryRunner.query(`
      CREATE TABLE screening_access_log (
        id BIGINT NOT NULL AUTO_INCREMENT,
        record_id ${ID}, org_unit_id ${ID}, org_path ${PATH},
        account_id ${ID},
        person_id ${OPTIONAL_ID},
        access_kind VARCHAR(16) NOT NULL,
        request_id VARCHAR(64) NOT NULL,
        accessed_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        KEY ix_screening_access_log_path (org_path, id),
        KEY ix_screening_access_log_record (record_id, id)
      ) ${TABLE}`);
    // The log is append-only in the database itself; only org_path may change, when a unit moves.
    await queryRunner.query(`
      CREATE TRIGGER screening_access_log_no_update BEFORE UPDATE ON screening_access_log FOR EACH ROW
      BEGIN
        IF NOT (NEW.id <=> OLD.id AND NEW.record_id <=> OLD.record_id AND NEW.org_unit_id <=> OLD.org_unit_id
                AND NEW.account_id <=> OLD.account_id AND NEW.person_id <=> OLD.person_id AND NEW.access_kind <=> OLD.access_kind
                AND NEW.request_id <=> OLD.request_id AND NEW.accessed_at <=> OLD.accessed_at) THEN
          ${APPEND_ONLY};
        END IF;
      END`);
    await queryRunner.query(`
      CREATE TRIGGER screening_access_log_no_delete BEFORE DELETE ON screening_access_log FOR EACH ROW
      BEGIN
        ${APPEND_ONLY};
      END`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE screening_access_log');
    await queryRunner.query('DROP TABLE screening_entry');
    await queryRunner.query('DROP TABLE screening_record');
  }
}
