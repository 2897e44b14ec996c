import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1764000000000 implements MigrationInterface {
  name = 'Initial1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE emergency_plan (
        id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        title VARCHAR(200) NOT NULL,
        plan_type VARCHAR(32) NOT NULL,
        scenario VARCHAR(100) NULL,
        version_label VARCHAR(32) NOT NULL,
        status VARCHAR(16) NOT NULL,
        review_date DATE NOT NULL,
        approved_at DATETIME(3) NULL,
        org_unit_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        org_path VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_plan_unit_recent (org_unit_id, created_at, id),
        KEY ix_plan_path_recent (org_path, created_at, id),
        KEY ix_plan_review (review_date)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE emergency_plan');
  }
}
