import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 应急预案修订: every approval of a plan kept as a numbered revision (version label, approver, date, change
 * note); and the plan's review cycle with the day its next review falls due (last approval + cycle).
 */
export class PlanRevisions1764500000040 implements MigrationInterface {
  name = 'PlanRevisions1764500000040';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE emergency_plan ADD COLUMN review_cycle_months INT NOT NULL DEFAULT 12');
    await queryRunner.query('ALTER TABLE emergency_plan ADD COLUMN next_review_due DATE NULL');
    await queryRunner.query('ALTER TABLE emergency_plan ADD KEY ix_emergency_plan_review_due (status, next_review_due)');
    await queryRunner.query(`
      CREATE TABLE emergency_plan_revision (
        id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        plan_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        number INT NOT NULL,
        version_label VARCHAR(32) NOT NULL,
        approved_by_person_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
        approved_by_account_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        approved_at DATETIME(3) NOT NULL,
        change_note VARCHAR(1000) NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY ux_emergency_plan_revision_number (plan_id, number)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE emergency_plan_revision');
    await queryRunner.query('ALTER TABLE emergency_plan DROP KEY ix_emergency_plan_review_due');
    await queryRunner.query('ALTER TABLE emergency_plan DROP COLUMN next_review_due');
    await queryRunner.query('ALTER TABLE emergency_plan DROP COLUMN review_cycle_months');
  }
}
