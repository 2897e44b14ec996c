import { ASCII_ID, ScopedRecord } from '@campus/database';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { FireAcceptanceStatus } from './fire-acceptance-status';

/** A building's current 消防验收 record: one per building, in the building's unit and path. */
@Entity('fire_acceptance')
export class FireAcceptanceEntity extends ScopedRecord {
  @Column({ name: 'place_id', ...ASCII_ID })
  placeId: string;

  @Column({ type: 'varchar', length: 16 })
  status: FireAcceptanceStatus;

  @Column({ name: 'document_number', type: 'varchar', length: 100, nullable: true })
  documentNumber: string | null;

  @Column({ name: 'accepted_on', type: 'date', nullable: true })
  acceptedOn: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  authority: string | null;

  @Column({ name: 'exempt_reason', type: 'varchar', length: 500, nullable: true })
  exemptReason: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ name: 'changed_by_account_id', type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  changedByAccountId: string;

  @Column({ name: 'changed_by_person_id', ...ASCII_ID, nullable: true })
  changedByPersonId: string | null;
}

/** One change of a building's record, as it was after the change: the record's history, never rewritten. */
@Entity('fire_acceptance_change')
export class FireAcceptanceChangeEntity {
  @PrimaryColumn(ASCII_ID)
  id: string;

  @Column({ name: 'fire_acceptance_id', ...ASCII_ID })
  fireAcceptanceId: string;

  @Column({ name: 'version' })
  version: number;

  @Column({ type: 'varchar', length: 16 })
  status: FireAcceptanceStatus;

  @Column({ name: 'document_number', type: 'varchar', length: 100, nullable: true })
  documentNumber: string | null;

  @Column({ name: 'accepted_on', type: 'date', nullable: true })
  acceptedOn: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  authority: string | null;

  @Column({ name: 'exempt_reason', type: 'varchar', length: 500, nullable: true })
  exemptReason: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ name: 'changed_by_account_id', type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  changedByAccountId: string;

  @Column({ name: 'changed_by_person_id', ...ASCII_ID, nullable: true })
  changedByPersonId: string | null;

  @CreateDateColumn({ name: 'changed_at', type: 'datetime', precision: 3 })
  changedAt: Date;
}
