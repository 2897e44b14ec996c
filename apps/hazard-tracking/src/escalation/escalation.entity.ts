import { ASCII_ID } from '@campus/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Marks a hazard overdue, once (hazard.overdue is recorded with it). */
@Entity('hazard_overdue')
export class HazardOverdueEntity {
  @PrimaryColumn({ name: 'hazard_id', ...ASCII_ID })
  hazardId: string;

  @Column({ type: 'date' })
  deadline: string;

  @Column({ name: 'detected_at', type: 'datetime', precision: 3 })
  detectedAt: Date;
}

/** One escalation tier of an overdue hazard, once per (hazard, tier) (hazard.escalated is recorded with it). */
@Entity('hazard_escalation')
export class HazardEscalationEntity {
  @PrimaryColumn({ name: 'hazard_id', ...ASCII_ID })
  hazardId: string;

  @PrimaryColumn({ type: 'tinyint' })
  tier: number;

  @Column({ name: 'escalated_at', type: 'datetime', precision: 3 })
  escalatedAt: Date;

  @Column({ type: 'date' })
  deadline: string;
}
