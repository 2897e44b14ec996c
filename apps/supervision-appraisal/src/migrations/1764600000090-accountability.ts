import { MigrationInterface, QueryRunner } from 'typeorm';

const ID = 'CHAR(32) CHARACTER SET ascii COLLATE ascii_bin';
const EXTERNAL_ID = 'VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin';
const PATH = 'VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin';

/**
 * 问责/通报记录 against a unit or a person, issued by a unit above it. (source_kind, source_id) is unique, so an
 * escalation or a veto proposes one record however often its event arrives (NULLs, for records made by
 * hand, do not collide).
 */
export class Accountability1764600000090 implements MigrationInterface {
  name = 'Accountability1764600000090';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE accountability_record (
        id ${ID} NOT NULL,
        org_unit_id ${ID} NOT NULL,
        org_path ${PATH} NOT NULL,
        target_kind VARCHAR(8) NOT NULL,
        person_id ${EXTERNAL_ID} NULL,
        issuing_unit_id ${ID} NOT NULL,
        issuing_path ${PATH} NOT NULL,
        reason VARCHAR(32) NOT NULL,
        measure VARCHAR(32) NOT NULL,
        description VARCHAR(2000) NOT NULL,
        evidence TEXT NOT NULL,
        status VARCHAR(16) NOT NULL,
        source_kind VARCHAR(32) NULL,
        source_id VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NULL,
        issued_by_account_id VARCHAR(64) NULL,
        issued_by_person_id ${EXTERNAL_ID} NULL,
        issued_at DATETIME(3) NOT NULL,
        decided_at DATETIME(3) NULL,
        decided_by_account_id VARCHAR(64) NULL,
        decided_by_person_id ${EXTERNAL_ID} NULL,
        decision_note VARCHAR(1000) NULL,
        revoked_at DATETIME(3) NULL,
        revoked_by_account_id VARCHAR(64) NULL,
        revoke_reason VARCHAR(1000) NULL,
        version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY ux_accountability_record_source (source_kind, source_id),
        KEY ix_accountability_record_path (org_path, issued_at),
        KEY ix_accountability_record_unit (org_unit_id, created_at),
        KEY ix_accountability_record_issuing_path (issuing_path),
        KEY ix_accountability_record_person (person_id, created_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE accountability_record');
  }
}
