import { MigrationInterface, QueryRunner } from 'typeorm';

export class RiskPoints1764300000002 implements MigrationInterface {
  name = 'RiskPoints1764300000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE risk_point (
        id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        name VARCHAR(200) NOT NULL,
        place_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
        place_text VARCHAR(200) NOT NULL,
        category VARCHAR(32) NOT NULL,
        method VARCHAR(16) NOT NULL,
        factors LONGTEXT NOT NULL,
        score DECIMAL(8,2) NOT NULL,
        level VARCHAR(16) NOT NULL,
        control_measures TEXT NOT NULL,
        controller_person_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
        review_date DATE NOT NULL,
        last_reviewed_at DATETIME(3) NULL,
        active TINYINT(1) NOT NULL DEFAULT 1,
        org_unit_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        org_path VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_risk_point_path_recent (org_path, created_at, id),
        KEY ix_risk_point_review (review_date),
        KEY ix_risk_point_level (level)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE risk_point');
  }
}
