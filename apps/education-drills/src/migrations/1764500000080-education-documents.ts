import { MigrationInterface, QueryRunner } from 'typeorm';

/** Documents and photos of emergency plan revisions and drills; the files themselves live in the document store. */
export class EducationDocuments1764500000080 implements MigrationInterface {
  name = 'EducationDocuments1764500000080';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE education_document (
        id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        owner_kind VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        owner_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        kind VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        filename VARCHAR(255) NOT NULL,
        content_type VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        size_bytes INT NOT NULL,
        sha256 CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        storage_key VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        note VARCHAR(500) NULL,
        uploaded_by_account_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        uploaded_by_person_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
        org_unit_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        org_path VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY ux_education_document_storage_key (storage_key),
        KEY ix_education_document_owner (owner_kind, owner_id, created_at, id),
        KEY ix_education_document_path (org_path)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE education_document');
  }
}
