import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1764000000000 implements MigrationInterface {
  name = 'Initial1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE appraisal_scheme (
        id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        name VARCHAR(200) NOT NULL,
        year INT NOT NULL,
        period VARCHAR(16) NOT NULL,
        status VARCHAR(16) NOT NULL,
        org_unit_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        org_path VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_scheme_unit_recent (org_unit_id, created_at, id),
        KEY ix_scheme_path_recent (org_path, created_at, id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE appraisal_indicator (
        id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        scheme_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        position INT NOT NULL,
        name VARCHAR(100) NOT NULL,
        weight DECIMAL(5,2) NOT NULL,
        kind VARCHAR(16) NOT NULL,
        metric VARCHAR(32) NULL,
        description VARCHAR(500) NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_indicator_position (scheme_id, position),
        CONSTRAINT fk_indicator_scheme FOREIGN KEY (scheme_id) REFERENCES appraisal_scheme (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE appraisal_indicator');
    await queryRunner.query('DROP TABLE appraisal_scheme');
  }
}
