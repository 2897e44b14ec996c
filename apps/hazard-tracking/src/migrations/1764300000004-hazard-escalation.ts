import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Overdue hazards and their tiered escalations. The primary keys make each marker and each tier happen
 * once per hazard, however many scheduler instances run at the same time.
 */
export class HazardEscalation1764300000004 implements MigrationInterface {
  name = 'HazardEscalation1764300000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE hazard_overdue (
        hazard_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        deadline DATE NOT NULL,
        detected_at DATETIME(3) NOT NULL,
        PRIMARY KEY (hazard_id),
        CONSTRAINT fk_hazard_overdue_hazard FOREIGN KEY (hazard_id) REFERENCES hazard (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE hazard_escalation (
        hazard_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        tier TINYINT NOT NULL,
        escalated_at DATETIME(3) NOT NULL,
        deadline DATE NOT NULL,
        PRIMARY KEY (hazard_id, tier),
        CONSTRAINT fk_hazard_escalation_hazard FOREIGN KEY (hazard_id) REFERENCES hazard (id),
        CONSTRAINT ck_hazard_escalation_tier CHECK (tier BETWEEN 1 AND 3)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE hazard_escalation');
    await queryRunner.query('DROP TABLE hazard_overdue');
  }
}
