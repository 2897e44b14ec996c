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
/**
 * The statuses in loop order as an SQL list, for FIELD(status, …): of the steps one transaction records under
 * one version (即查即改: 报告 … 销号), the later in the loop is the newer.
 */
export const HAZARD_STATUS_ORDER_SQL = HAZARD_STATUSES.map((status) => `'${status}'`).join(', ');
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
    /** The hazard's title; optional: events recorded before it was added have none. */
    title: z.string().optional(),
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
    /** The rectification deadline (整改时限) of the plan at the change, null without a plan; optional: older events have none. */
    deadline: calendarDate.nullable().optional(),
  }),
);

/**
 * A 重大隐患 must be reported (the 报告 step, REGISTERED → REPORTED) within this many hours of its discovery;
 * later, or not at all by then, it is reported late (迟报) — a veto fact of the appraisal.
 */
export const MAJOR_HAZARD_REPORT_LIMIT_HOURS = 24;

/** 迟报: a major hazard reported (or still unreported at `reportedAt`, e.g. now) more than the limit after discovery. */
export function isMajorHazardReportLate(discoveredAt: Date, reportedAt: Date): boolean {
  return reportedAt.getTime() - discoveredAt.getTime() > MAJOR_HAZARD_REPORT_LIMIT_HOURS * 3_600_000;
}

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
/** Incident types (事件类型) as IncidentReported names them, and their Chinese names: the appraisal's reasons and sources read them. */
export const INCIDENT_TYPE_LABELS: Record<string, string> = {
  FIRE: '火灾',
  TRAFFIC: '交通事故',
  FOOD_POISONING: '食物中毒',
  INJURY: '意外伤害',
  DROWNING: '溺水',
  VIOLENCE: '校园欺凌/暴力',
  LAB_ACCIDENT: '实验室事故',
  BUILDING: '校舍安全事故',
  EPIDEMIC: '传染病',
  NETWORK: '网络安全事件',
  OTHER: '其他',
};

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

// ---- inspections (日检查、周整改、月汇总): the schedule is the denominator of completion, each check the numerator
export const inspectionCadence = z.enum(['DAILY', 'WEEKLY', 'MONTHLY', 'ONCE']);
/** An inspection task was set up: one check is due per period of its cadence (day, ISO week, month, or once) from startsOn to endsOn. */
export const InspectionTaskScheduled = contract(
  'hazard-tracking',
  'inspection-task.scheduled',
  1,
  z.object({
    id,
    name: z.string(),
    orgUnitId: id,
    orgPath,
    cadence: inspectionCadence,
    startsOn: calendarDate,
    /** Null: open-ended. */
    endsOn: calendarDate.nullable(),
    version: z.number().int().positive(),
    scheduledAt: isoDateTime,
  }),
);
/** An inspection task was stopped: periods ending on or after stoppedOn are no longer due. */
export const InspectionTaskStopped = contract(
  'hazard-tracking',
  'inspection-task.stopped',
  1,
  z.object({ id, orgUnitId: id, orgPath, stoppedOn: calendarDate, version: z.number().int().positive(), stoppedAt: isoDateTime }),
);
/** 巡查任务完成: the check of one period of a task; on time when recorded no later than the period's last day. */
export const InspectionPerformed = contract(
  'hazard-tracking',
  'inspection.performed',
  1,
  z.object({
    id,
    taskId: id,
    taskName: z.string(),
    orgUnitId: id,
    orgPath,
    periodStart: calendarDate,
    /** The day the check was due by (the period's last day). */
    periodEnd: calendarDate,
    performedAt: isoDateTime,
    recordedAt: isoDateTime,
    onTime: z.boolean(),
    /** Failed checklist items, each raised as a hazard. */
    findingsCount: z.number().int().min(0),
  }),
);

// ---- campaigns (专项整治): the reports (隐患问题统计表) units owe on each report date
/** A campaign was issued (印发): every reporting unit owes a report on each report date. */
export const CampaignPublished = contract(
  'hazard-tracking',
  'campaign.published',
  1,
  z.object({
    id,
    title: z.string(),
    orgUnitId: id,
    orgPath,
    reportDates: z.array(calendarDate),
    /** The path is null for a unit not yet in hazard-tracking's org projection. */
    reportingUnits: z.array(z.object({ orgUnitId: id, orgPath: orgPath.nullable() })),
    publishedAt: isoDateTime,
  }),
);
/** A unit's report for one report date; on time when submitted on or before that date. */
export const CampaignReportSubmitted = contract(
  'hazard-tracking',
  'campaign.report-submitted',
  1,
  z.object({
    id,
    campaignId: id,
    campaignTitle: z.string(),
    orgUnitId: id,
    orgPath,
    reportDate: calendarDate,
    submittedAt: isoDateTime,
    onTime: z.boolean(),
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

