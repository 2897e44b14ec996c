import { ScopedRecord } from '@campus/database';
import { Column, Entity } from 'typeorm';
import { HazardCategory } from '../hazards/hazard-enums';
import { RiskLevel, RiskMethod } from './risk-level';

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

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
