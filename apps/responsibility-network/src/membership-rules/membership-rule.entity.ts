import { ASCII_ID } from '@campus/database';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { PersonKind } from '../people/person-kind';
import { PostKind } from '../posts/post-enums';

export type MembershipTargetKind = 'WORK_GROUP' | 'GRID';

/**
 * One rule of a work group's or grid's membership: everyone active in a unit (and its subunits, if so),
 * optionally of one person kind and holding a post of one kind there, sits in the target in `role`.
 */
@Entity('membership_rule')
export class MembershipRuleEntity {
  @PrimaryColumn(ASCII_ID)
  id: string;

  @Column({ name: 'target_kind', type: 'varchar', length: 16 })
  targetKind: MembershipTargetKind;

  @Column({ name: 'target_id', ...ASCII_ID })
  targetId: string;

  @Column({ type: 'int' })
  position: number;

  /** A WorkGroupRole or a GridRole, by target. */
  @Column({ type: 'varchar', length: 32 })
  role: string;

  @Column({ name: 'org_unit_id', ...ASCII_ID })
  orgUnitId: string;

  @Column({ name: 'org_path', type: 'varchar', length: 512, charset: 'ascii', collation: 'ascii_bin' })
  orgPath: string;

  @Column({ name: 'include_subunits', type: 'boolean' })
  includeSubunits: boolean;

  @Column({ name: 'person_kind', type: 'varchar', length: 16, nullable: true })
  personKind: PersonKind | null;

  @Column({ name: 'post_kind', type: 'varchar', length: 32, nullable: true })
  postKind: PostKind | null;

  @Column({ name: 'created_by_account_id', ...ASCII_ID })
  createdByAccountId: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
