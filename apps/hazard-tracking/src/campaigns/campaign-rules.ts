import { Viewer } from '@campus/auth';
import { calendarDateOf, FieldProblem, schoolDayStart } from '@campus/graphql';
import { CampaignPhaseKind, CampaignReportState, PHASE_LABELS, PHASE_ORDER } from './campaign-enums';
import { CAMPAIGN_ACCESS, CampaignVisibility } from './campaign.access';

/** The dated parts of a campaign plan, as entered (calendar days YYYY-MM-DD). */
export interface CampaignDates {
  startsOn: string;
  endsOn: string;
  phases: readonly { kind: CampaignPhaseKind; deadline: string }[];
  reportDates: readonly string[];
}

/**
 * What is wrong with a plan's dates: the end before the start, a phase twice, a phase deadline or a
 * report date outside the campaign, phase deadlines not increasing in phase order, a report date twice.
 * Fields are named as class-validator names nested inputs ("phases.1.deadline").
 */
export function campaignDateProblems(plan: CampaignDates): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const range = `${plan.startsOn} 至 ${plan.endsOn}`;
  const within = (day: string) => day >= plan.startsOn && day <= plan.endsOn;
  if (plan.endsOn < plan.startsOn) problems.push({ field: 'endsOn', message: '结束日期不能早于开始日期' });

  const seenKinds = new Set<CampaignPhaseKind>();
  plan.phases.forEach((phase, index) => {
    if (seenKinds.has(phase.kind)) {
      problems.push({ field: `phases.${index}.kind`, message: `阶段重复：${PHASE_LABELS[phase.kind]}` });
    }
    seenKinds.add(phase.kind);
    if (!within(phase.deadline)) {
      problems.push({ field: `phases.${index}.deadline`, message: `${PHASE_LABELS[phase.kind]}阶段的截止日期应在专项整治期间内（${range}）` });
    }
  });
  const ordered = plan.phases.map((phase, index) => ({ ...phase, index })).sort((a, b) => phaseRank(a.kind) - phaseRank(b.kind));
  for (let i = 1; i < ordered.length; i++) {
    const [earlier, later] = [ordered[i - 1], ordered[i]];
    if (earlier.kind !== later.kind && later.deadline <= earlier.deadline) {
      problems.push({
        field: `phases.${later.index}.deadline`,
        message: `${PHASE_LABELS[later.kind]}阶段的截止日期应晚于${PHASE_LABELS[earlier.kind]}阶段（${earlier.deadline}）`,
      });
    }
  }

  const seenDays = new Set<string>();
  plan.reportDates.forEach((day, index) => {
    if (seenDays.has(day)) problems.push({ field: `reportDates.${index}`, message: `报送日期重复：${day}` });
    seenDays.add(day);
    if (!within(day)) problems.push({ field: `reportDates.${index}`, message: `报送日期应在专项整治期间内（${range}）` });
  });
  return problems;
}

function phaseRank(kind: CampaignPhaseKind): number {
  return PHASE_ORDER.indexOf(kind);
}

/** Phases in their order (自查自纠 → 整改完善 → 督导检查). */
export function inPhaseOrder<Phase extends { kind: CampaignPhaseKind }>(phases: readonly Phase[]): Phase[] {
  return [...phases].sort((a, b) => phaseRank(a.kind) - phaseRank(b.kind));
}

/** The phase under way on a day: the first whose deadline is not past; null before the start and after the last deadline. */
export function currentPhase(
  startsOn: string,
  phases: readonly { kind: CampaignPhaseKind; deadline: string }[],
  today: string,
): CampaignPhaseKind | null {
  if (today < startsOn) return null;
  return inPhaseOrder(phases).find((phase) => phase.deadline >= today)?.kind ?? null;
}

/**
 * The instant a report date's figures are taken at: 00:00 of that day in the school's time zone,
 * i.e. "截至前一日24时".
 */
export function reportCutoff(reportDate: string): Date {
  return schoolDayStart(reportDate);
}

/** A report is late when it is submitted after its report date (the report date itself is on time). */
export function isLateSubmission(submittedAt: Date, reportDate: string): boolean {
  return calendarDateOf(submittedAt) > reportDate;
}

/** A unit's standing for a report date: submitted (on time or late), or missing once the date has passed, pending before. */
export function reportState(reportDate: string, submission: { late: boolean } | null, today: string): CampaignReportState {
  if (submission) return submission.late ? CampaignReportState.LATE : CampaignReportState.SUBMITTED;
  return reportDate < today ? CampaignReportState.MISSING : CampaignReportState.PENDING;
}

/** rectified ÷ found, or null when nothing was found. */
export function rectificationRate(found: number, rectified: number): number | null {
  return found > 0 ? rectified / found : null;
}

/** Whether the viewer sees the campaign: the rule CAMPAIGN_ACCESS applies (organisers always, units inside its scope once issued). */
export function canSeeCampaign(viewer: Viewer, campaign: CampaignVisibility): boolean {
  return CAMPAIGN_ACCESS.sees({ viewer }, campaign);
}
