import { HAZARD_REPORTER_ROLES, Role, Viewer } from '@campus/auth';
import { newId } from '@campus/database';
import { ConflictError, ForbiddenError, NotFoundError } from '@campus/graphql';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import { DataSource } from 'typeorm';
import { HazardStatus } from '../hazards/hazard-enums';
import { HAZARD_TRANSITIONS } from '../hazards/hazard-transitions';
import { HazardEntity } from '../hazards/hazard.entity';
import { EvidenceKind } from './evidence-enums';
import { EvidenceStore, StoredFile } from './evidence-store';
import { HazardEvidenceEntity } from './evidence.entity';
import { HazardEvidence, toHazardEvidence } from './evidence.types';
import { cleanFilename, typesAllowedFor } from './file-types';
import { UploadInspector } from './upload-inspector';

/** Whoever may register a hazard or take a step of its loop at its unit may add evidence to it. */
export const EVIDENCE_UPLOADER_ROLES: readonly Role[] = [
  ...new Set([...HAZARD_REPORTER_ROLES, ...Object.values(HAZARD_TRANSITIONS).flatMap((transition) => transition.roles)]),
];

/** The hazard's file is closed once archived; a voided hazard has none. */
const CLOSED_STATUSES: readonly HazardStatus[] = [HazardStatus.ARCHIVED, HazardStatus.VOIDED];

export interface EvidenceUpload {
  hazardId: string;
  kind: EvidenceKind;
  note: string | null;
  /** As the client named it; cleaned before it is stored. */
  filename?: string;
}

export interface EvidenceServiceOptions {
  maxBytes: number;
}

/** Storing and serving evidence files: scope and role checks, inspection while streaming, file first, row second. */
export class EvidenceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EvidenceStore,
    private readonly options: EvidenceServiceOptions,
  ) {}

  /** The hazard, when the viewer may attach evidence to it: NOT_FOUND outside scope, FORBIDDEN without a role there. */
  async hazardAcceptingEvidence(viewer: Viewer, hazardId: string): Promise<HazardEntity> {
    const hazard = await this.dataSource.getRepository(HazardEntity).findOneBy({ id: hazardId });
    if (!hazard || !viewer.covers(hazard.orgPath)) throw new NotFoundError('隐患', hazardId);
    if (!viewer.hasRoleAt(EVIDENCE_UPLOADER_ROLES, hazard.orgPath)) throw new ForbiddenError('您无权为该隐患上传佐证材料');
    if (CLOSED_STATUSES.includes(hazard.status)) {
      throw new ConflictError('ILLEGAL_TRANSITION', '隐患已存档或作废，不能再添加佐证材料', { id: hazard.id, status: hazard.status });
    }
    return hazard;
  }

  /**
   * Checks the viewer and hazard before reading a byte, streams the content through the inspector into
   * the store, then records the row. A crash between the two leaves at worst an unreferenced file.
   */
  async upload(viewer: Viewer, upload: EvidenceUpload, content: Readable): Promise<HazardEvidence> {
    const hazard = await this.hazardAcceptingEvidence(viewer, upload.hazardId);
    const inspector = new UploadInspector(typesAllowedFor(upload.kind), this.options.maxBytes);
    const id = newId();
    const storageKey = `hazards/${hazard.id}/${id}`;
    await this.store.put(storageKey, pipeline(content, inspector, () => undefined));
    const file = inspector.result;
    const row = this.dataSource.getRepository(HazardEvidenceEntity).create({
      id,
      hazardId: hazard.id,
      stepId: null,
      kind: upload.kind,
      filename: cleanFilename(upload.filename, file.type),
      contentType: file.type.contentType,
      sizeBytes: file.size,
      sha256: file.sha256,
      storageKey,
      note: upload.note,
      uploadedByAccountId: viewer.accountId,
      uploadedByPersonId: viewer.personId,
      orgUnitId: hazard.orgUnitId,
      orgPath: hazard.orgPath,
    });
    try {
      await this.dataSource.getRepository(HazardEvidenceEntity).insert(row);
    } catch (error) {
      await this.store.delete(storageKey).catch(() => undefined);
      throw error;
    }
    const saved = await this.dataSource.getRepository(HazardEvidenceEntity).findOneByOrFail({ id });
    return toHazardEvidence(saved, null);
  }

  /** The record of a file the viewer may see (NOT_FOUND otherwise), without opening the file. */
  async find(viewer: Viewer, id: string): Promise<HazardEvidenceEntity> {
    const evidence = await this.dataSource.getRepository(HazardEvidenceEntity).findOneBy({ id });
    if (!evidence || !viewer.covers(evidence.orgPath)) throw new NotFoundError('佐证材料', id);
    return evidence;
  }

  open(evidence: HazardEvidenceEntity): Promise<StoredFile> {
    return this.store.get(evidence.storageKey);
  }
}
