import { FeatureModule } from '@campus/server';
import { PeriodicReports1765000000400 } from '../migrations/1765000000400-periodic-reports';
import { PeriodicReportAttachments1765000000401 } from '../migrations/1765000000401-periodic-report-attachments';
import type { AppraisalDeps } from '../service';
import { REPORT_SUBMISSION_POLICY, REPORT_TEMPLATE_POLICY } from './periodic-report.access';
import { ReportRevisionEntity, ReportSubmissionEntity, ReportTargetEntity, ReportTemplateEntity } from './periodic-report.entity';
import { PeriodicReportServices, PeriodicReportSubmissionResolver, PeriodicReportTemplateResolver } from './periodic-report.resolver';
import { mountReportAttachmentRoutes, REPORT_ATTACHMENT_POLICY, ReportAttachmentEntity, ReportAttachments, SubmissionAttachmentsResolver } from './report-attachments';
import { ReportStatusService } from './report-status';
import { ReportSubmissionService } from './report-submissions.service';
import { ReportTemplateService } from './report-templates.service';

/** The services on a clock: the real one in the service, a fixed one in tests. */
export function periodicReportServices(deps: AppraisalDeps, now: () => Date = () => new Date()): PeriodicReportServices {
  return {
    templates: new ReportTemplateService(deps.dataSource, deps.directory, now),
    submissions: new ReportSubmissionService(deps.dataSource, deps.directory, now, deps.outbox),
    status: new ReportStatusService(deps.dataSource, deps.directory, now),
    now,
  };
}

/** A module on a given clock (tests); PERIODIC_REPORTS_MODULE runs on the real one. */
export function periodicReportsModule(now?: () => Date): FeatureModule<AppraisalDeps> {
  return {
    name: 'periodic-reports',
    entities: [ReportTemplateEntity, ReportTargetEntity, ReportSubmissionEntity, ReportRevisionEntity, ReportAttachmentEntity],
    migrations: [PeriodicReports1765000000400, PeriodicReportAttachments1765000000401],
    scopedTables: ['periodic_report_template', 'periodic_report_submission', { table: 'periodic_report_submission', column: 'issuing_path' }, 'periodic_report_attachment'],
    policies: [REPORT_TEMPLATE_POLICY, REPORT_SUBMISSION_POLICY, REPORT_ATTACHMENT_POLICY],
    resolvers: (deps) => {
      const services = periodicReportServices(deps, now);
      return [new PeriodicReportTemplateResolver(deps.dataSource, services), new PeriodicReportSubmissionResolver(services), new SubmissionAttachmentsResolver(deps.dataSource)];
    },
    // Attachments share the service's file store with the supervision photos (SUPERVISION_PHOTOS_*), under periodic-reports/.
    routes: (app, deps) => {
      if (deps.photos) mountReportAttachmentRoutes(app, new ReportAttachments(deps.dataSource, deps.photos.createStore(), deps.photos.maxBytes), deps.verifyToken);
    },
  };
}

/**
 * 周安排、月调度、季报告 (seed 002): report templates a unit issues to its subordinate units with a cadence and a
 * due rule; one submission per target unit and period (revisions, review by the issuing unit); per period who
 * submitted, late, missing; per unit what is due. Periods are computed in Asia/Shanghai, never stored.
 */
export const PERIODIC_REPORTS_MODULE: FeatureModule<AppraisalDeps> = periodicReportsModule();
