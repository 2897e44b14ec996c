import { ASCII_ID, ScopedRecord } from '@campus/database';
import { Column, Entity } from 'typeorm';
import { DutyPeriodKind } from './duty-enums';
import { ShiftTimes } from './duty-time';

@Entity('duty_roster')
export class DutyRosterEntity extends ScopedRecord {
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date' })
  endDate: string;

  @Column({ name: 'period_kind', type: 'varchar', length: 16 })
  periodKind: DutyPeriodKind;

  /** The shifts of every duty day, in the order the roster lists them. */
  @Column({ type: 'json' })
  shifts: ShiftTimes[];

  @Column({ name: 'created_by_account_id', ...ASCII_ID })
  createdByAccountId: string;
}
