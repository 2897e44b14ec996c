import { MigrationInterface, QueryRunner } from 'typeorm';

/** Results made public with an objection window (申诉期), and the objections (申诉) units file in it. */
export class AppraisalObjections1764600000072 implements MigrationInterface {
  name = 'AppraisalObjections1764600000072';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE appraisal ADD COLUMN published_at DATETIME(3) NULL, ADD COLUMN objection_until DATETIME(3) NULL');
    await queryRunner.query(`
      CREATE TABLE appraisal_objection (
        id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        appraisal_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        reason VARCHAR(1000) NOT NULL,
        filed_by VARCHAR(128) NOT NULL,
        filed_at DATETIME(3) NOT NULL,
        status VARCHAR(16) NOT NULL,
        answer VARCHAR(1000) NULL,
        answered_by VARCHAR(128) NULL,
        answered_at DATETIME(3) NULL,
        PRIMARY KEY (id),
        KEY ix_appraisal_objection_appraisal (appraisal_id, status),
        CONSTRAINT fk_appraisal_objection_appraisal FOREIGN KEY (appraisal_id) REFERENCES appraisal (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE appraisal_objection');
    await queryRunner.query('ALTER TABLE appraisal DROP COLUMN published_at, DROP COLUMN objection_until');
  }
}
