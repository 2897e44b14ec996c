import { MigrationInterface, QueryRunner } from 'typeorm';

const ID = 'CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL';
const PATH = 'VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL';
const CODE = 'VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL';
const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
const STAMPS = `version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)`;

/** 晨午晚检 per class, their corrections, the sessions a unit checks, and 因病缺课追踪. */
export class HealthChecks1765000000600 implements MigrationInterface {
  name = 'HealthChecks1765000000600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE health_check (
        id ${ID}, org_unit_id ${ID}, org_path ${PATH},
        check_date DATE NOT NULL,
        session ${CODE},
        enrolled INT NOT NULL, present INT NOT NULL, absent_for_illness INT NOT NULL,
        fever INT NOT NULL, cough INT NOT NULL, diarrhoea INT NOT NULL, rash INT NOT NULL, other_symptoms INT NOT NULL,
        notes VARCHAR(500) NULL,
        entered_at DATETIME(3) NOT NULL,
        timeliness ${CODE},
        recorded_by_account_id ${ID},
        recorded_by_name VARCHAR(100) NULL,
        corrected_at DATETIME(3) NULL,
        ${STAMPS},
        PRIMARY KEY (id),
        UNIQUE KEY ux_health_check_slot (org_unit_id, check_date, session),
        KEY ix_health_check_path (org_path, check_date)
      ) ${TABLE}`);
    await queryRunner.query(`
      CREATE TABLE health_check_revision (
        id ${ID}, health_check_id ${ID},
        version INT NOT NULL,
        previous_figures JSON NOT NULL,
        reason VARCHAR(500) NOT NULL,
        corrected_by_account_id ${ID},
        corrected_by_name VARCHAR(100) NULL,
        corrected_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        UNIQUE KEY ux_health_check_revision (health_check_id, version)
      ) ${TABLE}`);
    await queryRunner.query(`
      CREATE TABLE health_check_schedule (
        id ${ID}, org_unit_id ${ID}, org_path ${PATH},
        sessions VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        updated_by_account_id ${ID},
        ${STAMPS},
        PRIMARY KEY (id),
        UNIQUE KEY ux_health_check_schedule_unit (org_unit_id),
        KEY ix_health_check_schedule_path (org_path)
      ) ${TABLE}`);
    await queryRunner.query(`
      CREATE TABLE illness_absence (
        id ${ID}, org_unit_id ${ID}, org_path ${PATH},
        student_id ${ID},
        absent_on DATE NOT NULL,
        symptoms VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        symptom_note VARCHAR(500) NULL,
        parents_contacted_at DATETIME(3) NULL,
        contact_note VARCHAR(500) NULL,
        cause_due_on DATE NOT NULL,
        cause VARCHAR(500) NULL,
        diagnosis VARCHAR(200) NULL,
        infectious_suspected BOOLEAN NOT NULL DEFAULT FALSE,
        cause_found_at DATETIME(3) NULL,
        expected_return_on DATE NULL,
        returned_on DATE NULL,
        status ${CODE},
        entered_at DATETIME(3) NOT NULL,
        recorded_by_account_id ${ID},
        recorded_by_name VARCHAR(100) NULL,
        ${STAMPS},
        PRIMARY KEY (id),
        UNIQUE KEY ux_illness_absence_student_day (student_id, absent_on),
        KEY ix_illness_absence_path (org_path, status, cause_due_on)
      ) ${TABLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['illness_absence', 'health_check_schedule', 'health_check_revision', 'health_check']) await queryRunner.query(`DROP TABLE ${table}`);
  }
}
