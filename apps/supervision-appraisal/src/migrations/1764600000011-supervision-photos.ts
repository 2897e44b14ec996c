import { MigrationInterface, QueryRunner } from 'typeorm';

/** Photos of supervision findings (整改前的现场照片), stored on @campus/files' store; scoped like their finding. */
export class SupervisionPhotos1764600000011 implements MigrationInterface {
  name = 'SupervisionPhotos1764600000011';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE supervision_photo (
        id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        finding_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
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
        KEY ix_supervision_photo_finding (finding_id, created_at),
        KEY ix_supervision_photo_path (org_path)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE supervision_photo');
  }
}
