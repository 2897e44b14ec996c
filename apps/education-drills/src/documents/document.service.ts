import { newId } from '@campus/database';
import { cleanFilename, FileStore, storedFileColumns, storeThenRecord, StoredFile } from '@campus/files';
import { Caller } from '@campus/graphql';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { EducationDocumentKind, typesAllowedFor } from './document-enums';
import { ownerAcceptingDocument, OwnerRef } from './document-owners';
import { EDUCATION_DOCUMENT_ACCESS } from './document.access';
import { EducationDocumentEntity } from './document.entity';
import { EducationDocument, toEducationDocument } from './document.types';

export interface DocumentUpload extends OwnerRef {
  kind: EducationDocumentKind;
  note: string | null;
  /** As the client named it; cleaned before it is stored. */
  filename?: string;
}

export interface DocumentServiceOptions {
  maxBytes: number;
}

/** Storing and serving plan revision and drill documents: scope, role and state first, inspection while streaming, file first, row second. */
export class DocumentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: FileStore,
    private readonly options: DocumentServiceOptions,
  ) {}

  /**
   * Checks the caller and owner before reading a byte, streams the content through the inspector into the
   * store, then records the row after checking the owner again under its lock (an approval of a newer
   * revision or a cancelled drill in between refuses it). A refusal or crash leaves at worst an unreferenced file.
   */
  async upload(caller: Caller, upload: DocumentUpload, content: Readable): Promise<EducationDocument> {
    const owner = await ownerAcceptingDocument(this.dataSource.manager, caller, upload);
    const id = newId();
    const storageKey = `${owner.keyPrefix}/${id}`;
    await storeThenRecord(this.store, storageKey, content, { allowed: typesAllowedFor(upload.kind), maxBytes: this.options.maxBytes }, (file) =>
      this.dataSource.transaction(async (manager) => {
        const current = await ownerAcceptingDocument(manager, caller, upload, true);
        const filename = cleanFilename(upload.filename, file.type, upload.kind === EducationDocumentKind.PHOTO ? '照片' : '文件');
        await manager.getRepository(EducationDocumentEntity).insert({
          id,
          ownerKind: current.ownerKind,
          ownerId: current.ownerId,
          kind: upload.kind,
          ...storedFileColumns(file, { storageKey, filename, note: upload.note }, caller.viewer),
          orgUnitId: current.orgUnitId,
          orgPath: current.orgPath,
        });
      }),
    );
    return toEducationDocument(await this.dataSource.getRepository(EducationDocumentEntity).findOneByOrFail({ id }));
  }

  /** The record of a document the caller may see (NOT_FOUND otherwise), without opening the file. */
  find(caller: Caller, id: string): Promise<EducationDocumentEntity> {
    return EDUCATION_DOCUMENT_ACCESS.find(this.dataSource.manager, caller, 'view', id);
  }

  open(document: EducationDocumentEntity): Promise<StoredFile> {
    return this.store.get(document.storageKey);
  }
}
