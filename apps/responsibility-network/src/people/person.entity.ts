import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { PersonKind } from './person-kind';

@Entity('person')
@Index('ix_person_org_path', ['orgPath'])
export class PersonEntity {
  @PrimaryColumn({ type: 'char', length: 32, charset: 'ascii', collation: 'ascii_bin' })
  id: string;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  kind: PersonKind;

  @Column({ name: 'org_unit_id', type: 'char', length: 32, charset: 'ascii', collation: 'ascii_bin' })
  orgUnitId: string;

  @Column({ name: 'org_path', type: 'varchar', length: 512, charset: 'ascii', collation: 'ascii_bin' })
  orgPath: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Column({ name: 'employee_no', type: 'varchar', length: 32, nullable: true })
  employeeNo: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  position: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
