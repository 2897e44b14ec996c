import { z } from 'zod';
import { calendarDate, contract, id, isoDateTime, orgPath } from './contract';
import { raisedHazardFacts } from './hazard-tracking';

// ---- education-drills
/** A problem found in a drill's evaluation (演练发现的问题) that needs rectification. */
export const DrillProblemFound = contract(
  'education-drills',
  'drill.problem-found',
  1,
  z.object({ id, drillId: id, drillTitle: z.string(), foundAt: isoDateTime, ...raisedHazardFacts }),
);

/** A safety education activity (安全教育活动) took place. */
export const EducationActivityHeld = contract(
  'education-drills',
  'education.activity-held',
  1,
  z.object({ id, orgUnitId: id, orgPath, kind: z.string(), topics: z.array(z.string()), startsAt: isoDateTime, endsAt: isoDateTime.nullable() }),
);

/** Attendance recorded for an activity, in bulk (an imported sheet, check-ins, or the organiser's marks): ids only, up to 1,000 a message. */
export const AttendanceRecorded = contract(
  'education-drills',
  'education.attendance-recorded',
  1,
  z.object({
    activityId: id,
    orgUnitId: id,
    orgPath,
    topics: z.array(z.string()),
    heldAt: isoDateTime,
    method: z.enum(['IMPORT', 'CHECK_IN', 'MARKED']),
    // At most 1,000 a message (a big sign-in sheet is several events): each stays under Kafka's 1 MB default.
    attendees: z.array(z.object({ personId: id, orgUnitId: id, orgPath })).max(1_000),
  }),
);

/** An emergency drill (应急演练) was held. */
export const DrillHeld = contract(
  'education-drills',
  'drill.held',
  1,
  z.object({
    id,
    orgUnitId: id,
    orgPath,
    drillType: z.string(),
    scenario: z.string(),
    startedAt: isoDateTime,
    endedAt: isoDateTime,
    participants: z.number().int().nonnegative(),
    evacuationSeconds: z.number().int().nonnegative().nullable(),
  }),
);

/** A drill's evaluation (演练评估) was recorded. */
export const DrillEvaluated = contract(
  'education-drills',
  'drill.evaluated',
  1,
  z.object({ id, orgUnitId: id, orgPath, score: z.number().min(0).max(100), problems: z.number().int().nonnegative(), evaluatedAt: isoDateTime }),
);

/** A person passed a safety knowledge quiz (应知应会测试). */
export const QuizPassed = contract(
  'education-drills',
  'quiz.passed',
  1,
  z.object({ quizId: id, attemptId: id, personId: id, orgUnitId: id, orgPath, topic: z.string(), score: z.number(), passedAt: isoDateTime }),
);

/**
 * A quiz attempt was submitted and graded (passed or not): the denominator of a quiz pass rate (QuizPassed
 * is still published for each pass). No names.
 */
export const QuizAttemptGraded = contract(
  'education-drills',
  'quiz.attempt-graded',
  1,
  z.object({
    quizId: id,
    attemptId: id,
    personId: id,
    orgUnitId: id,
    orgPath,
    topic: z.string(),
    score: z.number(),
    passed: z.boolean(),
    gradedAt: isoDateTime,
  }),
);

/**
 * A home-school notice (家校告知) was sent: how many recipients (students whose guardians are to acknowledge)
 * each unit has, the denominator of an acknowledgement rate. No names; at most 1,000 units a message (a
 * notice to more units is several events of the same notice, each unit in one of them).
 */
export const NoticeSent = contract(
  'education-drills',
  'notice.sent',
  1,
  z.object({
    noticeId: id,
    orgUnitId: id,
    orgPath,
    title: z.string(),
    deadline: calendarDate,
    sentAt: isoDateTime,
    units: z.array(z.object({ orgUnitId: id, orgPath, recipients: z.number().int().positive() })).min(1).max(1_000),
  }),
);

/** A guardian acknowledged a home-school notice (家校告知), by link or on a returned paper slip: no names. */
export const NoticeAcknowledged = contract(
  'education-drills',
  'notice.acknowledged',
  1,
  z.object({ noticeId: id, recipientId: id, orgUnitId: id, orgPath, method: z.enum(['LINK', 'PAPER']), acknowledgedAt: isoDateTime }),
);

