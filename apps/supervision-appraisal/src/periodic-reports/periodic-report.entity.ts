import { ASCII_ID, ScopedRecord } from '@campus/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ReportCadence, ReportSubmissionStatus, ReportTemplateStatus } from './periodic-report-enums';

const PATH_COLUMN = { type: 'varchar', length: 512, charset: 'ascii', collation: 'ascii_bin' } as const;
const EXTERNAL_ID = { type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' } as const;

/**
 * 报送要求: a unit (org_unit_id, org_path: the issuing unit) asks its subordinate units for a report every period
 * of a cadence, due by the rule's day and time. Periods are computed, not stored.
 */
@Entity('periodic_report_template')
export class ReportTemplateEntity extends ScopedRecord {
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 16 })
  cadence: ReportCadence;

  @Column({ type: 'varchar', length: 4000 })
  guidance: string;

  @Column({ name: 'due_offset_periods', type: 'int' })
  dueOffsetPeriods: number;

  @Column({ name: 'due_day', type: 'int' })
  dueDay: number;

  @Column({ name: 'due_minutes', type: 'int' })
  dueMinutes: number;

  /** The first day whose period is asked for (calendar day, Asia/Shanghai). */
  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ type: 'varchar', length: 16 })
  status: ReportTemplateStatus;

  @Column({ name: 'created_by_account_id', type: 'varchar', length: 64 })
  createdByAccountId: string;

  @Column({ name: 'created_by_person_id', ...EXTERNAL_ID, nullable: true })
  createdByPersonId: string | null;

  @Column({ name: 'closed_at', type: 'datetime', precision: 3, nullable: true })
  closedAt: Date | null;
}

/** A unit asked to report: chosen by hand or all direct children of the chosen kinds when the template was made. */
@Entity('periodic_report_target')
export class ReportTargetEntity {
  @PrimaryColumn({ name: 'template_id', ...ASCII_ID })
  templateId: string;

  @PrimaryColumn({ name: 'org_unit_id', ...ASCII_ID })
  orgUnitId: string;

  @Column({ type: 'int' })
  position: number;
}

/**
 * One target unit's report for one period (org_path: the target unit's, who reads it; issuing_path: who
 * reviews it). Resubmitting before review keeps the earlier texts as revisions.
 */
@Entity('periodic_report_submission')
export class ReportSubmissionEntity extends ScopedRecord {
  @Column({ name: 'template_id', ...ASCII_ID })
  templateId: string;

  @Column({ name: 'issuing_path', ...PATH_COLUMN })
  issuingPath: string;

  @Column({ name: 'period_key', type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin' })
  periodKey: string;

  @Column({ type: 'text' })
  content: string;

  @Column({ type: 'varchar', length: 16 })
  status: ReportSubmissionStatus;

  /** 1 for the first submission, +1 for each resubmission. */
  @Column({ type: 'int' })
  revision: number;

  /** Decided by the first submission against the period's due time. */
  @Column({ type: 'boolean' })
  late: boolean;

  @Column({ name: 'first_submitted_at', type: 'datetime', precision: 3 })
  firstSubmittedAt: Date;

  @Column({ name: 'submitted_at', type: 'datetime', precision: 3 })
  submittedAt: Date;

  @Column({ name: 'submitted_by_account_id', type: 'varchar', length: 64 })
  submittedByAccountId: string;

  @Column({ name: 'submitted_by_person_id', ...EXTERNAL_ID, nullable: true })
  submittedByPersonId: string | null;

  @Column({ name: 'reviewed_at', type: 'datetime', precision: 3, nullable: true })
  reviewedAt: Date | null;

  @Column({ name: 'reviewed_by_account_id', type: 'varchar', length: 64, nullable: true })
  reviewedByAccountId: string | null;

  @Column({ name: 'reviewed_by_person_id', ...EXTERNAL_ID, nullable: true })
  reviewedByPersonId: string | null;

  @Column({ name: 'review_comment', type: 'varchar', length: 1000, nullable: true })
  reviewComment: string | null;
}

/** An earlier text of a submission, kept when it was resubmitted. */
@Entity('periodic_report_revision')
export class ReportRevisionEntity {
  @PrimaryColumn({ name: 'submission_id', ...ASCII_ID })
  submissionId: string;

  @PrimaryColumn({ type: 'int' })
  revision: number;

  @Column({ type: 'text' })
  content: string;

  @Column({ name: 'submitted_at', type: 'datetime', precision: 3 })
  submittedAt: Date;

  @Column({ name: 'submitted_by_person_id', ...EXTERNAL_ID, nullable: true })
  submittedByPersonId: string | null;

  /** The review comment it was returned with, if it was. */
  @Column({ name: 'review_comment', type: 'varchar', length: 1000, nullable: true })
  reviewComment: string | null;
}
