import { ASCII_ID } from '@campus/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A person of responsibility-network as its events describe them (kind: STAFF, STUDENT, CONTRACTOR). */
@Entity('person_projection')
export class PersonProjectionRow {
  @PrimaryColumn(ASCII_ID)
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  kind: string;

  @Column({ name: 'org_unit_id', ...ASCII_ID })
  orgUnitId: string;

  @Column({ name: 'org_path', type: 'varchar', length: 512, charset: 'ascii', collation: 'ascii_bin' })
  orgPath: string;

  @Column({ type: 'boolean' })
  active: boolean;
}
