import { MigrationInterface, QueryRunner } from 'typeorm';

const ID = 'CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL';
const PATH = 'VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL';
const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/** 家校告知: units' own templates, notices, the units they go to, and one recipient row per student. */
export class HomeSchoolNotices1764500000070 implements MigrationInterface {
  name = 'HomeSchoolNotices1764500000070';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE home_school_notice_template (
        id ${ID}, org_unit_id ${ID}, org_path ${PATH},
        title VARCHAR(200) NOT NULL, body TEXT NOT NULL,
        version INT NOT NULL, created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id), KEY ix_notice_template_path (org_path)
      ) ${TABLE}`);
    await queryRunner.query(`
      CREATE TABLE home_school_notice (
        id ${ID}, org_unit_id ${ID}, org_path ${PATH},
        title VARCHAR(200) NOT NULL, body TEXT NOT NULL, deadline DATE NOT NULL,
        template_id VARCHAR(64) NULL, status VARCHAR(16) NOT NULL,
        sent_at DATETIME(3) NULL, closed_at DATETIME(3) NULL, recipient_count INT NOT NULL DEFAULT 0,
        created_by VARCHAR(64) NOT NULL,
        version INT NOT NULL, created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id), KEY ix_notice_path (org_path, created_at), KEY ix_notice_unit (org_unit_id, created_at)
      ) ${TABLE}`);
    await queryRunner.query(`
      CREATE TABLE home_school_notice_unit (
        notice_id ${ID}, org_unit_id ${ID}, org_path ${PATH},
        PRIMARY KEY (notice_id, org_unit_id)
      ) ${TABLE}`);
    await queryRunner.query(`
      CREATE TABLE home_school_notice_recipient (
        id ${ID}, notice_id ${ID}, person_id ${ID}, student_name VARCHAR(100) NOT NULL,
        org_unit_id ${ID}, org_path ${PATH},
        token_hash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL, token_issued_at DATETIME(3) NULL,
        acknowledged_at DATETIME(3) NULL, ack_method VARCHAR(8) NULL, recorded_by VARCHAR(64) NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY ux_notice_recipient_person (notice_id, person_id),
        UNIQUE KEY ux_notice_recipient_token (token_hash),
        KEY ix_notice_recipient_path (notice_id, org_path)
      ) ${TABLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['home_school_notice_recipient', 'home_school_notice_unit', 'home_school_notice', 'home_school_notice_template']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
