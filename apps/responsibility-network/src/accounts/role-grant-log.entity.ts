import { Role } from '@campus/auth';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum GrantAction {
  GRANTED = 'GRANTED',
  REVOKED = 'REVOKED',
}

/** Every grant and revocation, with who did it and when. */
@Entity('role_grant_log')
export class RoleGrantLogEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 16 })
  action: GrantAction;

  @Column({ name: 'account_id', type: 'char', length: 32 })
  accountId: string;

  @Column({ type: 'varchar', length: 32 })
  role: Role;

  @Column({ name: 'org_unit_id', type: 'char', length: 32 })
  orgUnitId: string;

  @Column({ name: 'actor_account_id', type: 'char', length: 32, nullable: true })
  actorAccountId: string | null;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;
}
