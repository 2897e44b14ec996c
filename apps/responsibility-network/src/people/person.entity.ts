import { ScopedRecord } from '@campus/database';
import { Column, Entity } from 'typeorm';
import { PersonKind } from './person-kind';

@Entity('person')
export class PersonEntity extends ScopedRecord {
  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  kind: PersonKind;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Column({ name: 'employee_no', type: 'varchar', length: 32, nullable: true })
  employeeNo: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  position: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
