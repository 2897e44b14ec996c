import { ASCII_ID, ScopedRecord } from '@campus/database';
import { Column, Entity } from 'typeorm';

/**
 * A photo of a finding. The file lives in the photo store under storageKey; created_at is when the upload
 * completed. Scoped like its finding (the inspected unit), so a moved unit's photos follow. Never changed once recorded.
 */
@Entity('supervision_photo')
export class SupervisionPhotoEntity extends ScopedRecord {
  @Column({ name: 'finding_id', ...ASCII_ID })
  findingId: string;

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

  @Column({ name: 'uploaded_by_account_id', type: 'varchar', length: 64 })
  uploadedByAccountId: string;

  @Column({ name: 'uploaded_by_person_id', ...ASCII_ID, nullable: true })
  uploadedByPersonId: string | null;
}
