import { EventHandler, on, QuizAttemptGraded, QuizPassed } from '@campus/events';
import { EntityManager } from 'typeorm';
import { monthOf } from './fact-queries';

interface GradedAttempt {
  quizId: string;
  personId: string;
  orgUnitId: string;
  orgPath: string;
  topic: string;
  score: number;
  gradedAt: string;
  passed: boolean;
  /** 1 for quiz.attempt-graded; 0 for quiz.passed, which repeats a graded attempt's pass. */
  attempts: 0 | 1;
}

/**
 * One row per quiz and person: graded when first graded (its unit and path then), passed when first
 * passed. Either event may come first; a pass implies a graded attempt, so passes published before
 * quiz.attempt-graded existed still count as attempts.
 */
async function recordAttempt(manager: EntityManager, attempt: GradedAttempt): Promise<void> {
  const month = monthOf(attempt.gradedAt);
  const at = new Date(attempt.gradedAt);
  const firstPass = 'VALUES(passed_at) IS NOT NULL AND (passed_at IS NULL OR VALUES(passed_at) < passed_at)';
  const firstGrade = 'VALUES(first_graded_at) < first_graded_at';
  await manager.query(
    `INSERT INTO education_quiz_fact (quiz_id, person_id, org_unit_id, org_path, topic, attempts, best_score, first_graded_at, graded_month, passed_at, passed_month)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON DUPLICATE KEY UPDATE attempts = attempts + VALUES(attempts), best_score = GREATEST(best_score, VALUES(best_score)),
       passed_month = IF(${firstPass}, VALUES(passed_month), passed_month), passed_at = IF(${firstPass}, VALUES(passed_at), passed_at),
       graded_month = IF(${firstGrade}, VALUES(graded_month), graded_month), org_unit_id = IF(${firstGrade}, VALUES(org_unit_id), org_unit_id),
       org_path = IF(${firstGrade}, VALUES(org_path), org_path), first_graded_at = LEAST(first_graded_at, VALUES(first_graded_at))`,
    [
      attempt.quizId,
      attempt.personId,
      attempt.orgUnitId,
      attempt.orgPath,
      attempt.topic.slice(0, 100),
      attempt.attempts,
      attempt.score,
      at,
      month,
      attempt.passed ? at : null,
      attempt.passed ? month : null,
    ],
  );
}

export function quizFactHandlers(): EventHandler<unknown>[] {
  return [
    on(QuizAttemptGraded, (manager, { payload }) => recordAttempt(manager, { ...payload, attempts: 1 })),
    on(QuizPassed, (manager, { payload }) => recordAttempt(manager, { ...payload, gradedAt: payload.passedAt, passed: true, attempts: 0 })),
  ];
}
