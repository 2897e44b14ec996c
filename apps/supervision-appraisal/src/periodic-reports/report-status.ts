import { BadUserInputError, calendarDateOf, Caller } from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { PeriodicReportState, ReportSubmissionStatus, ReportTemplateStatus } from './periodic-report-enums';
import { REPORT_SUBMISSION_ACCESS } from './periodic-report.access';
import { ReportSubmissionEntity, ReportTemplateEntity } from './periodic-report.entity';
import {
  PeriodicReportCounts,
  PeriodicReportDuties,
  PeriodicReportDuty,
  PeriodicReportUnitStatus,
  ReportPeriodType,
  toReportSubmission,
  toReportTemplate,
} from './periodic-report.types';
import { DueRule, dueAt, periodByKey, periodLabel, periodOf, ReportPeriod, shiftPeriod } from './report-periods';

/** How many past periods a unit's duties look back over. */
export const DUTY_LOOKBACK_PERIODS = 12;

export function dueRuleOfTemplate(template: ReportTemplateEntity): DueRule {
  return { offsetPeriods: template.dueOffsetPeriods, day: template.dueDay, minutes: template.dueMinutes };
}

export function periodType(template: ReportTemplateEntity, period: ReportPeriod): ReportPeriodType {
  return { ...period, label: periodLabel(template.cadence, period), dueAt: dueAt(template.cadence, period, dueRuleOfTemplate(template)) };
}

/** A unit's standing for a period: submitted (on time or late), or missing once the due time has passed, pending before. */
export function reportState(submission: { late: boolean } | null, due: Date, now: Date): PeriodicReportState {
  if (submission) return submission.late ? PeriodicReportState.LATE : PeriodicReportState.SUBMITTED;
  return now.getTime() > due.getTime() ? PeriodicReportState.MISSING : PeriodicReportState.PENDING;
}

/** One period of a unit's duty window, with the unit's submission for it and its standing. */
export interface DutyPeriod {
  shown: ReportPeriodType;
  submission: ReportSubmissionEntity | null;
  state: PeriodicReportState;
}

/**
 * A unit's periods of a template a duty list looks at: the last DUTY_LOOKBACK_PERIODS (not before the
 * template starts) up to the next period, each with the unit's submission and standing.
 */
export function dutyWindow(template: ReportTemplateEntity, submissions: ReportSubmissionEntity[], now: Date): DutyPeriod[] {
  const first = periodOf(template.cadence, String(template.startsOn).slice(0, 10));
  const current = periodOf(template.cadence, calendarDateOf(now));
  let period = shiftPeriod(template.cadence, current, -DUTY_LOOKBACK_PERIODS);
  if (period.startsOn < first.startsOn) period = first;
  const window: DutyPeriod[] = [];
  for (; period.startsOn <= shiftPeriod(template.cadence, current, 1).startsOn; period = shiftPeriod(template.cadence, period, 1)) {
    const shown = periodType(template, period);
    const submission = submissions.find((row) => row.periodKey === period.key) ?? null;
    window.push({ shown, submission, state: reportState(submission, shown.dueAt, now) });
  }
  return window;
}

/** The last day a template asks about: today, or the day it was closed. */
function lastDay(template: ReportTemplateEntity, now: Date): string {
  return template.status === ReportTemplateStatus.CLOSED && template.closedAt ? calendarDateOf(template.closedAt) : calendarDateOf(now);
}

/** The template's periods from the current one (or the one it was closed in) back to its first, newest first, at most `last`. */
export function templatePeriods(template: ReportTemplateEntity, now: Date, last: number): ReportPeriodType[] {
  const first = periodOf(template.cadence, String(template.startsOn).slice(0, 10));
  const periods: ReportPeriodType[] = [];
  for (let period = periodOf(template.cadence, lastDay(template, now)); period.startsOn >= first.startsOn && periods.length < last; period = shiftPeriod(template.cadence, period, -1)) {
    periods.push(periodType(template, period));
  }
  return periods;
}

interface TargetRow {
  template_id: string;
  org_unit_id: string;
  unit_name: string | null;
  unit_path: string | null;
}

