import { ASCII_ID } from '@campus/database';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { GridRole } from './grid-role';

/** One person's term in one role on one grid; the grid's scope applies. */
@Entity('grid_assignment')
export class GridAssignmentEntity {
  @PrimaryColumn(ASCII_ID)
  id: string;

  @Column({ name: 'grid_id', ...ASCII_ID })
  gridId: string;

  @Column({ name: 'person_id', ...ASCII_ID })
  personId: string;

  @Column({ type: 'varchar', length: 16 })
  role: GridRole;

  /** Calendar days (YYYY-MM-DD); the term includes both. */
  @Column({ name: 'from_date', type: 'date' })
  from: string;

  @Column({ name: 'to_date', type: 'date', nullable: true })
  to: string | null;

  /** The membership rule that placed the person; null for terms assigned by hand. */
  @Column({ name: 'rule_id', ...ASCII_ID, nullable: true })
  ruleId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
