import { isDuplicateKey, newId } from '@campus/database';
import { BadUserInputError, calendarDateOf, Caller, ConflictError, ForbiddenError } from '@campus/graphql';
import { OrgUnitDirectory, visibleUnitPath } from '@campus/org-directory';
import { clientRequest, lockTransition, oncePerRequest, refusalOf, requireTransition } from '@campus/server';
import { NO_OUTBOX_SIGNAL, OutboxSignal, PeriodicReportSubmitted, recordEvent, transactionWithEvents } from '@campus/events';
import { DataSource, EntityManager } from 'typeorm';
import { ReportSubmissionStatus, ReportTemplateStatus } from './periodic-report-enums';
import {
  REPORT_SUBMISSION_ACCESS,
  REPORT_SUBMISSION_LOCKER,
  REPORT_SUBMISSION_POLICY,
  REPORT_SUBMISSION_TRANSITIONS,
  REPORT_TEMPLATE_ACCESS,
  ReportSubmissionAction,
} from './periodic-report.access';
import { ReportRevisionEntity, ReportSubmissionEntity, ReportTargetEntity, ReportTemplateEntity } from './periodic-report.entity';
import { ResubmitPeriodicReportInput, ReviewPeriodicReportInput, SubmitPeriodicReportInput } from './periodic-report.inputs';
import { PeriodicReportRevision, PeriodicReportSubmission, toReportRevision, toReportSubmission } from './periodic-report.types';
import { dueAt, isLate, periodByKey, periodOf, ReportPeriod, shiftPeriod } from './report-periods';
import { dueRuleOfTemplate } from './report-status';

