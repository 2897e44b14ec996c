import { ASCII_ID, ScopedRecord } from '@campus/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { WorkGroupKind, WorkGroupRole } from './work-group-enums';

/** A leading group, task force or supervision group of the owning unit (org_unit_id). */
@Entity('work_group')
export class WorkGroupEntity extends ScopedRecord {
  @Column({ type: 'varchar', length: 32 })
  kind: WorkGroupKind;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** 办公室挂靠单位, e.g. the security office; inside the owning unit's subtree. */
  @Column({ name: 'office_host_unit_id', ...ASCII_ID, nullable: true })
  officeHostUnitId: string | null;

  @Column({ type: 'text', nullable: true })
  responsibilities: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}

@Entity('work_group_member')
export class WorkGroupMemberEntity {
  @PrimaryColumn(ASCII_ID)
  id: string;

  @Column({ name: 'group_id', ...ASCII_ID })
  groupId: string;

  @Column({ name: 'person_id', ...ASCII_ID })
  personId: string;

  @Column({ type: 'varchar', length: 32 })
  role: WorkGroupRole;

  @Column({ type: 'varchar', length: 500, nullable: true })
  duty: string | null;

  @Column({ type: 'int' })
  position: number;

  /** The membership rule that placed the member; null for members named by hand. */
  @Column({ name: 'rule_id', ...ASCII_ID, nullable: true })
  ruleId: string | null;
}
