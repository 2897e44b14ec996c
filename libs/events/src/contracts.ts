import { ServiceName } from '@campus/config';
import { z, ZodType } from 'zod';

/**
 * Every event type the services exchange, in one place: its name, schema version and payload schema.
 * Producers build payloads of these types; consumers validate what they read against them.
 * A breaking change is a new version; consumers name the versions they understand.
 */
export interface EventContract<P> {
  type: string;
  version: number;
  /** The producing service: the event goes to topic campus.<producer>.events. */
  producer: ServiceName;
  schema: ZodType<P>;
}

export { topicOf } from '@campus/config';
export type { ServiceName } from '@campus/config';

function contract<P>(producer: ServiceName, type: string, version: number, schema: ZodType<P>): EventContract<P> {
  return { producer, type, version, schema };
}

const id = z.string().min(1).max(64);
const orgPath = z.string().regex(/^\/([A-Za-z0-9_-]+\/)+$/, 'org path like /a/b/');
const isoDateTime = z.string().datetime({ offset: true });

// ---- responsibility-network
export const OrgUnitCreated = contract(
  'responsibility-network',
  'org-unit.created',
  1,
  z.object({ id, code: z.string(), name: z.string(), kind: z.string(), parentId: id.nullable(), path: orgPath }),
);
export const OrgUnitRenamed = contract('responsibility-network', 'org-unit.renamed', 1, z.object({ id, name: z.string(), path: orgPath }));
export const OrgUnitMoved = contract(
  'responsibility-network',
  'org-unit.moved',
  1,
  z.object({ id, parentId: id, oldPath: orgPath, newPath: orgPath }),
);
const personFacts = z.object({ id, name: z.string(), kind: z.string(), orgUnitId: id, orgPath, active: z.boolean() });
export const PersonCreated = contract('responsibility-network', 'person.created', 1, personFacts);
export const PersonUpdated = contract('responsibility-network', 'person.updated', 1, personFacts);
export const PersonDeactivated = contract('responsibility-network', 'person.deactivated', 1, z.object({ id, orgUnitId: id, orgPath }));

const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
export const PlaceChanged = contract(
  'responsibility-network',
  'place.changed',
  1,
  z.object({
    id,
    name: z.string(),
    kind: z.string(),
    function: z.string().nullable(),
    keyPlace: z.boolean(),
    parentId: id.nullable(),
    orgUnitId: id,
    orgPath,
    active: z.boolean(),
  }),
);
export const GridAssignmentChanged = contract(
  'responsibility-network',
  'grid.assignment-changed',
  1,
  z.object({
    gridId: id,
    gridName: z.string(),
    orgUnitId: id,
    orgPath,
    personId: id,
    role: z.enum(['LEADER', 'SAFETY_OFFICER']),
    from: calendarDate,
    to: calendarDate.nullable(),
  }),
);
const letterFacts = {
  id,
  year: z.number().int(),
  title: z.string(),
  issuerUnitId: id,
  recipientUnitId: id,
  recipientPath: orgPath,
};
export const LetterIssued = contract('responsibility-network', 'letter.issued', 1, z.object({ ...letterFacts, recipientPersonId: id.nullable() }));
export const LetterSigned = contract(
  'responsibility-network',
  'letter.signed',
  1,
  z.object({ ...letterFacts, signedByPersonId: id, signedAt: isoDateTime }),
);
export const LetterExpired = contract('responsibility-network', 'letter.expired', 1, z.object(letterFacts));
export const LetterRevoked = contract('responsibility-network', 'letter.revoked', 1, z.object({ ...letterFacts, reason: z.string() }));
export const DutyGapFound = contract(
  'responsibility-network',
  'duty.gap-found',
  1,
  z.object({
    rosterId: id,
    orgUnitId: id,
    orgPath,
    date: calendarDate,
    shift: z.string(),
    missing: z.array(z.enum(['LEADER', 'OFFICER'])).min(1),
  }),
);

// ---- hazard-tracking
/** The states of a hazard (hazard-tracking's HazardStatus, spelled out here: a library cannot import an app). */
export const HAZARD_STATUSES = [
  'DISCOVERED',
  'REGISTERED',
  'REPORTED',
  'RECTIFYING',
  'PENDING_ACCEPTANCE',
  'ACCEPTED',
  'CLOSED',
  'ARCHIVED',
  'VOIDED',
] as const;
export type HazardStatusName = (typeof HAZARD_STATUSES)[number];
/** Their Chinese names, as the ledger, the hazard file and a drill problem's hazard show them. */
export const HAZARD_STATUS_LABELS: Record<HazardStatusName, string> = {
  DISCOVERED: '排查(发现)',
  REGISTERED: '登记(评估)',
  REPORTED: '已报告',
  RECTIFYING: '治理(控制)中',
  PENDING_ACCEPTANCE: '待验收',
  ACCEPTED: '已验收',
  CLOSED: '已销号',
  ARCHIVED: '已备案存档',
  VOIDED: '已作废（重复或误报）',
};
const hazardStatus = z.enum(HAZARD_STATUSES);
/**
 * The hazard's version after the change. Always sent; optional so that consumers still read events
 * recorded before it was added.
 */
