import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The last time a consumed event touched each org path. Publishing a scheme computes its process appraisals
 * in one long transaction that cannot see the facts committed meanwhile, and marks of events can only name
 * appraisals once they are committed: after it commits, the publication marks the units whose paths were
 * touched since it began. One row per path, so the table stays as small as the org tree.
 */
export class AppraisalTouchedPaths1764600000073 implements MigrationInterface {
  name = 'AppraisalTouchedPaths1764600000073';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE appraisal_touched_path (
        org_path VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        touched_at DATETIME(3) NOT NULL,
        PRIMARY KEY (org_path),
        KEY ix_appraisal_touched_path_at (touched_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE appraisal_touched_path');
  }
}
