import { MigrationInterface, QueryRunner } from 'typeorm';

/** The people a unit designates to lead duty (带班领导), one row per unit and person (duty-rosters/duty-leader.entity.ts). */
export class DutyLeaders1764900000200 implements MigrationInterface {
  name = 'DutyLeaders1764900000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE duty_leader (
        id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        org_unit_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        org_path VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        person_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        designated_by_account_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_duty_leader_unit_person (org_unit_id, person_id),
        KEY ix_duty_leader_org_path (org_path)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE duty_leader');
  }
}
