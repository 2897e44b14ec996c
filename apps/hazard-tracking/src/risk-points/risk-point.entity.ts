import { ScopedRecord } from '@campus/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { HazardCategory } from '../hazards/hazard-enums';
import { RiskLevel, RiskMethod } from './risk-level';

const ASCII_ID = { type: 'char', length: 32, charset: 'ascii', collation: 'ascii_bin' } as const;

/** 风险点: a place or activity with an assessed, controlled risk, reviewed on a date. */
@Entity('risk_point')
export class RiskPointEntity extends ScopedRecord {
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'place_id', type: 'char', length: 32, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  placeId: string | null;

  @Column({ name: 'place_text', type: 'varchar', length: 200 })
  placeText: string;

  @Column({ type: 'varchar', length: 32 })
  category: HazardCategory;

  @Column({ type: 'varchar', length: 16 })
  method: RiskMethod;

  /** The factors as entered: {likelihood, severity} or {likelihood, exposure, consequence}. */
  @Column({ type: 'json' })
  factors: Record<string, number>;

  @Column({ type: 'decimal', precision: 8, scale: 2 })
  score: string;

  @Column({ type: 'varchar', length: 16 })
  level: RiskLevel;

  @Column({ name: 'control_measures', type: 'text' })
  controlMeasures: string;

  @Column({ name: 'controller_person_id', type: 'char', length: 32, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  controllerPersonId: string | null;

  @Column({ name: 'review_date', type: 'date' })
  reviewDate: string;

  @Column({ name: 'last_reviewed_at', type: 'datetime', precision: 3, nullable: true })
  lastReviewedAt: Date | null;

  /** False once struck off (销号): the point leaves the active list but stays readable. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'struck_off_on', type: 'date', nullable: true })
  struckOffOn: string | null;

  @Column({ name: 'struck_off_reason', type: 'varchar', length: 1000, nullable: true })
  struckOffReason: string | null;

  @Column({ name: 'struck_off_by_account_id', ...ASCII_ID, nullable: true })
  struckOffByAccountId: string | null;

  @Column({ name: 'struck_off_by_person_id', ...ASCII_ID, nullable: true })
  struckOffByPersonId: string | null;
}

/** One step of a risk point's history: a review or its 销号, who did it and when. */
@Entity('risk_point_step')
export class RiskPointStepEntity {
  @PrimaryColumn(ASCII_ID)
  id: string;

  @Column({ name: 'risk_point_id', ...ASCII_ID })
  riskPointId: string;

  @Column({ type: 'varchar', length: 32 })
  action: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  comment: string | null;

  @Column({ name: 'account_id', ...ASCII_ID })
  accountId: string;

  @Column({ name: 'person_id', ...ASCII_ID, nullable: true })
  personId: string | null;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;
}
