import { MigrationInterface, QueryRunner } from 'typeorm';

/** Evidence (photos, documents) of hazards and their steps; the files themselves live in the evidence store. */
export class Evidence1764400000020 implements MigrationInterface {
  name = 'Evidence1764400000020';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE hazard_evidence (
        id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        hazard_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        step_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
        kind VARCHAR(16) NOT NULL,
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
        UNIQUE KEY ux_hazard_evidence_storage_key (storage_key),
        KEY ix_hazard_evidence_hazard (hazard_id, created_at, id),
        KEY ix_hazard_evidence_step (step_id),
        KEY ix_hazard_evidence_path (org_path),
        CONSTRAINT fk_hazard_evidence_hazard FOREIGN KEY (hazard_id) REFERENCES hazard (id),
        CONSTRAINT fk_hazard_evidence_step FOREIGN KEY (step_id) REFERENCES hazard_step (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE hazard_evidence');
  }
}
