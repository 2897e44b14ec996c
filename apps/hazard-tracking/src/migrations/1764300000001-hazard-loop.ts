import { MigrationInterface, QueryRunner } from 'typeorm';

/** The hazard's closed loop: the 四落实 plan, the append-only step history, acceptance counters. */
export class HazardLoop1764300000001 implements MigrationInterface {
  name = 'HazardLoop1764300000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE hazard
        ADD COLUMN failed_acceptances INT NOT NULL DEFAULT 0,
        ADD COLUMN rectified_by_person_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE hazard_plan (
        hazard_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        responsible_person_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
        measures TEXT NULL,
        deadline DATE NULL,
        contingency_plan TEXT NULL,
        funds DECIMAL(14,2) NULL,
        upward_report_note VARCHAR(1000) NULL,
        reported_upward_at DATETIME(3) NULL,
        interim_measures TEXT NULL,
        submitted_by_account_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        submitted_at DATETIME(3) NOT NULL,
        PRIMARY KEY (hazard_id),
        CONSTRAINT fk_hazard_plan_hazard FOREIGN KEY (hazard_id) REFERENCES hazard (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE hazard_step (
        id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        hazard_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        seq INT NOT NULL,
        action VARCHAR(32) NOT NULL,
        from_status VARCHAR(32) NULL,
        to_status VARCHAR(32) NOT NULL,
        actor_account_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        actor_person_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
        comment TEXT NULL,
        evidence LONGTEXT NOT NULL,
        at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_hazard_step_seq (hazard_id, seq),
        CONSTRAINT fk_hazard_step_hazard FOREIGN KEY (hazard_id) REFERENCES hazard (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE hazard_step');
    await queryRunner.query('DROP TABLE hazard_plan');
    await queryRunner.query('ALTER TABLE hazard DROP COLUMN rectified_by_person_id, DROP COLUMN failed_acceptances');
  }
}
