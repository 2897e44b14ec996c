import { MigrationInterface, QueryRunner } from 'typeorm';

const ID = 'CHAR(32) CHARACTER SET ascii COLLATE ascii_bin';

/** Buildings' 消防验收 records and their history (fire-acceptance/fire-acceptance.entity.ts). */
export class FireAcceptance1765000000200 implements MigrationInterface {
  name = 'FireAcceptance1765000000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE fire_acceptance (
        id ${ID} NOT NULL,
        org_unit_id ${ID} NOT NULL,
        org_path VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        place_id ${ID} NOT NULL,
        status VARCHAR(16) NOT NULL,
        document_number VARCHAR(100) NULL,
        accepted_on DATE NULL,
        authority VARCHAR(100) NULL,
        exempt_reason VARCHAR(500) NULL,
        note VARCHAR(500) NULL,
        changed_by_account_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        changed_by_person_id ${ID} NULL,
        version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_fire_acceptance_place (place_id),
        KEY ix_fire_acceptance_org_path (org_path)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE fire_acceptance_change (
        id ${ID} NOT NULL,
        fire_acceptance_id ${ID} NOT NULL,
        version INT NOT NULL,
        status VARCHAR(16) NOT NULL,
        document_number VARCHAR(100) NULL,
        accepted_on DATE NULL,
        authority VARCHAR(100) NULL,
        exempt_reason VARCHAR(500) NULL,
        note VARCHAR(500) NULL,
        changed_by_account_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        changed_by_person_id ${ID} NULL,
        changed_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_fire_acceptance_change_record (fire_acceptance_id, version)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE fire_acceptance_change');
    await queryRunner.query('DROP TABLE fire_acceptance');
  }
}
