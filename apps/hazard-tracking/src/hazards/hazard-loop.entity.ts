import { ASCII_ID } from '@campus/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { HazardAction, HazardStatus } from './hazard-enums';

/** The 四落实 rectification plan of a hazard (one per hazard; replaced until rectification starts). */
@Entity('hazard_plan')
export class HazardPlanEntity {
  @PrimaryColumn({ name: 'hazard_id', ...ASCII_ID })
  hazardId: string;

  @Column({ name: 'responsible_person_id', ...ASCII_ID, nullable: true })
  responsiblePersonId: string | null;

  @Column({ type: 'text', nullable: true })
  measures: string | null;

  @Column({ type: 'date', nullable: true })
  deadline: string | null;

  @Column({ name: 'contingency_plan', type: 'text', nullable: true })
  contingencyPlan: string | null;

  /** Decimal as a string, to keep cents exact. */
  @Column({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  funds: string | null;

  @Column({ name: 'upward_report_note', type: 'varchar', length: 1000, nullable: true })
  upwardReportNote: string | null;

  @Column({ name: 'reported_upward_at', type: 'datetime', precision: 3, nullable: true })
  reportedUpwardAt: Date | null;

  @Column({ name: 'interim_measures', type: 'text', nullable: true })
  interimMeasures: string | null;

  @Column({ name: 'submitted_by_account_id', ...ASCII_ID })
  submittedByAccountId: string;

  @Column({ name: 'submitted_at', type: 'datetime', precision: 3 })
  submittedAt: Date;
}

/** One append-only step of a hazard's closed loop: never updated nor deleted. */
@Entity('hazard_step')
export class HazardStepEntity {
  @PrimaryColumn(ASCII_ID)
  id: string;

  @Column({ name: 'hazard_id', ...ASCII_ID })
  hazardId: string;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 32 })
  action: HazardAction;

  @Column({ name: 'from_status', type: 'varchar', length: 32, nullable: true })
  fromStatus: HazardStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 32 })
  toStatus: HazardStatus;

  @Column({ name: 'actor_account_id', ...ASCII_ID })
  actorAccountId: string;

  @Column({ name: 'actor_person_id', ...ASCII_ID, nullable: true })
  actorPersonId: string | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'simple-json' })
  evidence: string[];

  @Column({ type: 'datetime', precision: 3 })
  at: Date;
}
