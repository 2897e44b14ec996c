import { MigrationInterface, QueryRunner } from 'typeorm';

export class HazardMonthlyCount1764100000002 implements MigrationInterface {
  name = 'HazardMonthlyCount1764100000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE hazard_monthly_count (
        org_unit_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        month CHAR(7) CHARACTER SET ascii NOT NULL,
        org_path VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        registered INT NOT NULL DEFAULT 0,
        major INT NOT NULL DEFAULT 0,
        voided INT NOT NULL DEFAULT 0,
        PRIMARY KEY (org_unit_id, month),
        KEY ix_hazard_monthly_count_path (org_path)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE hazard_monthly_count');
  }
}
