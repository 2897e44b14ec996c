import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 应知应会测试合格率 sums passed_month over a subtree's graded quizzes: with passed_month in the scope key the
 * statement reads the index alone instead of fetching every quiz row from the clustered index (600,000 rows
 * at province scale: 1.5–3 s before).
 */
export class QuizFactCoveringIndex1764600000052 implements MigrationInterface {
  name = 'QuizFactCoveringIndex1764600000052';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE education_quiz_fact DROP KEY ix_education_quiz_fact_scope, ADD KEY ix_education_quiz_fact_scope (org_path, graded_month, passed_month)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE education_quiz_fact DROP KEY ix_education_quiz_fact_scope, ADD KEY ix_education_quiz_fact_scope (org_path, graded_month)');
  }
}