const hazardVersion = z.number().int().positive().optional();

export const HazardRegistered = contract(
  'hazard-tracking',
  'hazard.registered',
  1,
  z.object({
    id,
    code: z.string(),
    orgUnitId: id,
    orgPath,
    category: z.string(),
    grade: z.enum(['GENERAL', 'MAJOR']),
    source: z.string(),
    status: hazardStatus,
    version: hazardVersion,
    discoveredAt: isoDateTime,
    registeredAt: isoDateTime,
    /** The record that raised it (e.g. DRILL_PROBLEM and its id); optional: events recorded before it was added have none. */
    sourceRefType: z.string().nullable().optional(),
    sourceRefId: id.nullable().optional(),
  }),
);
export const HazardStatusChanged = contract(
  'hazard-tracking',
  'hazard.status-changed',
  1,
  z.object({
    id,
    orgUnitId: id,
    orgPath,
    grade: z.enum(['GENERAL', 'MAJOR']),
    from: hazardStatus,
    to: hazardStatus,
    version: hazardVersion,
    changedAt: isoDateTime,
    reason: z.string().nullable(),
  }),
);

export const HazardOverdue = contract(
  'hazard-tracking',
  'hazard.overdue',
  1,
  z.object({ id, code: z.string(), orgUnitId: id, orgPath, grade: z.enum(['GENERAL', 'MAJOR']), deadline: calendarDate, detectedAt: isoDateTime }),
);
export const HazardEscalated = contract(
  'hazard-tracking',
  'hazard.escalated',
  1,
  z.object({
    id,
    code: z.string(),
    orgUnitId: id,
    orgPath,
    grade: z.enum(['GENERAL', 'MAJOR']),
    deadline: calendarDate,
    /** 1 responsible person, 2 unit leader, 3 safety office with an accountability notice. */
    tier: z.number().int().min(1).max(3),
    notify: z.enum(['RESPONSIBLE_PERSON', 'UNIT_LEADER', 'SAFETY_OFFICE']),
    accountability: z.boolean(),
    escalatedAt: isoDateTime,
  }),
);
export const IncidentReported = contract(
  'hazard-tracking',
  'incident.reported',
  1,
  z.object({
    id,
    orgUnitId: id,
    orgPath,
    type: z.string(),
    severity: z.enum(['GENERAL', 'LARGER', 'MAJOR', 'GRAVE']),
    occurredAt: isoDateTime,
    reportedAt: isoDateTime,
    reportDelayMinutes: z.number().int(),
    deaths: z.number().int().min(0),
    injuries: z.number().int().min(0),
  }),
);

// ---- hazards raised by other services: hazard-tracking registers each as a hazard linked to its source
const hazardGrade = z.enum(['GENERAL', 'MAJOR']);
const raisedHazardFacts = {
  orgUnitId: id,
  orgPath,
  title: z.string().min(2).max(200),
  description: z.string().min(1).max(5000),
  /** A hazard category (FIRE, ELECTRICAL, …); an unknown one is registered as OTHER. */
  category: z.string(),
  grade: hazardGrade,
  placeText: z.string().min(1).max(200),
  placeId: id.nullable(),
  raisedByPersonId: id.nullable(),
};

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

/** A guardian acknowledged a home-school notice (家校告知), by link or on a returned paper slip: no names. */
export const NoticeAcknowledged = contract(
  'education-drills',
  'notice.acknowledged',
  1,
  z.object({ noticeId: id, recipientId: id, orgUnitId: id, orgPath, method: z.enum(['LINK', 'PAPER']), acknowledgedAt: isoDateTime }),
);

// ---- supervision-appraisal
/** A supervision inspection's finding (督导检查发现的问题) handed to the unit to rectify. */
export const SupervisionFindingRaised = contract(
  'supervision-appraisal',
  'supervision.finding-raised',
  1,
  z.object({ id, supervisionId: id, supervisionTitle: z.string(), raisedAt: isoDateTime, ...raisedHazardFacts }),
);

export type PayloadOf<C> = C extends EventContract<infer P> ? P : never;
