import { MigrationInterface, QueryRunner } from 'typeorm';

/** 销号 of a risk point (who approved it, when, why) and the risk point's history of reviews and 销号. */
export class RiskPointStrikeOff1765000000100 implements MigrationInterface {
  name = 'RiskPointStrikeOff1765000000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE risk_point
        ADD COLUMN struck_off_on DATE NULL,
        ADD COLUMN struck_off_reason VARCHAR(1000) NULL,
        ADD COLUMN struck_off_by_account_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
        ADD COLUMN struck_off_by_person_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
        ADD KEY ix_risk_point_unit_active (org_unit_id, active)`);
    await queryRunner.query(`
      CREATE TABLE risk_point_step (
        id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        risk_point_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        action VARCHAR(32) NOT NULL,
        comment VARCHAR(1000) NULL,
        account_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        person_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
        at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        KEY ix_risk_point_step_point (risk_point_id, at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE risk_point_step');
    await queryRunner.query(
      'ALTER TABLE risk_point DROP KEY ix_risk_point_unit_active, DROP COLUMN struck_off_on, DROP COLUMN struck_off_reason, DROP COLUMN struck_off_by_account_id, DROP COLUMN struck_off_by_person_id',
    );
  }
}
