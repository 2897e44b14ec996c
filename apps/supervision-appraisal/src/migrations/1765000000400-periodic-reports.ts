import { MigrationInterface, QueryRunner } from 'typeorm';

const ID = 'CHAR(32) CHARACTER SET ascii COLLATE ascii_bin';
const EXTERNAL_ID = 'VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin';
const PATH = 'VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin';
const STAMPS = `version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)`;

/** 周安排、月调度、季报告: report templates, their target units, one submission per unit and period, earlier revisions. */
export class PeriodicReports1765000000400 implements MigrationInterface {
  name = 'PeriodicReports1765000000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE periodic_report_template (
        id ${ID} NOT NULL,
        org_unit_id ${ID} NOT NULL,
        org_path ${PATH} NOT NULL,
        title VARCHAR(200) NOT NULL,
        cadence VARCHAR(16) NOT NULL,
        guidance VARCHAR(4000) NOT NULL,
        due_offset_periods INT NOT NULL,
        due_day INT NOT NULL,
        due_minutes INT NOT NULL,
        starts_on DATE NOT NULL,
        status VARCHAR(16) NOT NULL,
        created_by_account_id VARCHAR(64) NOT NULL,
        created_by_person_id ${EXTERNAL_ID} NULL,
        closed_at DATETIME(3) NULL,
        ${STAMPS},
        PRIMARY KEY (id),
        KEY ix_periodic_report_template_path (org_path, created_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE periodic_report_target (
        template_id ${ID} NOT NULL,
        org_unit_id ${ID} NOT NULL,
        position INT NOT NULL,
        PRIMARY KEY (template_id, org_unit_id),
        KEY ix_periodic_report_target_unit (org_unit_id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE periodic_report_submission (
        id ${ID} NOT NULL,
        org_unit_id ${ID} NOT NULL,
        org_path ${PATH} NOT NULL,
        template_id ${ID} NOT NULL,
        issuing_path ${PATH} NOT NULL,
        period_key VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        content TEXT NOT NULL,
        status VARCHAR(16) NOT NULL,
        revision INT NOT NULL,
        late TINYINT(1) NOT NULL,
        first_submitted_at DATETIME(3) NOT NULL,
        submitted_at DATETIME(3) NOT NULL,
        submitted_by_account_id VARCHAR(64) NOT NULL,
        submitted_by_person_id ${EXTERNAL_ID} NULL,
        reviewed_at DATETIME(3) NULL,
        reviewed_by_account_id VARCHAR(64) NULL,
        reviewed_by_person_id ${EXTERNAL_ID} NULL,
        review_comment VARCHAR(1000) NULL,
        ${STAMPS},
        PRIMARY KEY (id),
        UNIQUE KEY ux_periodic_report_submission_period (template_id, org_unit_id, period_key),
        KEY ix_periodic_report_submission_path (org_path, created_at),
        KEY ix_periodic_report_submission_issuing (issuing_path)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE periodic_report_revision (
        submission_id ${ID} NOT NULL,
        revision INT NOT NULL,
        content TEXT NOT NULL,
        submitted_at DATETIME(3) NOT NULL,
        submitted_by_person_id ${EXTERNAL_ID} NULL,
        review_comment VARCHAR(1000) NULL,
        PRIMARY KEY (submission_id, revision)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['periodic_report_revision', 'periodic_report_submission', 'periodic_report_target', 'periodic_report_template']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
