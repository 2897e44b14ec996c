import { ASCII_ID } from '@campus/database';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { DutyPosition } from './duty-enums';

/** A gap already announced with a DutyGapFound event, so checking again announces only new ones. */
@Entity('duty_gap_report')
export class DutyGapReportEntity {
  @PrimaryColumn(ASCII_ID)
  id: string;

  @Column({ name: 'roster_id', ...ASCII_ID })
  rosterId: string;

  @Column({ name: 'duty_date', type: 'date' })
  dutyDate: string;

  @Column({ name: 'shift_name', type: 'varchar', length: 20, collation: 'utf8mb4_bin' })
  shiftName: string;

  @Column({ type: 'varchar', length: 16 })
  missing: DutyPosition;

  @CreateDateColumn({ name: 'reported_at', type: 'datetime', precision: 3 })
  reportedAt: Date;
}
