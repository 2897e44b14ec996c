import { ASCII_ID, ScopedRecord, scopedFieldsFromRow } from '@campus/database';
import { Column, Entity } from 'typeorm';
import { HazardCategory, HazardGrade, HazardSource, HazardStatus } from './hazard-enums';

@Entity('hazard')
export class HazardEntity extends ScopedRecord {
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 32 })
  category: HazardCategory;

  @Column({ type: 'varchar', length: 16 })
  grade: HazardGrade;

  @Column({ type: 'varchar', length: 32 })
  source: HazardSource;

  @Column({ type: 'varchar', length: 32 })
  status: HazardStatus;

  @Column({ name: 'place_text', type: 'varchar', length: 200 })
  placeText: string;

  @Column({ name: 'discovered_at', type: 'datetime', precision: 3 })
  discoveredAt: Date;

  @Column({ name: 'discovered_by_person_id', type: 'char', length: 32, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  discoveredByPersonId: string | null;

  @Column({ name: 'void_reason', type: 'varchar', length: 500, nullable: true })
  voidReason: string | null;

  /** Acceptances that failed and sent the hazard back to rectification. */
  @Column({ name: 'failed_acceptances', type: 'int', default: 0 })
  failedAcceptances: number;

  /** Who submitted the rectification for acceptance (may not accept it). */
  @Column({ name: 'rectified_by_person_id', type: 'char', length: 32, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  rectifiedByPersonId: string | null;

  @Column({ name: 'registered_by_account_id', type: 'char', length: 32, charset: 'ascii', collation: 'ascii_bin' })
  registeredByAccountId: string;

  @Column({ name: 'place_id', ...ASCII_ID, nullable: true })
  placeId: string | null;

  @Column({ name: 'grid_id', ...ASCII_ID, nullable: true })
  gridId: string | null;

  @Column({ name: 'campaign_id', ...ASCII_ID, nullable: true })
  campaignId: string | null;

  /** What raised the hazard in another record: INSPECTION, DRILL, SUPERVISION_FINDING. */
  @Column({ name: 'source_ref_type', type: 'varchar', length: 32, nullable: true })
  sourceRefType: string | null;

  @Column({ name: 'source_ref_id', type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  sourceRefId: string | null;

  /** Copied from the rectification plan so the ledger filters and sorts without a join. */
  @Column({ name: 'responsible_person_id', ...ASCII_ID, nullable: true })
  responsiblePersonId: string | null;

  /** Copied from the rectification plan (YYYY-MM-DD). */
  @Column({ type: 'date', nullable: true })
  deadline: string | null;
}

/** Maps a raw row (snake_case columns, as from a window-function query) to the entity. */
export function hazardFromRow(row: Record<string, unknown>): HazardEntity {
  return Object.assign(new HazardEntity(), scopedFieldsFromRow(row), {
    code: row.code,
    title: row.title,
    description: row.description,
    category: row.category,
    grade: row.grade,
    source: row.source,
    status: row.status,
    placeText: row.place_text,
    discoveredAt: row.discovered_at,
    discoveredByPersonId: row.discovered_by_person_id,
    registeredByAccountId: row.registered_by_account_id,
    voidReason: row.void_reason,
    failedAcceptances: Number(row.failed_acceptances ?? 0),
    rectifiedByPersonId: row.rectified_by_person_id ?? null,
    placeId: row.place_id ?? null,
    gridId: row.grid_id ?? null,
    campaignId: row.campaign_id ?? null,
    sourceRefType: row.source_ref_type ?? null,
    sourceRefId: row.source_ref_id ?? null,
    responsiblePersonId: row.responsible_person_id ?? null,
    deadline: row.deadline ?? null,
  });
}
