import { ASCII_ID, ScopedRecord } from '@campus/database';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * 股室联校包抓: a section of a bureau (the row's org unit, kind OFFICE directly under the bureau) assigned a
 * school of that bureau. While active, people holding a grant at the section read and supervise the school
 * (section-pairing-grants.ts).
 */
@Entity('section_pairing')
export class SectionPairingEntity extends ScopedRecord {
  @Column({ name: 'bureau_id', ...ASCII_ID })
  bureauId: string;

  @Column({ name: 'school_id', ...ASCII_ID })
  schoolId: string;

  @Column({ name: 'lead_person_id', ...ASCII_ID, nullable: true })
  leadPersonId: string | null;

  @Column({ name: 'started_on', type: 'date' })
  startedOn: string;

  @Column({ name: 'ended_on', type: 'date', nullable: true })
  endedOn: string | null;

  @Column({ type: 'varchar', length: 500, default: '' })
  note: string;

  @Column({ name: 'created_by_account_id', ...ASCII_ID })
  createdByAccountId: string;
}

export enum SectionPairingAction {
  CREATED = 'CREATED',
  EDITED = 'EDITED',
  ENDED = 'ENDED',
}

/** Every change to a pairing, with the values it left. */
@Entity('section_pairing_log')
export class SectionPairingLogEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'pairing_id', ...ASCII_ID })
  pairingId: string;

  @Column({ type: 'varchar', length: 16 })
  action: SectionPairingAction;

  @Column({ name: 'actor_account_id', ...ASCII_ID })
  actorAccountId: string;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;

  @Column({ name: 'lead_person_id', ...ASCII_ID, nullable: true })
  leadPersonId: string | null;

  @Column({ name: 'started_on', type: 'date' })
  startedOn: string;

  @Column({ name: 'ended_on', type: 'date', nullable: true })
  endedOn: string | null;

  @Column({ type: 'varchar', length: 500, default: '' })
  note: string;
}
