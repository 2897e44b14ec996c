import { FeatureModule } from '@campus/server';
import { EducationFacts1764600000050 } from '../migrations/1764600000050-education-facts';
import { AttendanceFactProbeIndex1764600000051 } from '../migrations/1764600000051-attendance-fact-probe-index';
import { QuizFactCoveringIndex1764600000052 } from '../migrations/1764600000052-quiz-fact-covering-index';
import { attendanceFactHandlers } from './attendance-facts';
import { drillFactHandlers } from './drill-facts';
import { letterFactHandlers } from './letter-facts';
import { noticeFactHandlers } from './notice-facts';
import { peopleFactHandlers } from './people-facts';
import { quizFactHandlers } from './quiz-facts';

/**
 * The education- and responsibility-side facts behind the automatic indicators EDUCATION_COVERAGE,
 * DRILLS_HELD, QUIZ_PASS_RATE, NOTICES_ACKNOWLEDGED and LETTERS_SIGNED (see education-metrics.ts), kept
 * from education-drills' and responsibility-network's events only. Nothing here is a GraphQL field: the
 * facts are read through the metrics (appraisalMetric, the appraisal engine), which guard scope themselves.
 */
export const EDUCATION_FACTS_MODULE: FeatureModule = {
  name: 'education-facts',
  migrations: [EducationFacts1764600000050, AttendanceFactProbeIndex1764600000051, QuizFactCoveringIndex1764600000052],
  scopedTables: ['education_person_fact', 'education_attendance_fact', 'education_drill_fact', 'education_quiz_fact', 'education_notice_fact', 'education_letter_fact'],
  eventHandlers: () => [
    ...peopleFactHandlers(),
    ...attendanceFactHandlers(),
    ...drillFactHandlers(),
    ...quizFactHandlers(),
    ...noticeFactHandlers(),
    ...letterFactHandlers(),
  ],
};