/** 报送、修改重报、审阅: one submission per target unit and period, its earlier texts kept as revisions. */
export class ReportSubmissionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrgUnitDirectory,
    private readonly now: () => Date,
    private readonly outbox: OutboxSignal = NO_OUTBOX_SIGNAL,
  ) {}

  async get(caller: Caller, id: string): Promise<PeriodicReportSubmission> {
    return toReportSubmission(await REPORT_SUBMISSION_ACCESS.find(this.dataSource.manager, caller, 'view', id));
  }

  /** A submission's earlier texts, oldest first (the caller already reads the submission). */
  async revisions(submissionId: string): Promise<PeriodicReportRevision[]> {
    const rows = await this.dataSource.manager.find(ReportRevisionEntity, { where: { submissionId }, order: { revision: 'ASC' } });
    return rows.map(toReportRevision);
  }

  /**
   * 报送 for a target unit and a period from the template's first through the one after the current; late when
   * after the period's due time. A second submission for the same period is a CONFLICT (DUPLICATE): resubmit instead.
   */
  async submit(caller: Caller, input: SubmitPeriodicReportInput): Promise<PeriodicReportSubmission> {
    const unitPath = await visibleUnitPath(this.directory, caller, input.orgUnitId);
    const outcome = await transactionWithEvents(this.dataSource, this.outbox, oncePerRequest(clientRequest(caller.viewer, 'submitPeriodicReport', input), async (manager) => {
      const template = REPORT_TEMPLATE_ACCESS.visible(caller, input.templateId, await templateForShare(manager, input.templateId));
      if (!REPORT_SUBMISSION_ACCESS.allows(caller, 'SUBMIT', unitPath)) throw new ForbiddenError(refusalOf(REPORT_SUBMISSION_POLICY, 'SUBMIT'));
      if (template.status !== ReportTemplateStatus.ACTIVE) throw new ConflictError('INACTIVE', '报送要求已停止，不能再报送', { templateId: template.id });
      const status = requireTransition(REPORT_SUBMISSION_TRANSITIONS, 'SUBMIT', null, null);
      await this.checkTarget(manager, template, input.orgUnitId);
      const period = this.submittablePeriod(template, input.periodKey);
      const submittedAt = this.now();
      const due = dueAt(template.cadence, period, dueRuleOfTemplate(template));
      const submission = manager.create(ReportSubmissionEntity, {
        id: newId(),
        orgUnitId: input.orgUnitId,
        orgPath: unitPath,
        templateId: template.id,
        issuingPath: template.orgPath,
        periodKey: period.key,
        content: input.content.trim(),
        status,
        revision: 1,
        late: isLate(submittedAt, due),
        firstSubmittedAt: submittedAt,
        submittedAt,
        submittedByAccountId: caller.viewer.accountId,
        submittedByPersonId: caller.viewer.personId,
        reviewedAt: null,
        reviewedByAccountId: null,
        reviewedByPersonId: null,
        reviewComment: null,
      });
      try {
        await manager.save(submission);
      } catch (error) {
        if (isDuplicateKey(error)) throw new ConflictError('DUPLICATE', `该单位已报送 ${period.key} 期，请修改重报`, { templateId: template.id, periodKey: period.key });
        throw error;
      }
      await recordEvent(manager, PeriodicReportSubmitted, submission.id, {
        id: submission.id,
        templateId: template.id,
        cadence: template.cadence,
        periodKey: period.key,
        orgUnitId: submission.orgUnitId,
        orgPath: submission.orgPath,
        issuingUnitId: template.orgUnitId,
        late: submission.late,
        dueAt: due.toISOString(),
        submittedAt: submittedAt.toISOString(),
      });
      return toReportSubmission(submission);
    }));
    return outcome.created ?? this.get(caller, outcome.id);
  }

  /** 修改重报 before review or after a return: the current text becomes a revision, the version and revision go up. */
  resubmit(caller: Caller, input: ResubmitPeriodicReportInput): Promise<PeriodicReportSubmission> {
    return this.step(caller, 'RESUBMIT', input, async (row, manager) => {
      await manager.insert(ReportRevisionEntity, {
        submissionId: row.id,
        revision: row.revision,
        content: row.content,
        submittedAt: row.submittedAt,
        submittedByPersonId: row.submittedByPersonId,
        reviewComment: row.status === ReportSubmissionStatus.RETURNED ? row.reviewComment : null,
      });
      row.content = input.content.trim();
      row.revision += 1;
      row.submittedAt = this.now();
      row.submittedByAccountId = caller.viewer.accountId;
      row.submittedByPersonId = caller.viewer.personId;
      row.reviewedAt = null;
      row.reviewedByAccountId = null;
      row.reviewedByPersonId = null;
      row.reviewComment = null;
    });
  }

  acknowledge(caller: Caller, input: ReviewPeriodicReportInput): Promise<PeriodicReportSubmission> {
    return this.step(caller, 'ACKNOWLEDGE', input, (row) => this.reviewed(caller, row, input.comment?.trim() || null));
  }

  /** 退回修改 with the reviewer's comment (required). */
  returnForRevision(caller: Caller, input: ReviewPeriodicReportInput): Promise<PeriodicReportSubmission> {
    return this.step(caller, 'RETURN', input, (row) => {
      const comment = input.comment?.trim();
      if (!comment) throw new BadUserInputError([{ field: 'comment', message: '退回时须填写审阅意见' }]);
      this.reviewed(caller, row, comment);
    });
  }

  private reviewed(caller: Caller, row: ReportSubmissionEntity, comment: string | null): void {
    row.reviewedAt = this.now();
    row.reviewedByAccountId = caller.viewer.accountId;
    row.reviewedByPersonId = caller.viewer.personId;
    row.reviewComment = comment;
  }

  private step(
    caller: Caller,
    action: ReportSubmissionAction,
    ref: { id: string; version: number },
    apply: (row: ReportSubmissionEntity, manager: EntityManager) => void | Promise<void>,
  ): Promise<PeriodicReportSubmission> {
    return this.dataSource.transaction(async (manager) => {
      const { row, next } = await lockTransition(REPORT_SUBMISSION_LOCKER, manager, caller, REPORT_SUBMISSION_TRANSITIONS, action, ref);
      await apply(row, manager);
      row.status = next;
      await manager.save(row);
      return toReportSubmission(row);
    });
  }

  /** BAD_USER_INPUT unless the unit is one the template asks to report (as campaign reports refuse a non-reporting unit). */
  private async checkTarget(manager: EntityManager, template: ReportTemplateEntity, orgUnitId: string): Promise<void> {
    if (!(await manager.existsBy(ReportTargetEntity, { templateId: template.id, orgUnitId }))) {
      throw new BadUserInputError([{ field: 'orgUnitId', message: '该单位不是本报送要求的报送单位' }]);
    }
  }

  /** The period a key names, if it is of the cadence and from the template's first period through the one after the current. */
  private submittablePeriod(template: ReportTemplateEntity, periodKey: string): ReportPeriod {
    const period = periodByKey(template.cadence, periodKey);
    if (!period) throw new BadUserInputError([{ field: 'periodKey', message: `${periodKey} 不是${template.title}的报送周期编号` }]);
    const first = periodOf(template.cadence, String(template.startsOn).slice(0, 10));
    const next = shiftPeriod(template.cadence, periodOf(template.cadence, calendarDateOf(this.now())), 1);
    if (period.startsOn < first.startsOn || period.startsOn > next.startsOn) {
      throw new ConflictError('OUTSIDE_RANGE', `只能报送 ${first.key} 至 ${next.key} 各期`, { periodKey });
    }
    return period;
  }
}

/** The template, share-locked so a close waits for a submission in progress (MariaDB and MySQL both read LOCK IN SHARE MODE). */
async function templateForShare(manager: EntityManager, templateId: string): Promise<ReportTemplateEntity | null> {
  const locked: unknown[] = await manager.query('SELECT id FROM periodic_report_template WHERE id = ? LOCK IN SHARE MODE', [templateId]);
  return locked.length ? manager.findOneBy(ReportTemplateEntity, { id: templateId }) : null;
}
