import { MigrationInterface, QueryRunner } from 'typeorm';

const ID = 'CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL';
const PATH = 'VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL';
const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/** 应知应会: question banks, quizzes with the questions fixed at publishing, their audiences and attempts. */
export class Quizzes1764500000030 implements MigrationInterface {
  name = 'Quizzes1764500000030';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE quiz_bank (
        id ${ID}, org_unit_id ${ID}, org_path ${PATH},
        name VARCHAR(100) NOT NULL,
        topic VARCHAR(20) NOT NULL,
        version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_quiz_bank_path (org_path)
      ) ${TABLE}`);
    await queryRunner.query(`
      CREATE TABLE quiz_bank_question (
        id ${ID}, bank_id ${ID},
        seq INT NOT NULL,
        kind VARCHAR(16) NOT NULL,
        stem VARCHAR(500) NOT NULL,
        options TEXT NOT NULL,
        answer VARCHAR(8) CHARACTER SET ascii NOT NULL,
        explanation VARCHAR(500) NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_quiz_bank_question_seq (bank_id, seq),
        CONSTRAINT fk_quiz_bank_question_bank FOREIGN KEY (bank_id) REFERENCES quiz_bank (id)
      ) ${TABLE}`);
    await queryRunner.query(`
      CREATE TABLE quiz (
        id ${ID}, org_unit_id ${ID}, org_path ${PATH},
        bank_id ${ID},
        title VARCHAR(100) NOT NULL,
        topic VARCHAR(20) NOT NULL,
        question_count INT NOT NULL,
        pass_mark INT NOT NULL,
        time_limit_minutes INT NOT NULL,
        opens_at DATETIME(3) NOT NULL,
        closes_at DATETIME(3) NOT NULL,
        allow_retakes BOOLEAN NOT NULL,
        audience_kinds VARCHAR(64) CHARACTER SET ascii NOT NULL,
        status VARCHAR(16) NOT NULL,
        published_at DATETIME(3) NULL,
        version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_quiz_path (org_path),
        CONSTRAINT fk_quiz_bank FOREIGN KEY (bank_id) REFERENCES quiz_bank (id)
      ) ${TABLE}`);
    await queryRunner.query(`
      CREATE TABLE quiz_audience_unit (
        quiz_id ${ID}, org_unit_id ${ID}, org_path ${PATH},
        PRIMARY KEY (quiz_id, org_unit_id),
        KEY ix_quiz_audience_path (org_path),
        CONSTRAINT fk_quiz_audience_quiz FOREIGN KEY (quiz_id) REFERENCES quiz (id)
      ) ${TABLE}`);
    await queryRunner.query(`
      CREATE TABLE quiz_item (
        quiz_id ${ID},
        seq INT NOT NULL,
        question_id ${ID},
        kind VARCHAR(16) NOT NULL,
        stem VARCHAR(500) NOT NULL,
        options TEXT NOT NULL,
        answer VARCHAR(8) CHARACTER SET ascii NOT NULL,
        explanation VARCHAR(500) NULL,
        PRIMARY KEY (quiz_id, seq),
        CONSTRAINT fk_quiz_item_quiz FOREIGN KEY (quiz_id) REFERENCES quiz (id)
      ) ${TABLE}`);
    await queryRunner.query(`
      CREATE TABLE quiz_attempt (
        id ${ID}, org_unit_id ${ID}, org_path ${PATH},
        quiz_id ${ID},
        person_id ${ID},
        person_kind VARCHAR(32) NOT NULL,
        attempt_no INT NOT NULL,
        started_at DATETIME(3) NOT NULL,
        deadline_at DATETIME(3) NOT NULL,
        submitted_at DATETIME(3) NULL,
        answers TEXT NULL,
        correct_count INT NULL,
        score INT NULL,
        passed BOOLEAN NULL,
        version INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_quiz_attempt_person (quiz_id, person_id, attempt_no),
        KEY ix_quiz_attempt_unit (quiz_id, org_unit_id),
        KEY ix_quiz_attempt_path (org_path),
        CONSTRAINT fk_quiz_attempt_quiz FOREIGN KEY (quiz_id) REFERENCES quiz (id)
      ) ${TABLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['quiz_attempt', 'quiz_item', 'quiz_audience_unit', 'quiz', 'quiz_bank_question', 'quiz_bank']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
