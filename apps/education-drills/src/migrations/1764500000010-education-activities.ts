import { MigrationInterface, QueryRunner } from 'typeorm';

/** 安全教育活动, their audience units and per-person attendance (the basis of coverage). */
export class EducationActivities1764500000010 implements MigrationInterface {
  name = 'EducationActivities1764500000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE education_activity (
        id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        org_unit_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        org_path VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        title VARCHAR(200) NOT NULL,
        kind VARCHAR(32) NOT NULL,
        topics VARCHAR(400) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        audience_kinds VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        starts_at DATETIME(3) NOT NULL,
        ends_at DATETIME(3) NOT NULL,
        place_text VARCHAR(200) NULL,
        lecturer VARCHAR(100) NULL,
        materials VARCHAR(2000) NULL,
        status VARCHAR(16) NOT NULL,
        check_in_code CHAR(8) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        check_in_opens_at DATETIME(3) NOT NULL,
        check_in_closes_at DATETIME(3) NOT NULL,
        cancel_reason VARCHAR(200) NULL,
        version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_education_activity_check_in_code (check_in_code),
        KEY ix_education_activity_path_start (org_path, starts_at),
        KEY ix_education_activity_start (starts_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE education_activity_audience (
        activity_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        org_unit_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        org_path VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        PRIMARY KEY (activity_id, org_unit_id),
        KEY ix_education_activity_audience_path (org_path),
        CONSTRAINT fk_education_activity_audience_activity FOREIGN KEY (activity_id) REFERENCES education_activity (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE education_attendance (
        activity_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        person_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        person_org_unit_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        person_org_path VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        held_at DATETIME(3) NOT NULL,
        method VARCHAR(16) NOT NULL,
        recorded_at DATETIME(3) NOT NULL,
        recorded_by VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        PRIMARY KEY (activity_id, person_id),
        KEY ix_education_attendance_person_held (person_id, held_at, activity_id),
        KEY ix_education_attendance_path_held (person_org_path, held_at),
        CONSTRAINT fk_education_attendance_activity FOREIGN KEY (activity_id) REFERENCES education_activity (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE education_attendance');
    await queryRunner.query('DROP TABLE education_activity_audience');
    await queryRunner.query('DROP TABLE education_activity');
  }
}
