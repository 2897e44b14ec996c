import { MigrationInterface, QueryRunner } from 'typeorm';

/** 应急演练: drills, the units taking part, and the problems their evaluations found (with the hazards raised from them). */
export class Drills1764500000050 implements MigrationInterface {
  name = 'Drills1764500000050';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE drill (
        id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        title VARCHAR(200) NOT NULL,
        drill_type VARCHAR(32) NOT NULL,
        scenario VARCHAR(500) NOT NULL,
        emergency_plan_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
        place_text VARCHAR(200) NOT NULL,
        planned_date DATE NOT NULL,
        expected_participants INT NOT NULL,
        status VARCHAR(16) NOT NULL,
        actual_participants INT NULL,
        started_at DATETIME(3) NULL,
        ended_at DATETIME(3) NULL,
        evacuation_seconds INT NULL,
        score INT NULL,
        strengths TEXT NULL,
        evaluated_at DATETIME(3) NULL,
        cancel_reason VARCHAR(500) NULL,
        org_unit_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        org_path VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_drill_unit_recent (org_unit_id, created_at, id),
        KEY ix_drill_path_recent (org_path, created_at, id),
        KEY ix_drill_plan (emergency_plan_id),
        KEY ix_drill_type_held (drill_type, status, started_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE drill_unit (
        drill_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        org_unit_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        PRIMARY KEY (drill_id, org_unit_id),
        KEY ix_drill_unit_unit (org_unit_id, drill_id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE drill_problem (
        id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        drill_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        seq INT NOT NULL,
        description VARCHAR(1000) NOT NULL,
        category VARCHAR(32) NOT NULL,
        grade VARCHAR(16) NOT NULL,
        owner_person_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        deadline DATE NOT NULL,
        improvement_action VARCHAR(1000) NOT NULL,
        raised_at DATETIME(3) NULL,
        hazard_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
        hazard_code VARCHAR(64) NULL,
        hazard_status VARCHAR(32) NULL,
        hazard_version INT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY ux_drill_problem_seq (drill_id, seq),
        KEY ix_drill_problem_hazard (hazard_id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE drill_problem');
    await queryRunner.query('DROP TABLE drill_unit');
    await queryRunner.query('DROP TABLE drill');
  }
}
