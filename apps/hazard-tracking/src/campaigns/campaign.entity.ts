import { ASCII_ID, ScopedRecord } from '@campus/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { HazardCategory } from '../hazards/hazard-enums';
import { CampaignPhaseKind, CampaignStatus, FocusAreaRole } from './campaign-enums';

/** 专项整治: a time-boxed rectification drive over an org unit's subtree (its scope: org_unit_id, org_path). */
@Entity('campaign')
export class CampaignEntity extends ScopedRecord {
  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** 文号, e.g. 兰现职院发〔2021〕45号. */
  @Column({ name: 'document_number', type: 'varchar', length: 100, nullable: true })
  documentNumber: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn: string;

  @Column({ type: 'varchar', length: 16 })
  status: CampaignStatus;

  @Column({ name: 'created_by_account_id', ...ASCII_ID })
  createdByAccountId: string;

  @Column({ name: 'published_at', type: 'datetime', precision: 3, nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'closed_at', type: 'datetime', precision: 3, nullable: true })
  closedAt: Date | null;
}

/** One phase of a campaign and its deadline; one row per kind. */
@Entity('campaign_phase')
export class CampaignPhaseEntity {
  @PrimaryColumn({ name: 'campaign_id', ...ASCII_ID })
  campaignId: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  kind: CampaignPhaseKind;

  @Column({ type: 'date' })
  deadline: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;
}

/** 整治重点: a numbered focus area, optionally of one hazard category. */
@Entity('campaign_focus_area')
export class CampaignFocusAreaEntity {
  @PrimaryColumn({ name: 'campaign_id', ...ASCII_ID })
  campaignId: string;

  @PrimaryColumn({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  category: HazardCategory | null;
}

/** A lead (牵头部门) or responsible (责任部门) unit of a focus area, in the order the plan names them. */
@Entity('campaign_focus_area_unit')
export class CampaignFocusAreaUnitEntity {
  @PrimaryColumn({ name: 'campaign_id', ...ASCII_ID })
  campaignId: string;

  @PrimaryColumn({ name: 'focus_area_seq', type: 'int' })
  focusAreaSeq: number;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  role: FocusAreaRole;

  @PrimaryColumn({ name: 'org_unit_id', ...ASCII_ID })
  orgUnitId: string;

  @Column({ type: 'int' })
  position: number;
}

/** A day on which the statistics table (隐患问题统计表) is due. */
@Entity('campaign_report_date')
export class CampaignReportDateEntity {
  @PrimaryColumn({ name: 'campaign_id', ...ASCII_ID })
  campaignId: string;

  @PrimaryColumn({ name: 'report_date', type: 'date' })
  reportDate: string;
}

/** A unit expected to report on every report date (fixed with the plan). */
@Entity('campaign_reporting_unit')
export class CampaignReportingUnitEntity {
  @PrimaryColumn({ name: 'campaign_id', ...ASCII_ID })
  campaignId: string;

  @PrimaryColumn({ name: 'org_unit_id', ...ASCII_ID })
  orgUnitId: string;

  @Column({ type: 'int' })
  position: number;
}

/** A unit's report (报送) for one report date; once per unit and date. */
@Entity('campaign_report')
export class CampaignReportEntity {
  @PrimaryColumn(ASCII_ID)
  id: string;

  @Column({ name: 'campaign_id', ...ASCII_ID })
  campaignId: string;

  @Column({ name: 'report_date', type: 'date' })
  reportDate: string;

  @Column({ name: 'org_unit_id', ...ASCII_ID })
  orgUnitId: string;

  @Column({ name: 'org_path', type: 'varchar', length: 512, charset: 'ascii', collation: 'ascii_bin' })
  orgPath: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'submitted_at', type: 'datetime', precision: 3 })
  submittedAt: Date;

  /** Submitted after the report date (Asia/Shanghai); fixed when submitted. */
  @Column({ type: 'boolean' })
  late: boolean;

  @Column({ name: 'submitted_by_account_id', ...ASCII_ID })
  submittedByAccountId: string;

  @Column({ name: 'submitted_by_person_id', ...ASCII_ID, nullable: true })
  submittedByPersonId: string | null;
}

/** The statistics table of one report date, frozen once (unique per campaign and date) and never changed. */
@Entity('campaign_snapshot')
export class CampaignSnapshotEntity {
  @PrimaryColumn(ASCII_ID)
  id: string;

  @Column({ name: 'campaign_id', ...ASCII_ID })
  campaignId: string;

  @Column({ name: 'report_date', type: 'date' })
  reportDate: string;

  /** 00:00 of the report date in the school's time zone: the figures are "截至前一日24时". */
  @Column({ name: 'cutoff_at', type: 'datetime', precision: 3 })
  cutoffAt: Date;

  @Column({ name: 'frozen_at', type: 'datetime', precision: 3 })
  frozenAt: Date;
}

/** One line of a frozen statistics table: a unit and a hazard category. */
@Entity('campaign_snapshot_row')
export class CampaignSnapshotRowEntity {
  @PrimaryColumn({ name: 'snapshot_id', ...ASCII_ID })
  snapshotId: string;

  @PrimaryColumn({ type: 'int' })
  seq: number;

  @Column({ name: 'org_unit_id', ...ASCII_ID })
  orgUnitId: string;

  /** The unit's path, kept current when the unit moves (data scope only; the figures never change). */
  @Column({ name: 'org_path', type: 'varchar', length: 512, charset: 'ascii', collation: 'ascii_bin' })
  orgPath: string;

  /** The unit's name at freeze time. */
  @Column({ name: 'unit_name', type: 'varchar', length: 100, nullable: true })
  unitName: string | null;

  @Column({ type: 'varchar', length: 32 })
  category: HazardCategory;

  @Column({ type: 'int' })
  found: number;

  @Column({ name: 'general_count', type: 'int' })
  general: number;

  @Column({ name: 'major_count', type: 'int' })
  major: number;

  @Column({ type: 'int' })
  rectified: number;

  @Column({ type: 'int' })
  rectifying: number;

  @Column({ type: 'int' })
  overdue: number;
}

export const CAMPAIGN_ENTITY_CLASSES = [
  CampaignEntity,
  CampaignPhaseEntity,
  CampaignFocusAreaEntity,
  CampaignFocusAreaUnitEntity,
  CampaignReportDateEntity,
  CampaignReportingUnitEntity,
  CampaignReportEntity,
  CampaignSnapshotEntity,
  CampaignSnapshotRowEntity,
];
