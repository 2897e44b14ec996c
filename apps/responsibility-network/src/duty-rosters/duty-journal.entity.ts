import { ASCII_ID } from '@campus/database';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { DutyLogCategory } from './duty-enums';

/** 交接班记录: what one shift hands over to the next. Never edited. */
@Entity('duty_handover_note')
export class DutyHandoverNoteEntity {
  @PrimaryColumn(ASCII_ID)
  id: string;

  @Column({ name: 'roster_id', ...ASCII_ID })
  rosterId: string;

  @Column({ name: 'duty_date', type: 'date' })
  dutyDate: string;

  @Column({ name: 'shift_name', type: 'varchar', length: 20, collation: 'utf8mb4_bin' })
  shiftName: string;

  @Column({ type: 'text' })
  note: string;

  @Column({ name: 'written_by_account_id', ...ASCII_ID })
  writtenByAccountId: string;

  @Column({ name: 'written_by_person_id', ...ASCII_ID, nullable: true })
  writtenByPersonId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}

/** 值班日志: one thing that happened during duty. Never edited. */
@Entity('duty_log_entry')
export class DutyLogEntryEntity {
  @PrimaryColumn(ASCII_ID)
  id: string;

  @Column({ name: 'roster_id', ...ASCII_ID })
  rosterId: string;

  @Column({ name: 'occurred_at', type: 'datetime', precision: 3 })
  occurredAt: Date;

  @Column({ type: 'varchar', length: 16 })
  category: DutyLogCategory;

  @Column({ type: 'text' })
  content: string;

  /** The shift running when it happened, if any. */
  @Column({ name: 'duty_date', type: 'date', nullable: true })
  dutyDate: string | null;

  @Column({ name: 'shift_name', type: 'varchar', length: 20, collation: 'utf8mb4_bin', nullable: true })
  shiftName: string | null;

  @Column({ name: 'recorded_by_account_id', ...ASCII_ID })
  recordedByAccountId: string;

  @Column({ name: 'recorded_by_person_id', ...ASCII_ID, nullable: true })
  recordedByPersonId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
