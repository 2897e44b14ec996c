import { ASCII_ID } from '@campus/database';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** One shift of one day of a roster and its leader on duty (带班领导); the officers are rows of their own. */
@Entity('duty_slot')
export class DutySlotEntity {
  @PrimaryColumn(ASCII_ID)
  id: string;

  @Column({ name: 'roster_id', ...ASCII_ID })
  rosterId: string;

  @Column({ name: 'duty_date', type: 'date' })
  dutyDate: string;

  @Column({ name: 'shift_name', type: 'varchar', length: 20, collation: 'utf8mb4_bin' })
  shiftName: string;

  @Column({ name: 'leader_person_id', ...ASCII_ID, nullable: true })
  leaderPersonId: string | null;

  @Column({ name: 'updated_by_account_id', ...ASCII_ID })
  updatedByAccountId: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}

/** A duty officer (值班人员) on a slot, in the order they were named. */
@Entity('duty_slot_officer')
export class DutySlotOfficerEntity {
  @PrimaryColumn({ name: 'slot_id', ...ASCII_ID })
  slotId: string;

  @PrimaryColumn({ name: 'person_id', ...ASCII_ID })
  personId: string;

  @Column({ type: 'int' })
  position: number;
}
