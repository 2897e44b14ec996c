import { ASCII_ID, ScopedRecord } from '@campus/database';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { DisputeCategory, DisputePartySide, DisputeRiskLevel, DisputeStatus } from './dispute-enums';

/** A party as stored: a person of the platform (id, name as registered) or an outsider by name. */
export interface StoredDisputeParty {
  personId: string | null;
  name: string;
  side: DisputePartySide;
}

/** 师生矛盾纠纷: one dispute at a unit (org_path decides scope), its parties, risk and status. */
@Entity('dispute')
export class DisputeEntity extends ScopedRecord {
  @Column({ type: 'varchar', length: 24 })
  category: DisputeCategory;

  @Column({ type: 'varchar', length: 1000 })
  cause: string;

  @Column({ type: 'json' })
  parties: StoredDisputeParty[];

  @Column({ name: 'found_on', type: 'date' })
  foundOn: string;

  @Column({ name: 'found_by', type: 'varchar', length: 100 })
  foundBy: string;

  @Column({ name: 'registered_by_account_id', ...ASCII_ID })
  registeredByAccountId: string;

  @Column({ name: 'registered_by_name', type: 'varchar', length: 100, nullable: true })
  registeredByName: string | null;

  @Column({ name: 'risk_level', type: 'varchar', length: 16 })
  riskLevel: DisputeRiskLevel;

  @Column({ type: 'varchar', length: 16 })
  status: DisputeStatus;

  @Column({ name: 'outcome_on', type: 'date', nullable: true })
  outcomeOn: string | null;

  /** How it ended: the resolution, or where it was escalated and why. */
  @Column({ name: 'outcome_note', type: 'varchar', length: 500, nullable: true })
  outcomeNote: string | null;

  @Column({ name: 'escalated_to', type: 'varchar', length: 200, nullable: true })
  escalatedTo: string | null;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn: string | null;

  @Column({ name: 'closing_note', type: 'varchar', length: 500, nullable: true })
  closingNote: string | null;
}

/** A mediation step: appended, never edited. */
@Entity('dispute_mediation')
export class DisputeMediationEntity {
  @PrimaryColumn(ASCII_ID)
  id: string;

  @Column({ name: 'dispute_id', ...ASCII_ID })
  disputeId: string;

  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn: string;

  @Column({ type: 'varchar', length: 100 })
  mediator: string;

  @Column({ type: 'varchar', length: 1000 })
  action: string;

  @Column({ type: 'varchar', length: 500 })
  outcome: string;

  @Column({ name: 'recorded_by_account_id', ...ASCII_ID })
  recordedByAccountId: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
