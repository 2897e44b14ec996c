import { Role } from '@campus/auth';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('role_grant')
@Index('uq_role_grant', ['accountId', 'role', 'orgUnitId'], { unique: true })
export class RoleGrantEntity {
  @PrimaryColumn({ type: 'char', length: 32, charset: 'ascii', collation: 'ascii_bin' })
  id: string;

  @Column({ name: 'account_id', type: 'char', length: 32, charset: 'ascii', collation: 'ascii_bin' })
  accountId: string;

  @Column({ type: 'varchar', length: 32 })
  role: Role;

  @Column({ name: 'org_unit_id', type: 'char', length: 32, charset: 'ascii', collation: 'ascii_bin' })
  orgUnitId: string;

  @Column({ name: 'granted_by', type: 'char', length: 32, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  grantedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
