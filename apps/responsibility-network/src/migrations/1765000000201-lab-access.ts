import { MigrationInterface, QueryRunner } from 'typeorm';

const ID = 'CHAR(32) CHARACTER SET ascii COLLATE ascii_bin';
const ACCOUNT_ID = 'VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin';
const PATH = 'VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin';
const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Lab access (实验室准入, lab-access/): requirements per lab, admissions, refused attempts, and the education
 * facts (latest attendance per topic, latest quiz pass per topic) kept from education-drills' events.
 */
export class LabAccess1765000000201 implements MigrationInterface {
  name = 'LabAccess1765000000201';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE lab_requirements (
        id ${ID} NOT NULL, org_unit_id ${ID} NOT NULL, org_path ${PATH} NOT NULL,
        place_id ${ID} NOT NULL,
        items JSON NOT NULL,
        changed_by_account_id ${ACCOUNT_ID} NOT NULL,
        version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_lab_requirements_place (place_id),
        KEY ix_lab_requirements_org_path (org_path)
      ) ${TABLE}`);
    await queryRunner.query(`
      CREATE TABLE lab_access (
        id ${ID} NOT NULL, org_unit_id ${ID} NOT NULL, org_path ${PATH} NOT NULL,
        place_id ${ID} NOT NULL,
        person_id ${ID} NOT NULL,
        status VARCHAR(16) NOT NULL,
        admitted_at DATETIME(3) NOT NULL,
        admitted_by_account_id ${ACCOUNT_ID} NOT NULL,
        admitted_by_person_id ${ID} NULL,
        expires_at DATETIME(3) NOT NULL,
        revoked_at DATETIME(3) NULL,
        revoked_by_person_id ${ID} NULL,
        revoke_reason VARCHAR(500) NULL,
        version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_lab_access_place (place_id, admitted_at),
        KEY ix_lab_access_person (person_id, place_id),
        KEY ix_lab_access_org_path (org_path)
      ) ${TABLE}`);
    await queryRunner.query(`
      CREATE TABLE lab_access_refusal (
        id ${ID} NOT NULL,
        place_id ${ID} NOT NULL,
        org_path ${PATH} NOT NULL,
        person_id ${ID} NOT NULL,
        attempted_at DATETIME(3) NOT NULL,
        attempted_by_account_id ${ACCOUNT_ID} NOT NULL,
        attempted_by_person_id ${ID} NULL,
        missing JSON NOT NULL,
        PRIMARY KEY (id),
        KEY ix_lab_access_refusal_place (place_id, attempted_at),
        KEY ix_lab_access_refusal_org_path (org_path)
      ) ${TABLE}`);
    await queryRunner.query(`
      CREATE TABLE lab_education_fact (
        person_id ${ID} NOT NULL,
        kind VARCHAR(16) NOT NULL,
        topic VARCHAR(100) NOT NULL,
        last_at DATETIME(3) NOT NULL,
        PRIMARY KEY (person_id, kind, topic)
      ) ${TABLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['lab_education_fact', 'lab_access_refusal', 'lab_access', 'lab_requirements']) await queryRunner.query(`DROP TABLE ${table}`);
  }
}
