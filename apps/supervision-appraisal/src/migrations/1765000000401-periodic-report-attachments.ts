import { MigrationInterface, QueryRunner } from 'typeorm';

/** Files attached to periodic report submissions (报送材料附件), stored on @campus/files' store; scoped like their submission. */
export class PeriodicReportAttachments1765000000401 implements MigrationInterface {
  name = 'PeriodicReportAttachments1765000000401';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE periodic_report_attachment (
        id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        submission_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        revision INT NOT NULL,
        filename VARCHAR(255) NOT NULL,
        content_type VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        size_bytes INT NOT NULL,
        sha256 CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        storage_key VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        note VARCHAR(500) NULL,
        uploaded_by_account_id VARCHAR(64) NOT NULL,
        uploaded_by_person_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
        org_unit_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        org_path VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_periodic_report_attachment_submission (submission_id, created_at),
        KEY ix_periodic_report_attachment_path (org_path)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE periodic_report_attachment');
  }
}
