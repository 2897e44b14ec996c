import { ScopedRecord } from '@campus/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** 草稿 (being scored) → 已审核 → 已公示 (objections open until the window closes) → 定稿. */
export enum AppraisalStatus {
  DRAFT = 'DRAFT',
  REVIEWED = 'REVIEWED',
  PUBLISHED = 'PUBLISHED',
  FINAL = 'FINAL',
}

export enum AppraisalStage {
  PROCESS = 'PROCESS',
  YEAR_END = 'YEAR_END',
}

/** One unit's appraisal under a scheme at a stage: its total, grade, veto and rank among the scheme's units. */
@Entity('appraisal')
export class AppraisalEntity extends ScopedRecord {
  @Column({ name: 'scheme_id', type: 'char', length: 32, charset: 'ascii', collation: 'ascii_bin' })
  schemeId: string;

  @Column({ type: 'varchar', length: 16 })
  stage: AppraisalStage;

  @Column({ type: 'varchar', length: 16 })
  status: AppraisalStatus;

  /** Stored as a decimal; mysql2 returns decimals as strings, converted on mapping. */
  @Column({ type: 'decimal', precision: 6, scale: 2 })
  total: string;

  @Column({ type: 'varchar', length: 16 })
  grade: string;

  @Column({ type: 'boolean' })
  vetoed: boolean;

  @Column({ type: 'int', nullable: true })
  rank: number | null;

  @Column({ name: 'as_of', type: 'date' })
  asOf: string;

  @Column({ name: 'computed_at', type: 'datetime', precision: 3 })
  computedAt: Date;

  @Column({ name: 'published_at', type: 'datetime', precision: 3, nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'objection_until', type: 'datetime', precision: 3, nullable: true })
  objectionUntil: Date | null;
}

/** An objection (申诉) of an appraised unit against its published result, and its answer. */
@Entity('appraisal_objection')
export class AppraisalObjectionRow {
  @PrimaryColumn({ type: 'char', length: 32, charset: 'ascii', collation: 'ascii_bin' })
  id: string;

  @Column({ name: 'appraisal_id', type: 'char', length: 32, charset: 'ascii', collation: 'ascii_bin' })
  appraisalId: string;

  @Column({ type: 'varchar', length: 1000 })
  reason: string;

  @Column({ name: 'filed_by', type: 'varchar', length: 128 })
  filedBy: string;

  @Column({ name: 'filed_at', type: 'datetime', precision: 3 })
  filedAt: Date;

  /** OPEN, ACCEPTED (the result reopened for rescoring) or REJECTED. */
  @Column({ type: 'varchar', length: 16 })
  status: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  answer: string | null;

  @Column({ name: 'answered_by', type: 'varchar', length: 128, nullable: true })
  answeredBy: string | null;

  @Column({ name: 'answered_at', type: 'datetime', precision: 3, nullable: true })
  answeredAt: Date | null;
}

/** An indicator's value (automatic) or points given (manual) in one appraisal. */
@Entity('appraisal_value')
export class AppraisalValueRow {
  @PrimaryColumn({ name: 'appraisal_id', type: 'char', length: 32, charset: 'ascii', collation: 'ascii_bin' })
  appraisalId: string;

  @PrimaryColumn({ name: 'indicator_id', type: 'char', length: 32, charset: 'ascii', collation: 'ascii_bin' })
  indicatorId: string;

  @Column({ type: 'double', nullable: true })
  value: number | null;

  @Column({ type: 'double', nullable: true })
  numerator: number | null;

  @Column({ type: 'double', nullable: true })
  denominator: number | null;

  @Column({ type: 'decimal', precision: 6, scale: 2, nullable: true })
  score: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  comment: string | null;

  @Column({ name: 'scored_by', type: 'varchar', length: 128, nullable: true })
  scoredBy: string | null;

  @Column({ name: 'scored_at', type: 'datetime', precision: 3, nullable: true })
  scoredAt: Date | null;
}

/** A veto (一票否决) of an appraisal, with the record that caused it. */
@Entity('appraisal_veto')
export class AppraisalVetoRow {
  @PrimaryColumn({ name: 'appraisal_id', type: 'char', length: 32, charset: 'ascii', collation: 'ascii_bin' })
  appraisalId: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  rule: string;

  @PrimaryColumn({ name: 'evidence_kind', type: 'varchar', length: 32 })
  evidenceKind: string;

  @PrimaryColumn({ name: 'evidence_id', type: 'varchar', length: 64 })
  evidenceId: string;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ name: 'found_at', type: 'datetime', precision: 3 })
  foundAt: Date;
}
