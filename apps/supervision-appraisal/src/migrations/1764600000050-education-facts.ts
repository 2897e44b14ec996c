import { MigrationInterface, QueryRunner } from 'typeorm';

const ID = 'VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin';
const PATH = 'VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin';
const MONTH = 'CHAR(7) CHARACTER SET ascii COLLATE ascii_bin';
const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * The education- and responsibility-side facts kept from education-drills' and responsibility-network's
 * events: people (the coverage population), attendance per person and month, drills, quiz results per
 * quiz and person, notices per unit, letters. Months are YYYY-MM in the school's time zone.
 */
export class EducationFacts1764600000050 implements MigrationInterface {
  name = 'EducationFacts1764600000050';

  async up(queryRunner: QueryRunner): Promise<void> {
    // (active, org_path) serves a subtree's active people as one index range, in (org_path, id) order.
    await queryRunner.query(`
      CREATE TABLE education_person_fact (
        id ${ID} NOT NULL,
        org_unit_id ${ID} NOT NULL,
        org_path ${PATH} NOT NULL,
        kind VARCHAR(32) CHARACTER SET ascii NULL,
        active BOOLEAN NOT NULL,
        PRIMARY KEY (id),
        KEY ix_education_person_fact_scope (active, org_path)
      ) ${TABLE_OPTIONS}`);
    // One row per person and month attended, whatever the number of activities: 5 M rows a year at province scale.
    await queryRunner.query(`
      CREATE TABLE education_attendance_fact (
        person_id ${ID} NOT NULL,
        month ${MONTH} NOT NULL,
        org_path ${PATH} NOT NULL,
        first_attended_at DATETIME NOT NULL,
        PRIMARY KEY (person_id, month),
        KEY ix_education_attendance_fact_path (org_path)
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE education_drill_fact (
        id ${ID} NOT NULL,
        org_unit_id ${ID} NOT NULL,
        org_path ${PATH} NOT NULL,
        drill_type VARCHAR(32) NULL,
        scenario VARCHAR(200) NULL,
        held_at DATETIME NULL,
        held_month ${MONTH} NULL,
        score DECIMAL(5,2) NULL,
        evaluated_at DATETIME NULL,
        PRIMARY KEY (id),
        KEY ix_education_drill_fact_scope (org_path, held_month)
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE education_quiz_fact (
        quiz_id ${ID} NOT NULL,
        person_id ${ID} NOT NULL,
        org_unit_id ${ID} NOT NULL,
        org_path ${PATH} NOT NULL,
        topic VARCHAR(100) NOT NULL,
        attempts INT NOT NULL DEFAULT 0,
        best_score DECIMAL(5,2) NOT NULL,
        first_graded_at DATETIME NOT NULL,
        graded_month ${MONTH} NOT NULL,
        passed_at DATETIME NULL,
        passed_month ${MONTH} NULL,
        PRIMARY KEY (quiz_id, person_id),
        KEY ix_education_quiz_fact_scope (org_path, graded_month)
      ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`
      CREATE TABLE education_notice_fact (
        notice_id ${ID} NOT NULL,
        org_unit_id ${ID} NOT NULL,
        org_path ${PATH} NOT NULL,
        title VARCHAR(200) NULL,
        sent_at DATETIME NULL,
        sent_month ${MONTH} NULL,
        recipients INT NOT NULL DEFAULT 0,
        acknowledged INT NOT NULL DEFAULT 0,
        PRIMARY KEY (notice_id, org_unit_id),
        KEY ix_education_notice_fact_scope (org_path, sent_month)
      ) ${TABLE_OPTIONS}`);
    // org_path is the recipient unit's path (the letter is that unit's).
    await queryRunner.query(`
      CREATE TABLE education_letter_fact (
        id ${ID} NOT NULL,
        year SMALLINT NOT NULL,
        title VARCHAR(200) NOT NULL,
        issuer_unit_id ${ID} NOT NULL,
        recipient_unit_id ${ID} NOT NULL,
        org_path ${PATH} NOT NULL,
        signed_at DATETIME NULL,
        expired BOOLEAN NOT NULL DEFAULT FALSE,
        revoked BOOLEAN NOT NULL DEFAULT FALSE,
        PRIMARY KEY (id),
        KEY ix_education_letter_fact_scope (org_path, year)
      ) ${TABLE_OPTIONS}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['education_letter_fact', 'education_notice_fact', 'education_quiz_fact', 'education_drill_fact', 'education_attendance_fact', 'education_person_fact']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
