import { ASCII_ID, ScopedRecord } from '@campus/database';
import { Column, Entity } from 'typeorm';
import { EducationDocumentKind, EducationDocumentOwnerKind } from './document-enums';

/**
 * A document or photo of an emergency plan revision or a drill. The file lives in the document store under
 * storageKey; created_at is when the upload completed. Scoped like its owner (the plan's or the drill's
 * unit), so a moved unit's documents follow. Never changed or removed once recorded.
 */
@Entity('education_document')
export class EducationDocumentEntity extends ScopedRecord {
  @Column({ name: 'owner_kind', type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin' })
  ownerKind: EducationDocumentOwnerKind;

  @Column({ name: 'owner_id', ...ASCII_ID })
  ownerId: string;

  @Column({ type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin' })
  kind: EducationDocumentKind;

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
