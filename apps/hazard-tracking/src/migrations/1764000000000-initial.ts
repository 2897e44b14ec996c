import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1764000000000 implements MigrationInterface {
  name = 'Initial1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE hazard (
        id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        code VARCHAR(32) NOT NULL,
        title VARCHAR(200) NOT NULL,
        description TEXT NOT NULL,
        category VARCHAR(32) NOT NULL,
        grade VARCHAR(16) NOT NULL,
        source VARCHAR(32) NOT NULL,
        status VARCHAR(32) NOT NULL,
        place_text VARCHAR(200) NOT NULL,
        discovered_at DATETIME(3) NOT NULL,
        discovered_by_person_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
        registered_by_account_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        org_unit_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        org_path VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_hazard_code (code),
        KEY ix_hazard_unit_recent (org_unit_id, created_at, id),
        KEY ix_hazard_path_recent (org_path, created_at, id),
        KEY ix_hazard_status (status)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE hazard_code_sequence (
        year INT NOT NULL,
        last_value INT NOT NULL,
        PRIMARY KEY (year)
      ) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE hazard_code_sequence');
    await queryRunner.query('DROP TABLE hazard');
  }
}
