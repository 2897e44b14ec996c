import { MigrationInterface, QueryRunner } from 'typeorm';

/** Units whose process appraisal a consumed event touched, waiting for the refresh job. */
export class AppraisalRefresh1764600000071 implements MigrationInterface {
  name = 'AppraisalRefresh1764600000071';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE appraisal_refresh (
        scheme_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        org_unit_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        marked_at DATETIME(3) NOT NULL,
        PRIMARY KEY (scheme_id, org_unit_id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE appraisal_refresh');
  }
}
