import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { OrgUnitKind } from './org-unit-kind';

@Entity('org_unit')
export class OrgUnitEntity {
  @PrimaryColumn({ type: 'char', length: 32, charset: 'ascii', collation: 'ascii_bin' })
  id: string;

  @Index('uq_org_unit_code', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  kind: OrgUnitKind;

  @Column({ name: 'parent_id', type: 'char', length: 32, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  parentId: string | null;

  /** Materialised path: ids from the root down, "/root/child/". */
  @Column({ type: 'varchar', length: 512, charset: 'ascii', collation: 'ascii_bin' })
  path: string;

  @Column({ type: 'int' })
  depth: number;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
