import { newId } from '@campus/database';
import { Caller, NotFoundError } from '@campus/graphql';
import { oncePerRequest, requireTransition } from '@campus/server';
import { cleanFilename, FileStore, StoredFile, storedFileColumns, storeThenRecord } from '@campus/files';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { HAZARD_ACCESS } from '../hazards/hazard.access';
import { HazardEntity } from '../hazards/hazard.entity';
import { EvidenceKind, typesAllowedFor } from './evidence-enums';
import { EVIDENCE_ACCESS, EVIDENCE_POLICY, EVIDENCE_UPLOAD_ACCESS, EVIDENCE_UPLOAD_TRANSITIONS } from './evidence.access';
import { HazardEvidenceEntity } from './evidence.entity';
import { HazardEvidence, toHazardEvidence } from './evidence.types';

export interface EvidenceUpload {
  hazardId: string;
  kind: EvidenceKind;
  note: string | null;
  /** As the client named it; cleaned before it is stored. */
  filename?: string;
  /** The client's request id (header Idempotency-Key): a retried upload answers the first one's record. */
  clientRequestId?: string | null;
}

export interface EvidenceServiceOptions {
  maxBytes: number;
}

/** Storing and serving evidence files: scope and role checks, inspection while streaming, file first, row second. */
export class EvidenceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: FileStore,
    private readonly options: EvidenceServiceOptions,
  ) {}

  /** The hazard, when the caller may attach evidence to it: NOT_FOUND outside scope, FORBIDDEN without a role there, CONFLICT once its file is closed. */
  async hazardAcceptingEvidence(caller: Caller, hazardId: string): Promise<HazardEntity> {
    const hazard = await EVIDENCE_UPLOAD_ACCESS.find(this.dataSource.manager, caller, 'UPLOAD_EVIDENCE', hazardId);
    requireTransition(EVIDENCE_UPLOAD_TRANSITIONS, 'UPLOAD_EVIDENCE', hazard.status, hazard.id);
    return hazard;
  }

  /**
   * Checks the viewer and hazard before reading a byte, streams the content through the inspector into
   * the store, then records the row. A crash between the two leaves at worst an unreferenced file.
   */
  async upload(caller: Caller, upload: EvidenceUpload, content: Readable): Promise<HazardEvidence> {
    const hazard = await this.hazardAcceptingEvidence(caller, upload.hazardId);
    const id = newId();
    const storageKey = `hazards/${hazard.id}/${id}`;
    const limits = { allowed: typesAllowedFor(upload.kind), maxBytes: this.options.maxBytes };
    const outcome = await storeThenRecord(this.store, storageKey, content, limits, async (file) => {
      const { clientRequestId, ...fields } = upload;
      const request = { viewer: caller.viewer, operation: 'uploadEvidence', clientRequestId, input: { ...fields, sha256: file.sha256 } };
      const recorded = await this.dataSource.transaction(
        oncePerRequest(request, async (manager) => {
          await manager.insert(HazardEvidenceEntity, {
            id,
            hazardId: hazard.id,
            stepId: null,
            kind: upload.kind,
            ...storedFileColumns(file, { storageKey, filename: cleanFilename(upload.filename, file.type), note: upload.note }, caller.viewer),
            orgUnitId: hazard.orgUnitId,
            orgPath: hazard.orgPath,
          });
          return { id };
        }),
      );
      // A retried upload keeps the first upload's file and record; this copy is not needed.
      if (!recorded.created) await this.store.delete(storageKey);
      return recorded;
    });
    const saved = await this.dataSource.getRepository(HazardEvidenceEntity).findOneByOrFail({ id: outcome.id });
    return toHazardEvidence(saved, null);
  }

  /**
   * The record of a file the caller may see (NOT_FOUND otherwise), without opening the file: in their scope,
   * and its hazard visible to them as the hazard's own view decides (a sensitive case's files are its handlers').
   */
  async find(caller: Caller, id: string): Promise<HazardEvidenceEntity> {
    const manager = this.dataSource.manager;
    const evidence = await EVIDENCE_ACCESS.find(manager, caller, 'view', id);
    const hazard = await manager.findOneBy(HazardEntity, { id: evidence.hazardId });
    if (!hazard || !HAZARD_ACCESS.allows(caller, 'view', hazard.orgPath, HAZARD_ACCESS.isRestricted(hazard))) {
      throw new NotFoundError(EVIDENCE_POLICY.label, id);
    }
    return evidence;
  }

  open(evidence: HazardEvidenceEntity): Promise<StoredFile> {
    return this.store.get(evidence.storageKey);
  }
}
