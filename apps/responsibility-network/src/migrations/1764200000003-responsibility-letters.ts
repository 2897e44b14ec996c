import { MigrationInterface, QueryRunner } from 'typeorm';

export class ResponsibilityLetters1764200000003 implements MigrationInterface {
  name = 'ResponsibilityLetters1764200000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE responsibility_letter (
        id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        year INT NOT NULL,
        title VARCHAR(200) NOT NULL,
        org_unit_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        org_path VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        issuer_unit_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        issuer_path VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        recipient_person_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        status VARCHAR(16) NOT NULL,
        needs_resigning TINYINT(1) NOT NULL DEFAULT 0,
        issued_at DATETIME(3) NULL,
        signed_at DATETIME(3) NULL,
        signed_by_person_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
        revoked_at DATETIME(3) NULL,
        revoke_reason VARCHAR(500) NULL,
        expired_at DATETIME(3) NULL,
        version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_letter_path_recent (org_path, created_at, id),
        KEY ix_letter_issuer_path (issuer_path),
        KEY ix_letter_issuer_year (issuer_unit_id, year, status),
        KEY ix_letter_recipient_year (org_unit_id, year, status),
        KEY ix_letter_recipient_person (recipient_person_id),
        CONSTRAINT fk_letter_recipient_unit FOREIGN KEY (org_unit_id) REFERENCES org_unit (id),
        CONSTRAINT fk_letter_issuer_unit FOREIGN KEY (issuer_unit_id) REFERENCES org_unit (id),
        CONSTRAINT fk_letter_recipient_person FOREIGN KEY (recipient_person_id) REFERENCES person (id),
        CONSTRAINT fk_letter_signed_by FOREIGN KEY (signed_by_person_id) REFERENCES person (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE responsibility_letter_item (
        id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        letter_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        position INT NOT NULL,
        content VARCHAR(500) NOT NULL,
        weight DECIMAL(6,2) NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_letter_item_position (letter_id, position),
        CONSTRAINT fk_letter_item_letter FOREIGN KEY (letter_id) REFERENCES responsibility_letter (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE responsibility_letter_item');
    await queryRunner.query('DROP TABLE responsibility_letter');
  }
}
