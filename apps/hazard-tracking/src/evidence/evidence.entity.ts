import { ASCII_ID, ScopedRecord } from '@campus/database';
import { Column, Entity } from 'typeorm';
import { EvidenceKind } from './evidence-enums';

/**
 * A photo or document attached to a hazard (and, once a transition names it, to that step). The file
 * lives in the evidence store under storageKey; created_at is when the upload completed. Scoped like its
 * hazard, so a moved unit's evidence follows.
 */
@Entity('hazard_evidence')
export class HazardEvidenceEntity extends ScopedRecord {
  @Column({ name: 'hazard_id', ...ASCII_ID })
  hazardId: string;

  @Column({ name: 'step_id', ...ASCII_ID, nullable: true })
  stepId: string | null;

  @Column({ type: 'varchar', length: 16 })
  kind: EvidenceKind;

  @Column({ type: 'varchar', length: 255 })
  filename: string;

  @Column({ name: 'content_type', type: 'varchar', length: 100, charset: 'ascii', collation: 'ascii_bin' })
  contentType: string;

  @Column({ name: 'size_bytes', type: 'int' })
  sizeBytes: number;

  /** Hex SHA-256 of the content, computed while it was uploaded. */
  @Column({ type: 'char', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  sha256: string;

  @Column({ name: 'storage_key', type: 'varchar', length: 255, charset: 'ascii', collation: 'ascii_bin' })
  storageKey: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ name: 'uploaded_by_account_id', ...ASCII_ID })
  uploadedByAccountId: string;

  @Column({ name: 'uploaded_by_person_id', ...ASCII_ID, nullable: true })
  uploadedByPersonId: string | null;
}