/** Per template and period: who submitted, late, missing; per unit: what is due. Bounded SQL through per-request loaders. */
export class ReportStatusService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
    private readonly now: () => Date,
  ) {}

  /**
   * Each target unit's standing for a period. The issuing unit (and above) sees every target; a unit below
   * it sees the targets in its own scope.
   */
  async unitStatus(caller: Caller, template: ReportTemplateEntity, periodKey: string): Promise<PeriodicReportUnitStatus[]> {
    const period = periodByKey(template.cadence, periodKey);
    if (!period) throw new BadUserInputError([{ field: 'periodKey', message: `${periodKey} 不是${template.title}的报送周期编号` }]);
    const [targets, submissions] = await Promise.all([
      caller.loaders.get('PeriodicReportTemplate.targets', () => new DataLoader((ids: readonly string[]) => this.targetRows(ids))).load(template.id),
      caller.loaders
        .get('PeriodicReportTemplate.submissions', () => new DataLoader((keys: readonly string[]) => this.submissionRows(keys)))
        .load(`${template.id}|${period.key}`),
    ]);
    const due = dueAt(template.cadence, period, dueRuleOfTemplate(template));
    const issuerSide = REPORT_SUBMISSION_ACCESS.allows(caller, 'view', template.orgPath);
    const now = this.now();
    return targets
      .filter((target) => issuerSide || (target.unit_path !== null && REPORT_SUBMISSION_ACCESS.allows(caller, 'view', target.unit_path)))
      .map((target) => {
        const submission = submissions.find((row) => row.orgUnitId === target.org_unit_id) ?? null;
        return {
          unitId: target.org_unit_id,
          unitName: target.unit_name,
          orgUnit: { id: target.org_unit_id },
          state: reportState(submission, due, now),
          submission: submission ? toReportSubmission(submission) : null,
        };
      });
  }

  async counts(caller: Caller, template: ReportTemplateEntity, periodKey: string): Promise<PeriodicReportCounts> {
    const units = await this.unitStatus(caller, template, periodKey);
    const count = (state: PeriodicReportState) => units.filter((unit) => unit.state === state).length;
    return {
      expected: units.length,
      submitted: count(PeriodicReportState.SUBMITTED),
      late: count(PeriodicReportState.LATE),
      missing: count(PeriodicReportState.MISSING),
      pending: count(PeriodicReportState.PENDING),
      returned: units.filter((unit) => unit.submission?.status === ReportSubmissionStatus.RETURNED).length,
    };
  }

  /**
   * What a unit must report under the active templates naming it: per template the overdue periods of the last
   * DUTY_LOOKBACK_PERIODS with nothing submitted, the returned ones, and the next period not yet due.
   */
  async duties(caller: Caller, orgUnitId: string): Promise<PeriodicReportDuties> {
    await visibleUnitPath(this.directory, caller, orgUnitId);
    const templates = await this.dataSource
      .getRepository(ReportTemplateEntity)
      .createQueryBuilder('r')
      .innerJoin('periodic_report_target', 't', 't.template_id = r.id AND t.org_unit_id = :orgUnitId', { orgUnitId })
      .where('r.status = :active', { active: ReportTemplateStatus.ACTIVE })
      .orderBy('r.createdAt', 'ASC')
      .limit(100)
      .getMany();
    const submissions = templates.length
      ? await this.dataSource.getRepository(ReportSubmissionEntity).createQueryBuilder('s')
          .where('s.org_unit_id = :orgUnitId AND s.template_id IN (:...templateIds)', { orgUnitId, templateIds: templates.map((row) => row.id) })
          .getMany()
      : [];
    const now = this.now();
    const items = templates.flatMap((template) => this.templateDuties(template, submissions.filter((row) => row.templateId === template.id), now));
    items.sort((a, b) => a.period.dueAt.getTime() - b.period.dueAt.getTime());
    return {
      items,
      pendingCount: items.filter((item) => item.state === PeriodicReportState.PENDING).length,
      overdueCount: items.filter((item) => item.state === PeriodicReportState.MISSING).length,
      returnedCount: items.filter((item) => item.submission?.status === ReportSubmissionStatus.RETURNED).length,
    };
  }

  private templateDuties(template: ReportTemplateEntity, submissions: ReportSubmissionEntity[], now: Date): PeriodicReportDuty[] {
    const duties: PeriodicReportDuty[] = [];
    let nextDueSeen = false;
    for (const { shown, submission, state } of dutyWindow(template, submissions, now)) {
      const nextDue = !nextDueSeen && shown.dueAt.getTime() >= now.getTime();
      if (nextDue) nextDueSeen = true;
      if (state === PeriodicReportState.MISSING || submission?.status === ReportSubmissionStatus.RETURNED || nextDue) {
        duties.push({ template: toReportTemplate(template), period: shown, state, submission: submission ? toReportSubmission(submission) : null });
      }
    }
    return duties;
  }

  /** For each template id: its target units with names and paths (org projection), in order, in one statement. */
  private async targetRows(templateIds: readonly string[]): Promise<TargetRow[][]> {
    const rows: TargetRow[] = await this.dataSource.query(
      `SELECT t.template_id, t.org_unit_id, u.name AS unit_name, u.path AS unit_path
         FROM periodic_report_target t LEFT JOIN org_unit_projection u ON u.id = t.org_unit_id
        WHERE t.template_id IN (${templateIds.map(() => '?').join(', ')})
        ORDER BY t.template_id, t.position`,
      [...templateIds],
    );
    return templateIds.map((id) => rows.filter((row) => row.template_id === id));
  }

  /** For each "templateId|periodKey": its submissions, in one statement. */
  private async submissionRows(keys: readonly string[]): Promise<ReportSubmissionEntity[][]> {
    const pairs = keys.map((key) => key.split('|') as [string, string]);
    const rows = await this.dataSource
      .getRepository(ReportSubmissionEntity)
      .createQueryBuilder('s')
      .where('s.template_id IN (:...templateIds) AND s.period_key IN (:...periodKeys)', {
        templateIds: [...new Set(pairs.map(([id]) => id))],
        periodKeys: [...new Set(pairs.map(([, key]) => key))],
      })
      .getMany();
    return pairs.map(([id, key]) => rows.filter((row) => row.templateId === id && row.periodKey === key));
  }
}
