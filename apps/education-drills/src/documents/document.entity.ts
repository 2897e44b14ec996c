import { ASCII_ID } from '@campus/database';
import { StoredFileRecord } from '@campus/files';
import { Column, Entity } from 'typeorm';
import { EducationDocumentKind, EducationDocumentOwnerKind } from './document-enums';

/**
 * A document or photo of an emergency plan revision or a drill. The file lives in the document store under
 * storageKey; created_at is when the upload completed. Scoped like its owner (the plan's or the drill's
 * unit), so a moved unit's documents follow. Never changed or removed once recorded.
 */
@Entity('education_document')
export class EducationDocumentEntity extends StoredFileRecord {
  @Column({ name: 'owner_kind', type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin' })
  ownerKind: EducationDocumentOwnerKind;

  @Column({ name: 'owner_id', ...ASCII_ID })
  ownerId: string;

  @Column({ type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin' })
  kind: EducationDocumentKind;
}
