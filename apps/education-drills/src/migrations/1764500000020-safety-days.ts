import { MigrationInterface, QueryRunner } from 'typeorm';

/** Units' own key safety days, units' plans for an occurrence of a day, and activities linked to one. */
export class SafetyDays1764500000020 implements MigrationInterface {
  name = 'SafetyDays1764500000020';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE safety_day (
        id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        name VARCHAR(100) NOT NULL,
        description VARCHAR(500) NULL,
        start_date DATE NOT NULL,
        end_date DATE NOT NULL,
        annual BOOLEAN NOT NULL,
        org_unit_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        org_path VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_safety_day_path (org_path)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    // day_id: a national day's code (FIRE_SAFETY_DAY) or a safety_day id; occurrence_date: the occurrence's first day.
    await queryRunner.query(`
      CREATE TABLE safety_day_plan (
        id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        day_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        occurrence_date DATE NOT NULL,
        planned_date DATE NOT NULL,
        theme VARCHAR(200) NOT NULL,
        note VARCHAR(1000) NULL,
        org_unit_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        org_path VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        planned_by_account_id VARCHAR(128) NOT NULL,
        version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY ux_safety_day_plan_unit (day_id, occurrence_date, org_unit_id),
        KEY ix_safety_day_plan_path (day_id, occurrence_date, org_path)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE safety_day_activity_link (
        id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        day_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        occurrence_date DATE NOT NULL,
        activity_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        org_unit_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        org_path VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        linked_by_account_id VARCHAR(128) NOT NULL,
        version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY ux_safety_day_link (day_id, occurrence_date, activity_id),
        KEY ix_safety_day_link_path (day_id, occurrence_date, org_path)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE safety_day_activity_link');
    await queryRunner.query('DROP TABLE safety_day_plan');
    await queryRunner.query('DROP TABLE safety_day');
  }
}
