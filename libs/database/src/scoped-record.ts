import { Column, CreateDateColumn, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** Column options of an opaque id (newId): 32 ASCII characters, compared byte by byte. */
export const ASCII_ID = { type: 'char', length: 32, charset: 'ascii', collation: 'ascii_bin' } as const;

/**
 * The columns every row scoped to an org unit carries: an opaque id, the owning unit and its
 * materialised path (data scope), an optimistic-lock version and timestamps.
 */
export abstract class ScopedRecord {
  @PrimaryColumn(ASCII_ID)
  id: string;

  @Column({ name: 'org_unit_id', ...ASCII_ID })
  orgUnitId: string;

  @Column({ name: 'org_path', type: 'varchar', length: 512, charset: 'ascii', collation: 'ascii_bin' })
  orgPath: string;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}

/** The ScopedRecord fields of a raw row (snake_case columns, as from a window-function query). */
export function scopedFieldsFromRow(row: Record<string, unknown>): Pick<
  ScopedRecord,
  'id' | 'orgUnitId' | 'orgPath' | 'version' | 'createdAt' | 'updatedAt'
> {
  return {
    id: row.id as string,
    orgUnitId: row.org_unit_id as string,
    orgPath: row.org_path as string,
    version: Number(row.version),
    createdAt: row.created_at as Date,
    updatedAt: row.updated_at as Date,
  };
}
