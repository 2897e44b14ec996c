import { ScopedRecord } from '@campus/database';
import { Column, Entity } from 'typeorm';

@Entity('grid')
export class GridEntity extends ScopedRecord {
  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** 1–3; a level n + 1 grid sits under a level n grid. */
  @Column({ type: 'int' })
  level: number;

  @Column({ name: 'parent_id', type: 'char', length: 32, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  parentId: string | null;
}
