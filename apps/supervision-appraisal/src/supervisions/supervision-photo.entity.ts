import { ASCII_ID } from '@campus/database';
import { StoredFileRecord } from '@campus/files';
import { Column, Entity } from 'typeorm';

/**
 * A photo of a finding. The file lives in the photo store under storageKey; created_at is when the upload
 * completed. Scoped like its finding (the inspected unit), so a moved unit's photos follow. Never changed once recorded.
 */
@Entity('supervision_photo')
export class SupervisionPhotoEntity extends StoredFileRecord {
  @Column({ name: 'finding_id', ...ASCII_ID })
  findingId: string;
}
