import { FeatureModule } from '@campus/server';
import { Quizzes1764500000030 } from '../migrations/1764500000030-quizzes';
import type { EducationDeps } from '../service';
import { QUIZ_ATTEMPT_POLICY, QUIZ_BANK_POLICY, QUIZ_POLICY } from './quiz.access';
import { QuizAttemptResolver, OrgUnitQuizResolver } from './quiz-attempt.resolver';
import { QuizAttemptService } from './quiz-attempt.service';
import { QuizBankResolver } from './quiz-bank.resolver';
import { QuizBankService } from './quiz-bank.service';
import { QUIZ_ENTITIES } from './quiz.entities';
import { QuizResolver } from './quiz.resolver';
import { QuizResultsService } from './quiz-results.service';
import { QuizService } from './quiz.service';

/** 应知应会: question banks, quizzes drawn from them, attempts graded here, pass rates per unit. */
export const QUIZZES_MODULE: FeatureModule<EducationDeps> = {
  name: 'quizzes',
  entities: QUIZ_ENTITIES,
  migrations: [Quizzes1764500000030],
  scopedTables: ['quiz_bank', 'quiz', { table: 'quiz_audience_unit', column: 'org_path' }, 'quiz_attempt'],
  policies: [QUIZ_BANK_POLICY, QUIZ_POLICY, QUIZ_ATTEMPT_POLICY],
  resolvers: ({ dataSource, directory, outbox, settings }) => {
    const quizzes = new QuizService(dataSource, directory, settings);
    const attempts = new QuizAttemptService(dataSource, outbox, settings, quizzes);
    const results = new QuizResultsService(dataSource, quizzes);
    return [new QuizBankResolver(new QuizBankService(dataSource, directory)), new QuizResolver(quizzes, attempts, results), new QuizAttemptResolver(attempts), new OrgUnitQuizResolver(results)];
  },
};
