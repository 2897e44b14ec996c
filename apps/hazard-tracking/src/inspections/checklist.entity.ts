import { ASCII_ID } from '@campus/database';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { HazardCategory, HazardGrade } from '../hazards/hazard-enums';

/**
 * A checklist of one category: built in (no unit, visible to everyone) or a unit's own (visible within
 * the unit's subtree, and usable by tasks of the unit and the units below it). Items never change; a
 * template is retired and replaced instead, so past inspections keep the items they were checked against.
 */
@Entity('checklist_template')
export class ChecklistTemplateEntity {
  @PrimaryColumn(ASCII_ID)
  id: string;

  @Column({ name: 'org_unit_id', ...ASCII_ID, nullable: true })
  orgUnitId: string | null;

  @Column({ name: 'org_path', type: 'varchar', length: 512, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  orgPath: string | null;

  @Column({ type: 'varchar', length: 32 })
  category: HazardCategory;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'created_by_account_id', ...ASCII_ID, nullable: true })
  createdByAccountId: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}

@Entity('checklist_item')
export class ChecklistItemEntity {
  @PrimaryColumn(ASCII_ID)
  id: string;

  @Column({ name: 'template_id', ...ASCII_ID })
  templateId: string;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 200 })
  text: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  guidance: string | null;

  /** The grade of a hazard raised from this item when the inspector does not choose one. */
  @Column({ name: 'default_grade', type: 'varchar', length: 16 })
  defaultGrade: HazardGrade;
}
