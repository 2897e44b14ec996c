import { ASCII_ID, ScopedRecord } from '@campus/database';
import { Column, Entity } from 'typeorm';

/** A person the unit designates to lead duty (带班领导): a school leader or a 中层干部 the unit names. */
@Entity('duty_leader')
export class DutyLeaderEntity extends ScopedRecord {
  @Column({ name: 'person_id', ...ASCII_ID })
  personId: string;

  @Column({ name: 'designated_by_account_id', ...ASCII_ID })
  designatedByAccountId: string;
}
