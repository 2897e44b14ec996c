import { z } from 'zod';
import { calendarDate, contract, id, isoDateTime, orgPath } from './contract';

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
export const hazardGrade = z.enum(['GENERAL', 'MAJOR']);
export const raisedHazardFacts = {
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

