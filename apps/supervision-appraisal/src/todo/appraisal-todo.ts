import type { Viewer } from '@campus/auth';
import { calendarDateOf, TodoItem, todoItem, TodoKind, todoSection } from '@campus/graphql';
import { EntityManager } from 'typeorm';
import { ACCOUNTABILITY_MEASURE_LABELS, ACCOUNTABILITY_REASON_LABELS } from '../accountability/accountability-enums';
import { PeriodicReportState, ReportSubmissionStatus } from '../periodic-reports/periodic-report-enums';
import { ReportSubmissionEntity, ReportTemplateEntity } from '../periodic-reports/periodic-report.entity';
import { dutyWindow } from '../periodic-reports/report-status';
import { appraisalsToScore, proposalsToConfirm, reportDutyRows, reportingUnitsOf, supervisionsInProgress } from './appraisal-todo-queries';

/** A period's report not yet due is listed when due within this many days. */
export const REPORT_LOOKAHEAD_DAYS = 7;
const DAY_MS = 24 * 3600 * 1000;

/**
 * supervision-appraisal's section of the viewer's to-do list: appraisals with manual scores to enter (not
 * of their own unit), accountability proposals to confirm, supervision inspections under way, and periodic
 * reports their units owe (overdue, returned, or due within REPORT_LOOKAHEAD_DAYS). Five statements, run together; capped at TODO_SECTION_CAP.
 */
export async function appraisalTodoOf(manager: EntityManager, viewer: Viewer, now = new Date()): Promise<TodoItem[]> {
  const today = calendarDateOf(now);
  const [appraisals, proposals, duties, supervisions] = await Promise.all([
    appraisalsToScore(manager, viewer),
    proposalsToConfirm(manager, viewer),
    reportDutyRows(manager, reportingUnitsOf(viewer)),
    supervisionsInProgress(manager, viewer),
  ]);
  const items: TodoItem[] = [
    ...appraisals
      // A unit does not score itself (the access kit's checkNotOwnUnit rule).
      .filter((row) => !viewer.grants.some((grant) => grant.path.startsWith(row.orgPath)))
      .map((row) =>
        todoItem(
          {
            kind: TodoKind.APPRAISAL_SCORE,
            title: `考核待评分：${row.schemeName}${row.unitName ? `（${row.unitName}）` : ''}`,
            detail: `${Number(row.unscored)} 项人工指标未评分`,
            objectType: 'Appraisal',
            objectId: row.id,
            orgUnitId: row.orgUnitId,
            deadline: null,
          },
          today,
        ),
      ),
    ...proposals.map((row) =>
      todoItem(
        {
          kind: TodoKind.ACCOUNTABILITY_CONFIRM,
          title: `问责建议待确认：${ACCOUNTABILITY_REASON_LABELS[row.reason as keyof typeof ACCOUNTABILITY_REASON_LABELS] ?? row.reason}`,
          detail: ACCOUNTABILITY_MEASURE_LABELS[row.measure as keyof typeof ACCOUNTABILITY_MEASURE_LABELS] ?? row.measure,
          objectType: 'AccountabilityRecord',
          objectId: row.id,
          orgUnitId: row.orgUnitId,
          deadline: null,
        },
        today,
      ),
    ),
    ...supervisions.map((row) =>
      todoItem({ kind: TodoKind.SUPERVISION, title: `督导检查进行中：${row.title}`, detail: '记录发现的问题并提交督导报告', objectType: 'SupervisionInspection', objectId: row.id, orgUnitId: row.orgUnitId, deadline: row.endsOn }, today),
    ),
    ...duties.targets.flatMap(({ template, orgUnitId }) =>
      reportItems(template, orgUnitId, duties.submissions.filter((row) => row.templateId === template.id && row.orgUnitId === orgUnitId), now),
    ),
  ];
  return todoSection(items);
}

/**
 * A unit's open periods of a template, over the same window as ReportStatusService.duties: missing after
 * the due time, returned for revision, or the next one due soon.
 */
export function reportItems(template: ReportTemplateEntity, orgUnitId: string, submissions: ReportSubmissionEntity[], now: Date): TodoItem[] {
  const today = calendarDateOf(now);
  const items: TodoItem[] = [];
  for (const { shown, submission, state } of dutyWindow(template, submissions, now)) {
    const returned = submission?.status === ReportSubmissionStatus.RETURNED;
    const dueSoon = state === PeriodicReportState.PENDING && shown.dueAt.getTime() - now.getTime() <= REPORT_LOOKAHEAD_DAYS * DAY_MS;
    if (state !== PeriodicReportState.MISSING && !returned && !dueSoon) continue;
    items.push(
      todoItem(
        {
          kind: TodoKind.PERIODIC_REPORT,
          title: `${returned ? '定期报告退回待重报' : '定期报告待报送'}：${template.title}（${shown.label}）`,
          objectType: 'PeriodicReportTemplate',
          objectId: template.id,
          orgUnitId,
          deadline: calendarDateOf(shown.dueAt),
        },
        today,
      ),
    );
  }
  return items;
}
