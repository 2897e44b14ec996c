import { ASCII_ID, ScopedRecord, scopedFieldsFromRow } from '@campus/database';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { FindingCategory, FindingHazardStatus, FindingSeverity, SupervisionStatus } from './supervision-enums';

/** 督导检查: planned by its organiser unit (org_unit_id, a bureau or a school), carried out by a 督导组. */
@Entity('supervision')
export class SupervisionEntity extends ScopedRecord {
  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** responsibility-network's WorkGroup (kind 督导组), checked against its work-group.changed events. */
  @Column({ name: 'supervision_group_id', ...ASCII_ID })
  supervisionGroupId: string;

  /** hazard-tracking's Campaign (专项整治) the inspection is a phase of, by reference. */
  @Column({ name: 'campaign_id', ...ASCII_ID, nullable: true })
  campaignId: string | null;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn: string;

  @Column({ name: 'focus_areas', type: 'simple-json' })
  focusAreas: string[];

  @Column({ type: 'simple-json' })
  checklist: string[];

  @Column({ type: 'varchar', length: 16 })
  status: SupervisionStatus;

  /** 督查意见: the report's overall conclusion. */
  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Column({ name: 'started_at', type: 'datetime', precision: 3, nullable: true })
  startedAt: Date | null;

  @Column({ name: 'reported_at', type: 'datetime', precision: 3, nullable: true })
  reportedAt: Date | null;

  @Column({ name: 'closed_at', type: 'datetime', precision: 3, nullable: true })
  closedAt: Date | null;

  @Column({ name: 'cancel_reason', type: 'varchar', length: 500, nullable: true })
  cancelReason: string | null;
}

/** A unit an inspection inspects, with its path: its people see the inspection and their own findings. */
@Entity('supervision_unit')
export class SupervisionUnitEntity {
  @PrimaryColumn({ name: 'supervision_id', ...ASCII_ID })
  supervisionId: string;

  @PrimaryColumn({ name: 'org_unit_id', ...ASCII_ID })
  orgUnitId: string;

  @Column({ name: 'org_path', type: 'varchar', length: 512, charset: 'ascii', collation: 'ascii_bin' })
  orgPath: string;
}

/** A problem an inspection found in one inspected unit (org_unit_id, org_path), with the deadline set for it. */
@Entity('supervision_finding')
export class SupervisionFindingEntity {
  @PrimaryColumn(ASCII_ID)
  id: string;

  @Column({ name: 'supervision_id', ...ASCII_ID })
  supervisionId: string;

  @Column({ type: 'int' })
  seq: number;

  @Column({ name: 'org_unit_id', ...ASCII_ID })
  orgUnitId: string;

  @Column({ name: 'org_path', type: 'varchar', length: 512, charset: 'ascii', collation: 'ascii_bin' })
  orgPath: string;

  @Column({ name: 'place_text', type: 'varchar', length: 200 })
  placeText: string;

  @Column({ name: 'place_id', ...ASCII_ID, nullable: true })
  placeId: string | null;

  @Column({ type: 'varchar', length: 32 })
  category: FindingCategory;

  @Column({ type: 'varchar', length: 16 })
  severity: FindingSeverity;

  @Column({ type: 'varchar', length: 2000 })
  description: string;

  @Column({ type: 'date' })
  deadline: string;

  @Column({ name: 'recorded_by_account_id', type: 'varchar', length: 64 })
  recordedByAccountId: string;

  @Column({ name: 'recorded_by_person_id', ...ASCII_ID, nullable: true })
  recordedByPersonId: string | null;

  @Column({ name: 'raised_at', type: 'datetime', precision: 3, nullable: true })
  raisedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}

export function findingFromRow(row: Record<string, unknown>): SupervisionFindingEntity {
  const { id, orgUnitId, orgPath, createdAt, updatedAt } = scopedFieldsFromRow(row);
  return Object.assign(new SupervisionFindingEntity(), {
    id,
    orgUnitId,
    orgPath,
    createdAt,
    updatedAt,
    supervisionId: row.supervision_id,
    seq: Number(row.seq),
    placeText: row.place_text,
    placeId: row.place_id,
    category: row.category,
    severity: row.severity,
    description: row.description,
    deadline: row.deadline,
    recordedByAccountId: row.recorded_by_account_id,
    recordedByPersonId: row.recorded_by_person_id,
    raisedAt: row.raised_at,
  });
}

/** The hazard a finding became, kept from hazard-tracking's events; a row may precede its registration (finding_id still null). */
@Entity('supervision_hazard')
export class SupervisionHazardEntity {
  @PrimaryColumn({ name: 'hazard_id', ...ASCII_ID })
  hazardId: string;

  @Column({ name: 'finding_id', ...ASCII_ID, nullable: true })
  findingId: string | null;

  @Column({ name: 'org_unit_id', ...ASCII_ID })
  orgUnitId: string;

  @Column({ name: 'hazard_code', type: 'varchar', length: 64, nullable: true })
  hazardCode: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  status: FindingHazardStatus | null;

  @Column({ name: 'hazard_version', type: 'int', nullable: true })
  hazardVersion: number | null;

  @Column({ type: 'boolean' })
  overdue: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}

/** responsibility-network's work groups as its work-group.changed events describe them (the latest version). */
@Entity('supervision_work_group')
export class SupervisionWorkGroupEntity {
  @PrimaryColumn(ASCII_ID)
  id: string;

  @Column({ type: 'varchar', length: 32 })
  kind: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'boolean' })
  active: boolean;

  @Column({ name: 'group_version', type: 'int' })
  groupVersion: number;

  @Column({ name: 'org_unit_id', ...ASCII_ID })
  orgUnitId: string;

  @Column({ name: 'org_path', type: 'varchar', length: 512, charset: 'ascii', collation: 'ascii_bin' })
  orgPath: string;
}
