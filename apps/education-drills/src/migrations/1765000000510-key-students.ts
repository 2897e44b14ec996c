import { MigrationInterface, QueryRunner } from 'typeorm';

const ID = 'CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL';
const OPTIONAL_ID = 'CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL';
const PATH = 'VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL';
const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/** 重点关注学生台账: the students followed, and their follow-ups. */
export class KeyStudents1765000000510 implements MigrationInterface {
  name = 'KeyStudents1765000000510';

  async up(queryRunner: QueryRunner): Promise<void> {
    // active_student_id (the student while followed, else null): one active entry per student.
    await queryRunner.query(`
      CREATE TABLE key_student (
        id ${ID}, org_unit_id ${ID}, org_path ${PATH},
        student_id ${ID},
        reason_category VARCHAR(24) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        description VARCHAR(1000) NOT NULL,
        responsible_teacher_id ${ID},
        responsible_teacher_name VARCHAR(100) NOT NULL,
        since DATE NOT NULL,
        next_follow_up_date DATE NULL,
        status VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        active_student_id ${OPTIONAL_ID},
        released_on DATE NULL,
        release_reason VARCHAR(500) NULL,
        registered_by_account_id ${ID},
        version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY ux_key_student_active (active_student_id),
        KEY ix_key_student_path (org_path, status),
        KEY ix_key_student_due (status, next_follow_up_date),
        KEY ix_key_student_recent (created_at, id)
      ) ${TABLE}`);
    await queryRunner.query(`
      CREATE TABLE key_student_follow_up (
        id ${ID}, key_student_id ${ID},
        occurred_on DATE NOT NULL,
        performed_by VARCHAR(100) NOT NULL,
        content VARCHAR(1000) NOT NULL,
        next_follow_up_date DATE NULL,
        recorded_by_account_id ${ID},
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_key_student_follow_up (key_student_id, occurred_on)
      ) ${TABLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE key_student_follow_up');
    await queryRunner.query('DROP TABLE key_student');
  }
}
