import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * hazard_monthly keyed month first (a subtree's whole months are one index range per month), and the
 * (org_path, discovered_at) index dropped: the benchmark showed ix_hazard_discovered serves the partial
 * months better and the extra index only cost writes.
 */
export class HazardMonthlyByMonth1764400000051 implements MigrationInterface {
  name = 'HazardMonthlyByMonth1764400000051';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE hazard_monthly DROP PRIMARY KEY, ADD PRIMARY KEY (month, org_path)');
    await queryRunner.query('ALTER TABLE hazard DROP KEY ix_hazard_path_discovered');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE hazard ADD KEY ix_hazard_path_discovered (org_path, discovered_at, status, category, grade, accepted_on_time, closed_at)',
    );
    await queryRunner.query('ALTER TABLE hazard_monthly DROP PRIMARY KEY, ADD PRIMARY KEY (org_path, month)');
  }
}
