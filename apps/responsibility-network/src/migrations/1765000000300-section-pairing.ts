import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 股室联校包抓: a bureau section (org_unit_id/org_path: the section) paired with a school, and the log of every
 * change to a pairing (section-pairing/section-pairing.entity.ts).
 */
export class SectionPairing1765000000300 implements MigrationInterface {
  name = 'SectionPairing1765000000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE section_pairing (
        id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        org_unit_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        org_path VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        bureau_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        school_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        lead_person_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
        started_on DATE NOT NULL,
        ended_on DATE NULL,
        note VARCHAR(500) NOT NULL DEFAULT '',
        created_by_account_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_section_pairing_org_path (org_path),
        KEY ix_section_pairing_section (org_unit_id, ended_on),
        KEY ix_section_pairing_school (school_id, ended_on),
        KEY ix_section_pairing_bureau (bureau_id, ended_on)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE section_pairing_log (
        id BIGINT NOT NULL AUTO_INCREMENT,
        pairing_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        action VARCHAR(16) NOT NULL,
        actor_account_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        at DATETIME(3) NOT NULL,
        lead_person_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
        started_on DATE NOT NULL,
        ended_on DATE NULL,
        note VARCHAR(500) NOT NULL DEFAULT '',
        PRIMARY KEY (id),
        KEY ix_section_pairing_log_pairing (pairing_id, id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE section_pairing_log');
    await queryRunner.query('DROP TABLE section_pairing');
  }
}
