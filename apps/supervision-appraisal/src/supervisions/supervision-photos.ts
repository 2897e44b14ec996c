import { newId } from '@campus/database';
import { cleanFilename, FileStore, FileType, JPEG, PNG, StoredFile, storedFileColumns, StoredFileFields, storedFileFields, storeThenRecord, WEBP } from '@campus/files';
import { Caller } from '@campus/graphql';
import { definePolicy, lockTransition, requireTransition, scopedAccess, viewRule } from '@campus/server';
import DataLoader from 'dataloader';
import { Readable } from 'node:stream';
import { ObjectType } from 'type-graphql';
import { DataSource, EntityManager, In } from 'typeorm';
import { FINDING_ACCESS, SUPERVISION_ACCESS, SUPERVISION_TRANSITIONS } from './supervision.access';
import { SupervisionFindingEntity } from './supervision.entity';
import { SupervisionPhotoEntity } from './supervision-photo.entity';

const PHOTO_TYPES: readonly FileType[] = [JPEG, PNG, WEBP];

/** A photo is seen where its finding is: the inspected unit's subtree (the organiser's scope covers it). */
export const SUPERVISION_PHOTO_POLICY = definePolicy({ aggregate: 'SupervisionFindingPhoto', label: '问题照片', actions: { view: viewRule('查看和下载') } });
export const SUPERVISION_PHOTO_ACCESS = scopedAccess(SUPERVISION_PHOTO_POLICY, SupervisionPhotoEntity);

@ObjectType('SupervisionFindingPhoto', { description: '督导检查问题的现场照片（经网关上传和下载）' })
export class SupervisionFindingPhoto extends StoredFileFields {}

export function toSupervisionPhoto(entity: SupervisionPhotoEntity): SupervisionFindingPhoto {
  return storedFileFields(entity, `/supervision-photos/${entity.id}`);
}

export interface PhotoUpload {
  findingId: string;
  note: string | null;
  filename?: string;
}

/**
 * The finding, when the caller may add a photo to it now: NOT_FOUND outside their scope, FORBIDDEN without
 * a recorder's role at the organiser, CONFLICT unless the inspection is under way or reported. With
 * `lock`, the inspection row is locked in the caller's transaction.
 */
async function findingAcceptingPhoto(manager: EntityManager, caller: Caller, findingId: string, lock: boolean): Promise<SupervisionFindingEntity> {
  const finding = await FINDING_ACCESS.find(manager, caller, 'view', findingId);
  const ref = { id: finding.supervisionId };
  if (lock) {
    await lockTransition(SUPERVISION_ACCESS, manager, caller, SUPERVISION_TRANSITIONS, 'ATTACH_PHOTO', ref);
  } else {
    const supervision = await SUPERVISION_ACCESS.find(manager, caller, 'ATTACH_PHOTO', ref.id);
    requireTransition(SUPERVISION_TRANSITIONS, 'ATTACH_PHOTO', supervision.status, supervision.id);
  }
  return finding;
}

/** Storing and serving finding photos: scope, role and state first, type and size checked while streaming, file first, row second. */
export class SupervisionPhotos {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: FileStore,
    private readonly maxBytes: number,
  ) {}

  async upload(caller: Caller, upload: PhotoUpload, content: Readable): Promise<SupervisionFindingPhoto> {
    const finding = await findingAcceptingPhoto(this.dataSource.manager, caller, upload.findingId, false);
    const id = newId();
    const storageKey = `supervision-findings/${finding.id}/${id}`;
    await storeThenRecord(this.store, storageKey, content, { allowed: PHOTO_TYPES, maxBytes: this.maxBytes }, (file) =>
      this.dataSource.transaction(async (manager) => {
        const current = await findingAcceptingPhoto(manager, caller, upload.findingId, true);
        await manager.getRepository(SupervisionPhotoEntity).insert({
          id,
          findingId: current.id,
          ...storedFileColumns(file, { storageKey, filename: cleanFilename(upload.filename, file.type, '问题照片'), note: upload.note }, caller.viewer),
          orgUnitId: current.orgUnitId,
          orgPath: current.orgPath,
        });
      }),
    );
    return toSupervisionPhoto(await this.dataSource.getRepository(SupervisionPhotoEntity).findOneByOrFail({ id }));
  }

  /** The record of a photo the caller may see (NOT_FOUND otherwise), without opening the file. */
  find(caller: Caller, id: string): Promise<SupervisionPhotoEntity> {
    return SUPERVISION_PHOTO_ACCESS.find(this.dataSource.manager, caller, 'view', id);
  }

  open(photo: SupervisionPhotoEntity): Promise<StoredFile> {
    return this.store.get(photo.storageKey);
  }
}

/** SupervisionFinding.photos: the photos of many (visible) findings in one statement, oldest first. */
export function findingPhotos(dataSource: DataSource, caller: Caller, findingId: string): Promise<SupervisionFindingPhoto[]> {
  const loader = caller.loaders.get('SupervisionFinding.photos', () =>
    new DataLoader<string, SupervisionFindingPhoto[]>(async (ids) => {
      const rows = await dataSource.manager.find(SupervisionPhotoEntity, { where: { findingId: In([...ids]) }, order: { createdAt: 'ASC', id: 'ASC' } });
      return ids.map((id) => rows.filter((row) => row.findingId === id).map(toSupervisionPhoto));
    }),
  );
  return loader.load(findingId);
}
