import { ASCII_ID } from '@campus/database';
import { StoredFileRecord } from '@campus/files';
import { Column, Entity } from 'typeorm';
import { EvidenceKind } from './evidence-enums';

/**
 * A photo or document attached to a hazard (and, once a transition names it, to that step). The file
 * lives in the evidence store under storageKey; created_at is when the upload completed. Scoped like its
 * hazard, so a moved unit's evidence follows.
 */
@Entity('hazard_evidence')
export class HazardEvidenceEntity extends StoredFileRecord {
  @Column({ name: 'hazard_id', ...ASCII_ID })
  hazardId: string;

  @Column({ name: 'step_id', ...ASCII_ID, nullable: true })
  stepId: string | null;

  @Column({ type: 'varchar', length: 16 })
  kind: EvidenceKind;
}
